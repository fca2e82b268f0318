import { formatDate } from '../../../shared/i18n/registry-labels';
import type { SciaOutcome, ShopRecord } from '../../../shared/shops/shop-wire';
import { createA4Document, GREY } from '../documents/pdf-layout';

/**
 * The SUAP's letter on the check of a SCIA (L. 241/1990 art. 19 c.3), one per outcome:
 * - conforme: the check found the requirements; the activity continues;
 * - invito a conformare: what is missing and the date to conform by (at least 30 days); failing
 *   that, the activity is forbidden;
 * - divieto di prosecuzione: the activity must stop and its effects be removed.
 * Drawn at the counter (like the permits' documents), addressed to the company's PEC.
 */

export interface LetterContext {
  comuneName: string;
  /** the SCIA's protocol number, null while the counter has not synced */
  sciaProtocol: string | null;
  reason: string;
  conformBy: string | null;
  issuedAt: Date;
  /** the day of the letter in Italy */
  issuedOn: string;
  signedBy: string;
}

const TITLES: Record<SciaOutcome, string> = {
  conforme: 'Esito della verifica della SCIA: conforme',
  invito: 'Invito a conformare l’attività (art. 19 c.3 L. 241/1990)',
  divieto: 'Divieto di prosecuzione dell’attività (art. 19 c.3 L. 241/1990)',
};

function body(outcome: SciaOutcome, shop: ShopRecord, c: LetterContext): string[] {
  const where = `${shop.streetType} ${shop.streetName} ${shop.houseNumber}`;
  switch (outcome) {
    case 'conforme':
      return [
        `Verificati i requisiti dichiarati, la SCIA relativa all’esercizio di vicinato «${shop.signName}» in ${where} risulta conforme.`,
        'L’attività prosegue senza ulteriori adempimenti.',
      ];
    case 'invito':
      return [
        `Dalla verifica della SCIA relativa all’esercizio «${shop.signName}» in ${where} risulta quanto segue: ${c.reason}`,
        `Si invita a conformare l’attività entro il ${c.conformBy ? formatDate(c.conformBy) : '—'}. In difetto, decorso tale termine, l’attività si intende vietata (art. 19 c.3 L. 241/1990).`,
      ];
    case 'divieto':
      return [
        `Dalla verifica della SCIA relativa all’esercizio «${shop.signName}» in ${where} risulta la carenza dei requisiti: ${c.reason}`,
        'Si dispone il divieto di prosecuzione dell’attività e la rimozione degli eventuali effetti dannosi (art. 19 c.3 L. 241/1990).',
        'Contro il presente provvedimento è ammesso ricorso al TAR entro 60 giorni o ricorso straordinario al Presidente della Repubblica entro 120 giorni.',
      ];
  }
}

export async function renderSciaLetter(
  outcome: SciaOutcome,
  shop: ShopRecord,
  c: LetterContext,
): Promise<Uint8Array> {
  const doc = await createA4Document({
    title: TITLES[outcome],
    author: `Comune di ${c.comuneName} – SUAP`,
    subject: `${TITLES[outcome]} – ${shop.signName}`,
    createdAt: c.issuedAt,
    pageLabel: (page, pages) => `pagina ${page} di ${pages}`,
  });
  doc.paragraph(`Comune di ${c.comuneName}`, { size: 16, bold: true });
  doc.paragraph('SUAP – Sportello unico per le attività produttive', {
    size: 10,
    color: GREY,
    spaceAfter: 4,
  });
  doc.rule({ thickness: 1.2, spaceAfter: 14 });
  doc.keyValue('Destinatario', `${shop.company.name} (P.IVA ${shop.company.partitaIva})`);
  if (shop.company.pec !== '') doc.keyValue('PEC', shop.company.pec);
  doc.keyValue(
    'Riferimento',
    c.sciaProtocol
      ? `SCIA prot. n. ${c.sciaProtocol} del ${formatDate(shop.scia?.filedOn ?? '')}`
      : `SCIA del ${formatDate(shop.scia?.filedOn ?? '')}`,
  );
  doc.space(12);
  doc.paragraph(TITLES[outcome], { size: 13, bold: true, spaceAfter: 10 });
  for (const p of body(outcome, shop, c)) doc.paragraph(p, { spaceAfter: 8 });
  if (outcome === 'conforme' && c.reason.trim() !== '')
    doc.paragraph(`Note: ${c.reason}`, { size: 9.5, color: GREY });
  doc.space(18);
  doc.paragraph(`${c.comuneName}, ${formatDate(c.issuedOn)}`);
  doc.paragraph(`Il responsabile del SUAP: ${c.signedBy}`, { spaceBefore: 6 });
  return doc.save();
}
