import { grayscale, PDFDocument, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedDocumentFonts, printableText, type DocumentFontSet } from '../../documents/document-fonts';
import { moduleGridOperators } from '../../documents/module-matrix-pdf';
import { formatDate } from '../../i18n/registry-labels';
import { cents } from '../../money/cents';
import { formatEuro } from '../../money/euro-format';
import { formatNoticeNumber } from '../notice-number';
import { buildNoticeQrPayload } from '../qr-payload';
import { avvisoModelSchema, avvisoParts, type AvvisoModel, type AvvisoPart } from './avviso-model';
import { wrapLines } from './avviso-text';
import { dataMatrix, noticeQrMatrix, type ModuleMatrix } from './code-matrices';
import { posteDataMatrixText } from './poste-datamatrix';

/**
 * The pagoPA payment notice (avviso di pagamento) as an A4 PDF, in the order of pagoPA's
 * "Allegato 2 – Specifiche tecniche" (DOMAIN.md §6.4): 1 header with the oggetto; 2.1 ente
 * creditore and 2.2 destinatario side by side; 3.1 "quanto e quando pagare?"; 3.2 "dove pagare?";
 * 4 the payment data, one tear-off part per payment option (the rata unica, then each instalment),
 * separated by a dashed cut line, each with its QR (§6.3, 25×25 mm, ECC M), its notice number in
 * blocks of 4 (§6.1), the CF of the ente and the amount; and, when the ente collects on a postal
 * account, the Poste "bollettino PA" under each part with its Data Matrix (poste-datamatrix.ts).
 *
 * The wording is ours, written after pagoPA's model; pagoPA's exact typography (Titillium Web,
 * colours, the logo) is not reproduced. The text is set in the documents' Unicode font
 * (shared/documents/document-fonts.ts, handed in by the caller), so the debtor's name prints as the
 * registry holds it, as template v2's UTF-8 asks; the QR and the Data Matrix keep their own
 * character rules (qr-payload.ts, poste-datamatrix.ts).
 *
 * Every notice starts on a page of its own, so `avvisiPdf` can print a whole run for the post.
 * Deterministic: the same models and options give the same bytes (no clock is read).
 */

export interface AvvisoPdfOptions {
  /** creation date in the metadata; none when absent */
  issuedAt?: Date;
  /** force the Data Matrix to this many modules a side (Poste may require one size) [U] */
  dataMatrixSize?: number;
  /** left-pad the QR amount to this many digits (qr-payload.ts; default 2: the spec's unpadded form) */
  qrAmountDigits?: number;
}

const PAGE = { width: 595.28, height: 841.89 } as const;
const MM = 72 / 25.4;
const MARGIN = 36;
const CONTENT = PAGE.width - 2 * MARGIN;
/** §6.3: the QR is printed 25×25 mm */
export const QR_SIDE_POINTS = 25 * MM;
const DATAMATRIX_SIDE = 22 * MM;
const PART_HEIGHT = 150;
const POSTAL_HEIGHT = 118;
const CUT_HEIGHT = 16;

const INK = rgb(0, 0, 0);
const GREY = rgb(0.38, 0.38, 0.38);
const LINE = rgb(0.6, 0.6, 0.6);
/** the bollettino's text is printed at 70% density, not full black (pagoPA Allegato 2) */
const POSTE_INK = rgb(0.3, 0.3, 0.3);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

interface Pen {
  pdf: PDFDocument;
  fonts: Fonts;
  /** what the embedded fonts can print */
  set: DocumentFontSet;
  page: PDFPage;
  /** top of the next thing, in points from the bottom */
  y: number;
}

interface TextStyle {
  size: number;
  bold?: boolean;
  color?: Color;
}

function draw(pen: Pen, text: string, x: number, baseline: number, style: TextStyle): void {
  const line = printableText(text, pen.set);
  if (line === '') return;
  pen.page.drawText(line, {
    x,
    y: baseline,
    size: style.size,
    font: style.bold ? pen.fonts.bold : pen.fonts.regular,
    color: style.color ?? INK,
  });
}

const widthOf = (pen: Pen, text: string, style: TextStyle): number =>
  (style.bold ? pen.fonts.bold : pen.fonts.regular).widthOfTextAtSize(
    printableText(text, pen.set),
    style.size,
  );

function wrap(pen: Pen, text: string, width: number, style: TextStyle, maxLines = 99): string[] {
  const lines = wrapLines(printableText(text, pen.set), (s) => widthOf(pen, s, style), width);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1] ?? ''}…`;
  return kept;
}

/** Draws wrapped text from `top` down; returns the height used. */
function paragraph(
  pen: Pen,
  text: string,
  x: number,
  top: number,
  width: number,
  style: TextStyle,
  maxLines?: number,
): number {
  const lead = style.size * 1.25;
  const lines = wrap(pen, text, width, style, maxLines);
  lines.forEach((l, i) => draw(pen, l, x, top - style.size - i * lead, style));
  return lines.length * lead;
}

function drawMatrix(pen: Pen, matrix: ModuleMatrix, x: number, top: number, side: number): void {
  const module = side / Math.max(matrix.width, matrix.height);
  // all runs of dark modules filled by one operator: a page of a 5,000-notice run stays small and fast
  pen.page.pushOperators(...moduleGridOperators(matrix, { x, top, module, color: grayscale(0) }));
}

function box(pen: Pen, x: number, top: number, width: number, height: number): void {
  pen.page.drawRectangle({
    x,
    y: top - height,
    width,
    height,
    borderColor: LINE,
    borderWidth: 0.6,
  });
}

const label = (pen: Pen, text: string, x: number, top: number): number => {
  draw(pen, text.toUpperCase(), x, top - 7.5, { size: 7.5, bold: true, color: GREY });
  return 11;
};

const euro = (amountCents: number): string => formatEuro(cents(amountCents), 'it');
const total = (parts: readonly AvvisoPart[]): number => parts.reduce((s, p) => s + p.amountCents, 0);

function newPage(pen: Pen, model: AvvisoModel, continued: boolean): void {
  pen.page = pen.pdf.addPage([PAGE.width, PAGE.height]);
  pen.y = PAGE.height - MARGIN;
  if (continued) {
    const head = `Avviso di pagamento - ${model.subject} - ${model.recipient.name} (segue)`;
    draw(pen, wrap(pen, head, CONTENT, { size: 8 }, 1)[0] ?? '', MARGIN, pen.y - 8, { size: 8, color: GREY });
    pen.y -= 18;
  }
}

// --- 1, 2: header, ente, destinatario ---------------------------------------------------------------

function header(pen: Pen, model: AvvisoModel): void {
  draw(pen, 'AVVISO DI PAGAMENTO', MARGIN, pen.y - 9, { size: 9, bold: true, color: GREY });
  const brand = 'pagoPA';
  draw(pen, brand, MARGIN + CONTENT - widthOf(pen, brand, { size: 15, bold: true }), pen.y - 13, {
    size: 15,
    bold: true,
  });
  pen.y -= 18;
  pen.y -= paragraph(pen, model.subject, MARGIN, pen.y, CONTENT - 70, { size: 15, bold: true }, 2) + 10;

  const gap = 12;
  const half = (CONTENT - gap) / 2;
  const pad = 8;
  const inner = half - 2 * pad;
  const drawEnte = (x: number, top: number, ink: boolean): number => {
    const p = ink ? pen : { ...pen, page: phantomPage };
    let h = label(p, 'Ente creditore', x, top);
    h += paragraph(p, model.ente.name, x, top - h, inner, { size: 11, bold: true }, 2);
    h += paragraph(p, model.ente.settore, x, top - h, inner, { size: 9 }, 2);
    h += paragraph(p, `Codice fiscale ${model.ente.fiscalCode}`, x, top - h, inner, { size: 9 });
    for (const info of model.ente.info)
      h += paragraph(p, info, x, top - h, inner, { size: 8.5, color: GREY }, 2);
    return h;
  };
  const drawRecipient = (x: number, top: number, ink: boolean): number => {
    const p = ink ? pen : { ...pen, page: phantomPage };
    let h = label(p, 'Destinatario avviso', x, top);
    h += paragraph(p, model.recipient.name, x, top - h, inner, { size: 11, bold: true }, 2);
    if (model.recipient.fiscalCode !== null)
      h += paragraph(p, `Codice fiscale ${model.recipient.fiscalCode}`, x, top - h, inner, { size: 9 });
    if (model.recipient.address !== '')
      h += paragraph(p, model.recipient.address, x, top - h, inner, { size: 9 }, 3);
    return h;
  };
  const height = Math.max(drawEnte(0, 0, false), drawRecipient(0, 0, false)) + 2 * pad;
  box(pen, MARGIN, pen.y, half, height);
  box(pen, MARGIN + half + gap, pen.y, half, height);
  drawEnte(MARGIN + pad, pen.y - pad, true);
  drawRecipient(MARGIN + half + gap + pad, pen.y - pad, true);
  pen.y -= height + 10;
}

/** A page that swallows drawing: lets a block be measured with the very code that draws it. */
const phantomPage = {
  pushOperators: () => undefined,
  drawText: () => undefined,
  drawRectangle: () => undefined,
  drawLine: () => undefined,
} as unknown as PDFPage;

// --- 3: quanto e quando, dove pagare ----------------------------------------------------------------

function howMuchAndWhere(pen: Pen, model: AvvisoModel): void {
  const pad = 8;
  const inner = CONTENT - 2 * pad;
  const drawHowMuch = (p: Pen, top: number): number => {
    let h = label(p, 'Quanto e quando pagare?', MARGIN + pad, top);
    if (model.single) {
      h += paragraph(
        p,
        `${euro(model.single.amountCents)} entro il ${formatDate(model.single.dueDate)}`,
        MARGIN + pad,
        top - h,
        inner,
        { size: 13, bold: true },
      );
    }
    if (model.instalments.length > 0) {
      const first = model.instalments[0];
      const text = `${model.single ? 'oppure ' : ''}in ${model.instalments.length} rate per ${euro(total(model.instalments))}, la prima entro il ${formatDate(first?.dueDate ?? '')}`;
      h += paragraph(p, text, MARGIN + pad, top - h, inner, { size: model.single ? 10.5 : 13, bold: true });
    }
    const explain = model.single
      ? model.instalments.length > 0
        ? 'Puoi pagare tutto con la rata unica oppure a rate: ogni rata ha il proprio codice avviso, da usare solo per quella rata. '
        : ''
      : 'Ogni rata ha il proprio codice avviso, da usare solo per quella rata. ';
    h += paragraph(
      p,
      `${explain}Se paghi dopo la scadenza, l'importo potrebbe essere aggiornato: i canali pagoPA ti mostrano sempre quello dovuto al momento del pagamento.`,
      MARGIN + pad,
      top - h - 2,
      inner,
      { size: 8.5, color: GREY },
    );
    return h + 2;
  };
  const ghost = { ...pen, page: phantomPage };
  const howHeight = drawHowMuch(ghost, 0) + 2 * pad;
  box(pen, MARGIN, pen.y, CONTENT, howHeight);
  drawHowMuch(pen, pen.y - pad);
  pen.y -= howHeight + 10;

  const gap = 12;
  const half = (inner - gap) / 2;
  const apps =
    'Sul sito e con le app del tuo Ente Creditore, di Poste Italiane, della tua banca o di altri prestatori di servizi di pagamento (PSP): inquadra il codice QR. Paghi con carte, conto corrente' +
    (model.ente.cbill ? ', CBILL.' : '.');
  const territory =
    'In banca, negli uffici postali, nelle ricevitorie e dai tabaccai abilitati, agli sportelli ATM abilitati: mostra il codice QR o detta il codice avviso e il codice fiscale dell’ente.' +
    (model.postal ? ' In ogni ufficio postale anche con il bollettino postale PA.' : '');
  const drawWhere = (p: Pen, top: number): number => {
    let h = label(p, 'Dove pagare?', MARGIN + pad, top);
    const left = MARGIN + pad;
    const right = left + half + gap;
    const a =
      paragraph(p, 'Paga con le app e sul web', left, top - h, half, { size: 9, bold: true }) +
      paragraph(p, apps, left, top - h - 12, half, { size: 8.5 });
    const b =
      paragraph(p, 'Paga sul territorio', right, top - h, half, { size: 9, bold: true }) +
      paragraph(p, territory, right, top - h - 12, half, { size: 8.5 });
    h += Math.max(a, b);
    return h;
  };
  const whereHeight = drawWhere(ghost, 0) + 2 * pad;
  box(pen, MARGIN, pen.y, CONTENT, whereHeight);
  drawWhere(pen, pen.y - pad);
  pen.y -= whereHeight + 6;
}

// --- 4: the tear-off parts --------------------------------------------------------------------------

function cutLine(pen: Pen): void {
  const y = pen.y - CUT_HEIGHT / 2;
  pen.page.drawLine({
    start: { x: MARGIN / 2, y },
    end: { x: PAGE.width - MARGIN / 2, y },
    thickness: 0.6,
    color: LINE,
    dashArray: [4, 3],
  });
  const note = 'ritagliare lungo la linea tratteggiata';
  draw(pen, note, PAGE.width - MARGIN - widthOf(pen, note, { size: 6 }), y + 2, { size: 6, color: GREY });
  pen.y -= CUT_HEIGHT;
}

function paymentPart(
  pen: Pen,
  model: AvvisoModel,
  part: AvvisoPart,
  instalment: number | null,
  options: AvvisoPdfOptions,
): void {
  const top = pen.y;
  const pad = 6;
  const qrQuiet = 4 * (QR_SIDE_POINTS / 33);
  const rightWidth = QR_SIDE_POINTS + 2 * qrQuiet;
  const leftWidth = CONTENT - rightWidth - 16;
  const x = MARGIN;
  const title = instalment === null ? 'Rata unica' : `Rata ${instalment} di ${model.instalments.length}`;
  draw(pen, title.toUpperCase(), x, top - pad - 11, { size: 11, bold: true });
  const due = `entro il ${formatDate(part.dueDate)}`;
  draw(pen, due, x + widthOf(pen, title.toUpperCase(), { size: 11, bold: true }) + 10, top - pad - 11, {
    size: 11,
  });

  let h = pad + 20;
  const field = (
    name: string,
    value: string,
    fx: number,
    width: number,
    bold = false,
    maxLines = 1,
  ): number => {
    const used = label(pen, name, fx, top - h);
    return used + paragraph(pen, value, fx, top - h - used, width, { size: 9.5, bold }, maxLines);
  };
  h += field('Destinatario', model.recipient.name, x, leftWidth) + 3;
  h += field('Ente creditore', model.ente.name, x, leftWidth) + 3;
  h += field('Oggetto del pagamento', model.subject, x, leftWidth, false, 2) + 5;
  // the codes a counter types when the QR cannot be read, in one row
  const columns = model.ente.cbill ? 3 : 2;
  const colWidth = leftWidth / columns;
  let cx = x;
  if (model.ente.cbill) {
    field('Codice CBILL', model.ente.cbill, cx, colWidth - 6, true);
    cx += colWidth;
  }
  field('Codice avviso', formatNoticeNumber(part.noticeNumber), cx, colWidth - 6, true);
  field('Cod. fiscale ente creditore', model.ente.fiscalCode, cx + colWidth, colWidth - 6, true);

  // the amount and the QR on the right
  const rx = MARGIN + CONTENT - rightWidth;
  label(pen, 'Euro', rx + qrQuiet, top - pad);
  const amount = euro(part.amountCents).replace('€ ', '');
  draw(pen, amount, rx + qrQuiet, top - pad - 11 - 14, { size: 14, bold: true });
  const payload = buildNoticeQrPayload({
    noticeNumber: part.noticeNumber,
    creditorFiscalCode: model.ente.fiscalCode,
    amountCents: cents(part.amountCents),
    ...(options.qrAmountDigits !== undefined ? { amountDigits: options.qrAmountDigits } : {}),
  });
  if (!payload.ok) throw new Error(payload.error.message.en); // the schema has checked every field
  drawMatrix(pen, noticeQrMatrix(payload.value), rx + qrQuiet, top - pad - 36 - qrQuiet, QR_SIDE_POINTS);
  pen.y -= PART_HEIGHT;
}

function postalPart(pen: Pen, model: AvvisoModel, part: AvvisoPart, options: AvvisoPdfOptions): void {
  const postal = model.postal;
  if (!postal) return;
  const top = pen.y;
  const x = MARGIN;
  pen.page.drawLine({
    start: { x, y: top },
    end: { x: MARGIN + CONTENT, y: top },
    thickness: 0.4,
    color: LINE,
  });
  const style = (size: number, bold = false): TextStyle => ({ size, bold, color: POSTE_INK });
  draw(pen, 'BOLLETTINO POSTALE PA', x, top - 16, style(10, true));
  draw(pen, `sul C/C n. ${postal.accountNumber}`, x + 150, top - 16, style(10, true));
  const leftWidth = CONTENT - DATAMATRIX_SIDE - 24;
  let h = 22;
  h += paragraph(pen, `Intestato a ${postal.holder}`, x, top - h, leftWidth, style(9), 1) + 2;
  h += paragraph(pen, `Destinatario ${model.recipient.name}`, x, top - h, leftWidth, style(9), 1) + 2;
  h += paragraph(pen, `Oggetto ${model.subject}`, x, top - h, leftWidth, style(9), 2) + 4;
  const codes = [
    ['Codice avviso', formatNoticeNumber(part.noticeNumber)],
    ['Tipo', 'P1'],
    ['Cod. fiscale ente creditore', model.ente.fiscalCode],
    ['Euro', euro(part.amountCents).replace('€ ', '')],
  ] as const;
  const widths = [0.38, 0.1, 0.3, 0.22];
  let cx = x;
  codes.forEach(([name, value], i) => {
    draw(pen, name.toUpperCase(), cx, top - h - 7.5, style(7, true));
    draw(pen, value, cx, top - h - 19, style(9.5, true));
    cx += leftWidth * (widths[i] ?? 0.25);
  });
  h += 26;
  paragraph(pen, postal.authorisation, x, top - h, leftWidth, style(7), 1);
  const text = posteDataMatrixText({
    noticeNumber: part.noticeNumber,
    postalAccount: postal.accountNumber,
    amountCents: part.amountCents,
    enteFiscalCode: model.ente.fiscalCode,
    debtorFiscalCode: model.recipient.fiscalCode ?? '',
    debtorName: model.recipient.name,
    subject: model.subject,
  });
  drawMatrix(
    pen,
    dataMatrix(text, options.dataMatrixSize),
    MARGIN + CONTENT - DATAMATRIX_SIDE - 6,
    top - 14,
    DATAMATRIX_SIDE,
  );
  pen.y -= POSTAL_HEIGHT;
}

function notice(pen: Pen, model: AvvisoModel, options: AvvisoPdfOptions): void {
  newPage(pen, model, false);
  header(pen, model);
  howMuchAndWhere(pen, model);
  const partHeight = CUT_HEIGHT + PART_HEIGHT + (model.postal ? POSTAL_HEIGHT : 0);
  for (const { part, instalment } of avvisoParts(model)) {
    // a part is never split across pages: it is cut off and taken to the counter whole
    if (pen.y - partHeight < MARGIN - 0.01) newPage(pen, model, true);
    cutLine(pen);
    paymentPart(pen, model, part, instalment, options);
    postalPart(pen, model, part, options);
  }
}

/** The model checked by its schema; a model that fails it is a defect of the caller. */
function checked(model: AvvisoModel): AvvisoModel {
  const parsed = avvisoModelSchema.safeParse(model);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new RangeError(`avviso model: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  return parsed.data;
}

/** Many notices in one PDF, each from a new page: a billing run, or a bulk print for the post. */
export async function avvisiPdf(
  models: readonly AvvisoModel[],
  fontSet: DocumentFontSet,
  options: AvvisoPdfOptions = {},
): Promise<Uint8Array> {
  const valid = models.map(checked);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const first = valid[0];
  pdf.setTitle(
    printableText(
      valid.length === 1 && first
        ? `Avviso di pagamento - ${first.subject}`
        : `Avvisi di pagamento (${valid.length})`,
      fontSet,
    ),
    { showInWindowTitleBar: true },
  );
  pdf.setProducer('Sportello');
  pdf.setCreator('Sportello');
  pdf.setLanguage('it-IT');
  if (first) pdf.setAuthor(printableText(first.ente.name, fontSet));
  if (options.issuedAt) {
    pdf.setCreationDate(options.issuedAt);
    pdf.setModificationDate(options.issuedAt);
  }
  const fonts: Fonts = await embedDocumentFonts(pdf, fontSet);
  const pen: Pen = { pdf, fonts, set: fontSet, page: phantomPage, y: 0 };
  for (const model of valid) notice(pen, model, options);
  return pdf.save();
}

/** One notice: `avvisiPdf([model])`. */
export function avvisoPdf(
  model: AvvisoModel,
  fontSet: DocumentFontSet,
  options: AvvisoPdfOptions = {},
): Promise<Uint8Array> {
  return avvisiPdf([model], fontSet, options);
}
