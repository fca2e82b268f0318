import { PDFDocument, rgb } from 'pdf-lib';
import { documentFonts } from '../../../resources/fonts/load-document-fonts';
import { embedDocumentFonts } from '../../../shared/documents/document-fonts';
import { moduleGridOperators } from '../../../shared/documents/module-matrix-pdf';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { familyOf, PERMIT_KIND_LABELS } from '../../../shared/permits/permit-kinds';
import type { PermitRecord } from '../../../shared/permits/permit-wire';
import { formatEuro } from '../../../shared/money/euro-format';
import { cents } from '../../../shared/money/cents';
import { createA4Document, GREY, MM, safeText } from '../documents/pdf-layout';
import { qrMatrix, type QrMatrix } from '../documents/qr-matrix';

/**
 * The permit's documents: an A4 sheet (kept by the citizen, filed by the comune) and a card-size
 * pass (85.6 × 54 mm, ISO/IEC 7810 ID-1) for the windscreen. Both carry the QR of the hub's
 * public verification page (`<hub>/verify/permit/<number>?k=<key>`), which says valid, expired or
 * revoked. A CUDE never prints the ASL reference (health data, DOMAIN.md §12): the record field
 * is not even read here.
 */

export interface PermitPdfContext {
  comuneName: string;
  verificationUrl: string | null;
  /** the moment of issue: the PDF's dates, so a reprint is the same file */
  issuedAt: Date;
  /** pagoPA notice number when the fee is paid by notice */
  noticeNumber?: string | null;
}

const NAVY = rgb(0.11, 0.22, 0.4);
const OFFICE = 'Polizia Locale – Ufficio Permessi';

/** The printed lines of a permit, label and value, shared by both formats. */
function fields(p: PermitRecord, noticeNumber: string | null | undefined): [string, string][] {
  const plates = p.plates.map((x) => (x.country === 'I' ? x.plate : `${x.plate} (${x.country})`)).join(', ');
  const rows: [string, string][] = [['Intestatario', p.holderName]];
  if (plates !== '') rows.push([p.plates.length > 1 ? 'Targhe' : 'Targa', plates]);
  if (p.zone !== null) rows.push(['Zona / settore', p.zone]);
  if (p.validFromAt !== null && p.validToAt !== null) {
    rows.push([
      'Valido',
      `${formatDate(p.validFrom)} dalle ${p.validFromAt.slice(11, 16)} alle ${p.validToAt.slice(11, 16)}`,
    ]);
  } else {
    rows.push(['Valido dal', formatDate(p.validFrom)], ['Valido fino al', formatDate(p.validTo)]);
  }
  rows.push(['Importo', p.feeCents === 0 ? 'gratuito' : formatEuro(cents(p.feeCents), 'it')]);
  if (noticeNumber) rows.push(['Avviso pagoPA', noticeNumber]);
  return rows;
}

const titleOf = (p: PermitRecord): string =>
  familyOf(p.kind) === 'cude'
    ? `CONTRASSEGNO DI PARCHEGGIO PER DISABILI (CUDE) – ${p.kind === 'cude_permanente' ? 'PERMANENTE' : 'TEMPORANEO'}`
    : `PERMESSO ${PERMIT_KIND_LABELS[p.kind].it.toUpperCase()}`;

export async function renderPermitA4(p: PermitRecord, c: PermitPdfContext): Promise<Uint8Array> {
  const doc = await createA4Document({
    title: `${titleOf(p)} – ${p.number}`,
    author: `Comune di ${c.comuneName} – ${OFFICE}`,
    subject: `Permesso n. ${p.number}`,
    createdAt: c.issuedAt,
    pageLabel: (page, pages) => `Permesso n. ${p.number} – pagina ${page} di ${pages}`,
  });
  doc.paragraph(`Comune di ${c.comuneName}`, { size: 16, bold: true, color: NAVY });
  doc.paragraph(OFFICE, { size: 10, color: GREY, spaceAfter: 4 });
  doc.rule({ color: NAVY, thickness: 1.5, spaceAfter: 18 });
  doc.paragraph(titleOf(p), { size: 14, bold: true, align: 'center' });
  doc.paragraph(`n. ${p.number}`, { size: 11, align: 'center', color: GREY, spaceAfter: 18 });
  for (const [k, v] of fields(p, c.noticeNumber)) doc.keyValue(k, v, { size: 11 });
  if (p.renewsId !== null)
    doc.paragraph('Rinnovo o duplicato di un permesso precedente.', {
      size: 9.5,
      color: GREY,
      spaceBefore: 6,
    });
  doc.space(10);
  doc.paragraph(
    familyOf(p.kind) === 'cude'
      ? 'Il contrassegno è personale: vale solo quando il veicolo è al servizio della persona titolare (art. 381 d.P.R. 495/1992).'
      : 'Il permesso vale solo per il veicolo e nella zona indicati, nel periodo di validità. Esporlo in modo visibile.',
    { size: 9.5 },
  );
  doc.paragraph(`Rilasciato il ${formatDate(p.issuedAt.slice(0, 10))} da ${p.issuedBy}.`, {
    size: 9.5,
    spaceBefore: 4,
  });
  if (c.verificationUrl) {
    doc.space(18);
    doc.qr(qrMatrix(c.verificationUrl), { size: 30 * MM, align: 'center' });
    doc.paragraph('Verifica online del permesso (valido, scaduto o revocato):', {
      size: 8.5,
      align: 'center',
      color: GREY,
      spaceBefore: 4,
    });
    doc.paragraph(c.verificationUrl, { size: 8.5, align: 'center', color: GREY });
  }
  return doc.save();
}

/** ID-1 card: 85.6 × 54 mm. */
const CARD = { width: 85.6 * MM, height: 54 * MM } as const;

function drawQr(page: ReturnType<PDFDocument['addPage']>, m: QrMatrix, x: number, y: number, size: number) {
  page.drawRectangle({ x: x - 2, y: y - 2, width: size + 4, height: size + 4, color: rgb(1, 1, 1) });
  page.pushOperators(
    ...moduleGridOperators(
      { width: m.size, height: m.size, dark: (col, row) => m.dark(col, row) },
      { x, top: y + size, module: size / m.size, color: rgb(0, 0, 0) },
    ),
  );
}

export async function renderPermitCard(p: PermitRecord, c: PermitPdfContext): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(safeText(`${titleOf(p)} – ${p.number}`));
  pdf.setProducer('Sportello');
  pdf.setCreator('Sportello');
  pdf.setCreationDate(c.issuedAt);
  pdf.setModificationDate(c.issuedAt);
  const { regular, bold } = await embedDocumentFonts(pdf, documentFonts());
  const page = pdf.addPage([CARD.width, CARD.height]);
  const cude = familyOf(p.kind) === 'cude';
  page.drawRectangle({
    x: 0,
    y: CARD.height - 14,
    width: CARD.width,
    height: 14,
    color: cude ? rgb(0.16, 0.42, 0.75) : NAVY,
  });
  const text = (s: string, x: number, y: number, size: number, isBold = false, color = rgb(0, 0, 0)) =>
    page.drawText(safeText(s), { x, y, size, font: isBold ? bold : regular, color });
  text(`Comune di ${c.comuneName}`, 6, CARD.height - 10, 7, true, rgb(1, 1, 1));
  const qrSize = 22 * MM;
  const textWidth = CARD.width - qrSize - 16;
  const label = cude ? 'CUDE – contrassegno disabili' : PERMIT_KIND_LABELS[p.kind].it;
  let y = CARD.height - 26;
  const fit = (s: string, size: number, font = regular) => {
    let out = safeText(s);
    while (out.length > 3 && font.widthOfTextAtSize(out, size) > textWidth) out = out.slice(0, -2) + '…';
    return out;
  };
  text(fit(label, 8, bold), 6, y, 8, true);
  y -= 11;
  text(`n. ${p.number}`, 6, y, 6.5);
  y -= 16;
  const plates = p.plates.map((x) => x.plate).join(' / ');
  if (plates !== '') {
    text(fit(plates, 13, bold), 6, y, 13, true);
    y -= 12;
  }
  if (p.zone !== null) {
    text(fit(`Zona ${p.zone}`, 7), 6, y, 7);
    y -= 9;
  }
  const validity =
    p.validFromAt !== null && p.validToAt !== null
      ? `${formatDate(p.validFrom)} ${p.validFromAt.slice(11, 16)}–${p.validToAt.slice(11, 16)}`
      : `${formatDate(p.validFrom)} – ${formatDate(p.validTo)}`;
  text(`Valido ${validity}`, 6, y, 7, true);
  y -= 9;
  if (!cude) text(fit(p.holderName, 6.5), 6, y, 6.5, false, GREY);
  if (c.verificationUrl) drawQr(page, qrMatrix(c.verificationUrl), CARD.width - qrSize - 6, 6, qrSize);
  return pdf.save({ useObjectStreams: false });
}
