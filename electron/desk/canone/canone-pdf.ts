import { rgb } from 'pdf-lib';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import type { CanoneApplicationRecord } from '../../../shared/canone/canone-wire';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { cents } from '../../../shared/money/cents';
import { formatEuro } from '../../../shared/money/euro-format';
import { createA4Document, GREY, MM } from '../documents/pdf-layout';
import { qrMatrix } from '../documents/qr-matrix';
import { addressOf, applicantLabelOf, categoryLabelOf } from './canone-views';

/**
 * The canone's documents: the concession (A4, with the QR of the hub's public verification page,
 * `<hub>/verify/canone/<number>?k=<key>`, which says in force, ended or revoked) and the
 * art. 10-bis letter before a refusal. Dates come from the record, never from a clock, so a
 * reprint is the same file.
 */

const NAVY = rgb(0.11, 0.22, 0.4);
const OFFICE = 'Ufficio Suolo Pubblico e Pubblicità – Canone unico patrimoniale';

const euro = (c: number) => formatEuro(cents(c), 'it');
const measureText = (m: number, unit: 'm2' | 'ml') =>
  `${String(m).replace('.', ',')} ${unit === 'm2' ? 'm²' : 'ml'}`;
const noon = (day: IsoDate) => new Date(`${day}T12:00:00Z`);

export interface ConcessionPdfContext {
  comuneName: string;
  verificationUrl: string | null;
  /** the application's protocol number, "2026/0000123" */
  protocol: string | null;
}

export async function renderConcession(
  r: CanoneApplicationRecord,
  c: ConcessionPdfContext,
): Promise<Uint8Array> {
  const concession = r.concession;
  if (!concession) throw new RangeError(`Application ${r.id} has no concession`);
  const advertising = r.procedureCode === 'esposizione_pubblicitaria';
  const title = advertising
    ? 'CONCESSIONE PER L’ESPOSIZIONE PUBBLICITARIA'
    : 'CONCESSIONE DI OCCUPAZIONE DI SUOLO PUBBLICO';
  const doc = await createA4Document({
    title: `${title} – ${concession.number}`,
    author: `Comune di ${c.comuneName} – ${OFFICE}`,
    subject: `Concessione n. ${concession.number}`,
    createdAt: noon(concession.decidedOn),
    pageLabel: (page, pages) => `Concessione n. ${concession.number} – pagina ${page} di ${pages}`,
  });
  doc.paragraph(`Comune di ${c.comuneName}`, { size: 16, bold: true, color: NAVY });
  doc.paragraph(OFFICE, { size: 10, color: GREY, spaceAfter: 4 });
  doc.rule({ color: NAVY, thickness: 1.5, spaceAfter: 18 });
  doc.paragraph(title, { size: 14, bold: true, align: 'center' });
  doc.paragraph(`n. ${concession.number} del ${formatDate(concession.decidedOn)}`, {
    size: 11,
    align: 'center',
    color: GREY,
    spaceAfter: 14,
  });
  doc.paragraph(
    'Vista la domanda' +
      (c.protocol ? ` registrata al protocollo n. ${c.protocol}` : '') +
      ', visto l’art. 1, commi 816-847, della legge 27 dicembre 2019, n. 160 e il regolamento comunale del canone unico patrimoniale, si rilascia la concessione a:',
    { size: 10, spaceAfter: 8 },
  );
  const rows: [string, string][] = [
    ['Concessionario', applicantLabelOf(r.applicant)],
    ...(r.applicant.kind === 'company' ? ([['Sede', r.applicant.seat]] as [string, string][]) : []),
    ['Luogo', `${addressOf(r)} (zona ${r.zone})`],
    ['Oggetto', `${categoryLabelOf(r, 'it')} – ${r.purpose}`],
    ['Misura', measureText(r.measure, r.fee.unit)],
    [
      'Durata',
      r.regime === 'permanent'
        ? `permanente dal ${formatDate(concession.validFrom)}${concession.validTo ? ` al ${formatDate(concession.validTo)}` : ''}`
        : `temporanea dal ${formatDate(concession.validFrom)} al ${formatDate(concession.validTo ?? r.end ?? r.start)}`,
    ],
  ];
  if (r.hours) rows.push(['Orario', `dalle ${r.hours.from} alle ${r.hours.to}`]);
  rows.push([
    r.regime === 'permanent' ? `Canone ${r.fee.year ?? ''}`.trim() : 'Canone',
    euro(r.fee.totalCents),
  ]);
  for (const [k, v] of rows) doc.keyValue(k, v, { size: 10.5 });
  doc.paragraph('Calcolo del canone', { size: 10, bold: true, spaceBefore: 8 });
  for (const line of r.fee.lines) doc.keyValue(line.label.it, line.value, { size: 9 });
  if (r.notices.length > 0) {
    doc.paragraph('Pagamento con avviso pagoPA (codice di segregazione 47 – Canone Unico)', {
      size: 10,
      bold: true,
      spaceBefore: 8,
    });
    for (const n of r.notices) {
      doc.keyValue(
        n.of > 1 ? `Rata ${n.instalment} di ${n.of}` : 'Avviso',
        `${n.noticeNumber} – ${euro(n.amountCents)} entro il ${formatDate(n.dueDate)}`,
        { size: 9.5 },
      );
    }
  }
  doc.paragraph(
    'La concessione è personale e vale per il luogo, la misura e il periodo indicati. Il concessionario la tiene sul posto ed esibisce a richiesta degli agenti; il mancato pagamento del canone ne comporta la decadenza secondo il regolamento.',
    { size: 9, spaceBefore: 8 },
  );
  if (r.policeRequested) {
    doc.paragraph(
      'L’occupazione interessa la circolazione: è stata chiesta alla Polizia Locale l’ordinanza di viabilità.',
      {
        size: 9,
        spaceBefore: 4,
      },
    );
  }
  doc.paragraph(`Rilasciata il ${formatDate(concession.decidedOn)} da ${concession.decidedBy}.`, {
    size: 9,
    spaceBefore: 4,
  });
  if (c.verificationUrl) {
    doc.space(12);
    doc.qr(qrMatrix(c.verificationUrl), { size: 28 * MM, align: 'center' });
    doc.paragraph('Verifica online della concessione (in vigore, scaduta o revocata):', {
      size: 8.5,
      align: 'center',
      color: GREY,
      spaceBefore: 4,
    });
    doc.paragraph(c.verificationUrl, { size: 8.5, align: 'center', color: GREY });
  }
  return doc.save();
}

export interface RefusalNoticeContext {
  comuneName: string;
  protocol: string | null;
  /** the reasons against the application, as the office writes them */
  reasons: string;
  writtenOn: IsoDate;
  clerk: string;
}

/**
 * L. 241/1990 art. 10-bis: before a refusal the applicant is told the reasons and may answer in
 * writing within 10 days; the notice suspends the term, which starts again 10 days after the
 * observations or, without them, when the 10 days end (as amended by DL 76/2020).
 */
export async function renderRefusalNotice(
  r: CanoneApplicationRecord,
  c: RefusalNoticeContext,
): Promise<Uint8Array> {
  const doc = await createA4Document({
    title: `Comunicazione dei motivi ostativi – domanda ${c.protocol ?? r.id}`,
    author: `Comune di ${c.comuneName} – ${OFFICE}`,
    subject: 'Art. 10-bis L. 241/1990',
    createdAt: noon(c.writtenOn),
    pageLabel: (page, pages) => `Pagina ${page} di ${pages}`,
  });
  doc.paragraph(`Comune di ${c.comuneName}`, { size: 16, bold: true, color: NAVY });
  doc.paragraph(OFFICE, { size: 10, color: GREY, spaceAfter: 4 });
  doc.rule({ color: NAVY, thickness: 1.5, spaceAfter: 14 });
  doc.paragraph(`${c.comuneName}, ${formatDate(c.writtenOn)}`, { size: 10, align: 'right', spaceAfter: 10 });
  doc.paragraph(`Spett.le ${applicantLabelOf(r.applicant)}`, { size: 10.5, bold: true });
  if (r.applicant.kind === 'company') {
    doc.paragraph(r.applicant.seat, { size: 10 });
    if (r.applicant.pec) doc.paragraph(`PEC: ${r.applicant.pec}`, { size: 10 });
  }
  doc.space(12);
  doc.paragraph(
    'Oggetto: comunicazione dei motivi ostativi all’accoglimento dell’istanza (art. 10-bis della legge 7 agosto 1990, n. 241)',
    { size: 10.5, bold: true, spaceAfter: 8 },
  );
  doc.paragraph(
    `Con riferimento alla Sua domanda di concessione${c.protocol ? ` registrata al protocollo n. ${c.protocol}` : ''} per ${categoryLabelOf(r, 'it').toLowerCase()} di ${measureText(r.measure, r.fee.unit)} in ${addressOf(r)}, ${r.end ? `dal ${formatDate(r.start)} al ${formatDate(r.end)}` : `dal ${formatDate(r.start)}`}, si comunica che l’istruttoria ha rilevato i seguenti motivi che ostano al suo accoglimento:`,
    { size: 10, spaceAfter: 6 },
  );
  for (const reason of c.reasons.split(/\n+/).filter((s) => s.trim() !== '')) {
    doc.paragraph(`– ${reason.trim()}`, { size: 10, indent: 12, hangingIndent: 8 });
  }
  doc.paragraph(
    'Entro il termine di dieci giorni dal ricevimento della presente Ella ha diritto di presentare per iscritto le Sue osservazioni, eventualmente corredate da documenti. La presente comunicazione sospende i termini di conclusione del procedimento, che ricominciano a decorrere dieci giorni dopo la presentazione delle osservazioni o, in mancanza delle stesse, dalla scadenza del termine indicato. Dell’eventuale mancato accoglimento delle osservazioni sarà data ragione nel provvedimento finale.',
    { size: 10, spaceBefore: 8 },
  );
  doc.paragraph(`Il responsabile del procedimento (${c.clerk})`, {
    size: 10,
    align: 'right',
    spaceBefore: 24,
  });
  return doc.save();
}
