import { formatDate } from '../../../shared/i18n/registry-labels';
import { CHANNEL_LABELS } from '../../../shared/cashdesk/cashdesk-messages';
import type { CounterSessionView } from '../../../shared/contract/cashdesk-views';
import { cents } from '../../../shared/money/cents';
import { formatEuro } from '../../../shared/money/euro-format';
import { createA4Document } from '../documents/pdf-layout';

const euro = (n: number) => formatEuro(cents(n), 'it');

export interface ReceiptContent {
  comuneName: string;
  receiptNumber: string;
  issuedAt: Date;
  clerkName: string;
  workstation: string;
  debtTitle: string;
  noticeNumber: string;
  breakdown: string[];
  amountCents: number;
  channel: 'pos' | 'cash' | 'pagopa_notice';
  pspTransactionId: string | null;
  tenderedCents: number | null;
  changeCents: number | null;
}

/** The numbered receipt handed over at the counter: what was paid, how, and the breakdown. */
export async function renderReceiptPdf(r: ReceiptContent): Promise<Uint8Array> {
  const doc = await createA4Document({
    title: `Ricevuta ${r.receiptNumber}`,
    author: `Comune di ${r.comuneName}`,
    createdAt: r.issuedAt,
  });
  doc.heading(`COMUNE DI ${r.comuneName.toUpperCase()}`, { align: 'center', size: 14 });
  doc.paragraph('Sportello polifunzionale – Cassa', { align: 'center', spaceAfter: 12 });
  doc.heading(`RICEVUTA DI PAGAMENTO N. ${r.receiptNumber}`, { size: 12, spaceAfter: 8 });
  doc.keyValue('Data e ora', r.issuedAt.toLocaleString('it-IT', { timeZone: 'Europe/Rome' }));
  doc.keyValue('Causale', r.debtTitle);
  doc.keyValue('Avviso pagoPA', r.noticeNumber);
  doc.rule({ spaceBefore: 6, spaceAfter: 6 });
  for (const line of r.breakdown) doc.paragraph(line);
  doc.rule({ spaceBefore: 6, spaceAfter: 6 });
  doc.keyValue('Importo pagato', euro(r.amountCents));
  doc.keyValue('Modalità', CHANNEL_LABELS[r.channel].it);
  if (r.pspTransactionId) doc.keyValue('Transazione POS (PSP)', r.pspTransactionId);
  if (r.tenderedCents !== null) doc.keyValue('Contanti ricevuti', euro(r.tenderedCents));
  if (r.changeCents !== null) doc.keyValue('Resto', euro(r.changeCents));
  doc.space(12);
  doc.paragraph(`Operatore: ${r.clerkName} – Postazione: ${r.workstation}`, { size: 9 });
  doc.paragraph(
    'Conservare la ricevuta: in caso di doppio pagamento il Comune rimborsa la somma non dovuta.',
    { size: 9 },
  );
  return doc.save();
}

export interface BasketReceiptContent {
  comuneName: string;
  receiptNumber: string;
  issuedAt: Date;
  clerkName: string;
  workstation: string;
  /** one per debt, in the receipt's order: what, its pagoPA notice, its amount and breakdown */
  items: { title: string; noticeNumber: string; amountCents: number; breakdown: string[] }[];
  totalCents: number;
  channel: 'pos' | 'cash';
  pspTransactionId: string | null;
  tenderedCents: number | null;
  changeCents: number | null;
}

/**
 * One receipt for several debts paid at once: each debt a numbered line (`…/1`, `…/2`, the
 * number its payment keeps for refunds), then the one payment that settled them all.
 */
export async function renderBasketReceiptPdf(r: BasketReceiptContent): Promise<Uint8Array> {
  const doc = await createA4Document({
    title: `Ricevuta ${r.receiptNumber}`,
    author: `Comune di ${r.comuneName}`,
    createdAt: r.issuedAt,
  });
  doc.heading(`COMUNE DI ${r.comuneName.toUpperCase()}`, { align: 'center', size: 14 });
  doc.paragraph('Sportello polifunzionale – Cassa', { align: 'center', spaceAfter: 12 });
  doc.heading(`RICEVUTA DI PAGAMENTO N. ${r.receiptNumber}`, { size: 12, spaceAfter: 8 });
  doc.keyValue('Data e ora', r.issuedAt.toLocaleString('it-IT', { timeZone: 'Europe/Rome' }));
  doc.keyValue('Pendenze pagate', String(r.items.length));
  r.items.forEach((item, i) => {
    doc.rule({ spaceBefore: 6, spaceAfter: 6 });
    doc.keyValue(`Riga ${r.receiptNumber}/${i + 1}`, `${item.title}: ${euro(item.amountCents)}`);
    doc.keyValue('Avviso pagoPA', item.noticeNumber);
    for (const line of item.breakdown) doc.paragraph(line, { size: 9 });
  });
  doc.rule({ spaceBefore: 6, spaceAfter: 6 });
  doc.keyValue('Totale pagato', euro(r.totalCents));
  doc.keyValue('Modalità', CHANNEL_LABELS[r.channel].it);
  if (r.pspTransactionId) doc.keyValue('Transazione POS (PSP)', r.pspTransactionId);
  if (r.tenderedCents !== null) doc.keyValue('Contanti ricevuti', euro(r.tenderedCents));
  if (r.changeCents !== null) doc.keyValue('Resto', euro(r.changeCents));
  doc.space(12);
  doc.paragraph(`Operatore: ${r.clerkName} – Postazione: ${r.workstation}`, { size: 9 });
  doc.paragraph(
    'Conservare la ricevuta: in caso di doppio pagamento il Comune rimborsa la somma non dovuta.',
    { size: 9 },
  );
  return doc.save();
}

/** The end-of-day closing report the supervisor signs. */
export async function renderClosingReportPdf(
  s: CounterSessionView,
  comuneName: string,
  workstation: string,
  issuedAt: Date,
): Promise<Uint8Array> {
  const doc = await createA4Document({
    title: `Chiusura di cassa ${s.businessDate} – ${s.clerkName}`,
    author: `Comune di ${comuneName}`,
    createdAt: issuedAt,
    pageLabel: (p, n) => `pagina ${p} di ${n}`,
  });
  doc.heading(`COMUNE DI ${comuneName.toUpperCase()}`, { align: 'center', size: 14 });
  doc.heading(`CHIUSURA DI CASSA DEL ${formatDate(s.businessDate)}`, {
    align: 'center',
    size: 12,
    spaceAfter: 10,
  });
  doc.keyValue('Operatore', `${s.clerkName} (${s.clerk})`);
  doc.keyValue('Postazione', workstation);
  doc.keyValue('Fondo cassa iniziale', euro(s.openingFloatCents));
  doc.rule({ spaceBefore: 6, spaceAfter: 6 });
  doc.heading('Totali per canale', { size: 11 });
  for (const channel of ['pos', 'cash', 'pagopa_notice'] as const) {
    const t = s.totals.byChannel[channel];
    doc.keyValue(
      CHANNEL_LABELS[channel].it,
      `${t.paymentsCount} incassi ${euro(t.paymentsCents)} – storni ${euro(t.reversalsCents)} = ${euro(t.netCents)}`,
    );
  }
  doc.keyValue('Totale netto', euro(s.totals.netCents));
  doc.rule({ spaceBefore: 6, spaceAfter: 6 });
  doc.keyValue('Contanti attesi', euro(s.totals.expectedCashCents));
  if (s.closing) {
    doc.keyValue('Contanti contati', euro(s.closing.countedCashCents));
    const d = s.closing.discrepancyCents;
    doc.keyValue(
      'Differenza',
      d === 0 ? 'nessuna' : `${d > 0 ? 'eccedenza' : 'ammanco'} ${euro(Math.abs(d))}`,
    );
    if (s.closing.note) doc.keyValue('Nota', s.closing.note);
  }
  doc.rule({ spaceBefore: 6, spaceAfter: 6 });
  doc.heading('Movimenti', { size: 11 });
  for (const e of s.entries) {
    const sign = e.kind === 'payment' ? '' : '−';
    doc.paragraph(
      `${e.at.slice(11, 16)}  ${e.receiptNumber}  ${e.kind === 'payment' ? 'incasso' : e.kind === 'refund' ? 'rimborso' : 'rettifica'}  ${e.debtKey}  ${CHANNEL_LABELS[e.channel].it}  ${sign}${euro(e.amountCents)}${e.reason ? ` – ${e.reason}` : ''}`,
      { size: 9 },
    );
  }
  doc.space(16);
  doc.paragraph(
    s.signOff
      ? `Vistato dal responsabile ${s.signOff.by} il ${s.signOff.at.replace('T', ' alle ').slice(0, 22)}`
      : 'In attesa del visto del responsabile',
  );
  return doc.save();
}
