import { PDFDocument, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import { documentFonts } from '../../../resources/fonts/load-document-fonts';
import {
  embedDocumentFonts,
  printableText,
  type DocumentFontSet,
} from '../../../shared/documents/document-fonts';
import { moduleGridOperators } from '../../../shared/documents/module-matrix-pdf';
import { rememberPageCount } from './pdf-page-count';
import type { QrMatrix } from './qr-matrix';

/**
 * Small A4 layout over pdf-lib for the documents the desk prints (certificates, self-declarations,
 * receipts, closing reports): a cursor that flows word-wrapped text down the page and starts a
 * new page when the current one is full. Set in the documents' Unicode font (Noto Sans, subset on
 * embed, resources/fonts) so names print as the registry holds them; text goes through `safeText`.
 *
 * The output is deterministic: the same calls with the same `createdAt` give the same bytes, so a
 * document's recorded SHA-256 can be reproduced.
 */

/** A4 in PDF points (1/72 inch). */
export const A4 = { width: 595.28, height: 841.89 } as const;
/** Points in one millimetre. */
export const MM = 72 / 25.4;

export const INK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);

// --- text the font prints -----------------------------------------------------------------------

/**
 * `text` as the documents' font prints it, on one line (shared/documents/document-fonts.ts
 * `printableText`): the registry's letters as they are (ș ł ř ğ ệ), any space a plain space,
 * control characters dropped, and only a character the font lacks simplified or shown as "?".
 */
export function safeText(text: string, fonts: DocumentFontSet = documentFonts()): string {
  return printableText(text, fonts);
}

// --- the writer -----------------------------------------------------------------------------------

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface A4DocumentOptions {
  /** document title (metadata, and the viewer's window title) */
  title: string;
  author?: string;
  subject?: string;
  /** the moment the document is issued: creation and modification date; no clock is read */
  createdAt: Date;
  /** default it-IT */
  language?: string;
  /** the font pair; default the documents' font from resources/fonts */
  fonts?: DocumentFontSet;
  margins?: Partial<Margins>;
  /** small grey text centred under the bottom margin of every page, e.g. "pagina 1 di 2" */
  pageLabel?: (page: number, pages: number) => string;
  /** small grey text above the top margin of a page (null: none), e.g. on continuation pages */
  runningHead?: (page: number, pages: number) => string | null;
}

export type Align = 'left' | 'center' | 'right';

export interface TextOptions {
  /** points; default 10.5 */
  size?: number;
  bold?: boolean;
  align?: Align;
  color?: Color;
  /** from the left margin, for every line */
  indent?: number;
  /** more indent for the lines after the first (list items) */
  hangingIndent?: number;
  /** width of the column the text is set in; default: to the right margin */
  width?: number;
  /** line height as a multiple of the size; default 1.3 */
  leading?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** start a new page rather than split the text (when it fits on one page); default true */
  keepTogether?: boolean;
}

export interface RuleOptions {
  thickness?: number;
  color?: Color;
  spaceBefore?: number;
  spaceAfter?: number;
  indent?: number;
  width?: number;
}

export interface QrOptions {
  /** side of the symbol in points, without the quiet zone */
  size: number;
  align?: Align;
  /**
   * light modules kept around the symbol, painted white; default 4 as the standard asks. They take
   * room above and below; at the sides they may lie in the margins, the symbol aligning with the text.
   */
  quietZone?: number;
  color?: Color;
}

export interface KeyValueOptions {
  size?: number;
  /** width of the key column; default 150 */
  keyWidth?: number;
  spaceAfter?: number;
}

export interface A4Writer {
  readonly pdf: PDFDocument;
  readonly fonts: { readonly regular: PDFFont; readonly bold: PDFFont };
  readonly margins: Readonly<Margins>;
  /** width between the margins */
  readonly contentWidth: number;
  /** the page being written */
  readonly page: PDFPage;
  readonly pageCount: number;
  /** the cursor: top of the next line, in points from the bottom of the page */
  readonly y: number;
  /** the space left above the bottom margin */
  readonly remaining: number;

  heading(text: string, options?: TextOptions): void;
  paragraph(text: string, options?: TextOptions): void;
  keyValue(key: string, value: string, options?: KeyValueOptions): void;
  rule(options?: RuleOptions): void;
  qr(matrix: QrMatrix, options: QrOptions): void;
  /** moves the cursor down (never onto the next page) */
  space(points: number): void;
  /** the height `paragraph(text, options)` would take, spacing included */
  measure(text: string, options?: TextOptions): number;
  /** starts a new page unless `height` points fit above the bottom margin */
  ensureSpace(height: number): void;
  /** moves the cursor so that exactly `height` points remain: content pinned to the page's foot */
  pinToBottom(height: number): void;
  /** `height` points drawn by hand at the cursor: `draw` gets the top edge; the cursor moves below */
  block(height: number, draw: (top: number, page: PDFPage) => void): void;
  /** one line of text at an absolute baseline, not moving the cursor */
  text(text: string, at: { x: number; y: number; size?: number; bold?: boolean; color?: Color }): void;
  widthOf(text: string, size: number, bold?: boolean): number;
  newPage(): void;
  /** draws the page labels and returns the bytes; the writer is finished afterwards */
  save(): Promise<Uint8Array>;
}

const DEFAULT_MARGINS: Margins = { top: 42, right: 56, bottom: 56, left: 56 };
const DEFAULT_SIZE = 10.5;
const DEFAULT_LEADING = 1.3;

/** Splits `text` into lines no wider than `first` (then `rest`) points; breaks inside a word only if it alone is wider. */
export function wrapText(
  text: string,
  measure: (s: string) => number,
  first: number,
  rest: number = first,
): string[] {
  const lines: string[] = [];
  const limit = (): number => (lines.length === 0 ? first : rest);
  for (const hard of text.split('\n')) {
    let line = '';
    for (const word of hard.split(' ').filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= limit()) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      // a word wider than the column (an address, a long code): broken where it must be
      while (measure(line) > limit() && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut)) > limit()) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

export async function createA4Document(options: A4DocumentOptions): Promise<A4Writer> {
  const fontSet = options.fonts ?? documentFonts();
  const printable = (text: string): string => printableText(text, fontSet);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(printable(options.title), { showInWindowTitleBar: true });
  if (options.author !== undefined) pdf.setAuthor(printable(options.author));
  if (options.subject !== undefined) pdf.setSubject(printable(options.subject));
  pdf.setProducer('Sportello');
  pdf.setCreator('Sportello');
  pdf.setLanguage(options.language ?? 'it-IT');
  pdf.setCreationDate(options.createdAt);
  pdf.setModificationDate(options.createdAt);

  const fonts = await embedDocumentFonts(pdf, fontSet);
  const margins: Margins = { ...DEFAULT_MARGINS, ...options.margins };
  const contentWidth = A4.width - margins.left - margins.right;
  const usableHeight = A4.height - margins.top - margins.bottom;
  const bottom = margins.bottom;

  let page = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - margins.top;
  let saved = false;

  const fontOf = (bold: boolean | undefined): PDFFont => (bold ? fonts.bold : fonts.regular);
  const widthOf = (text: string, size: number, bold?: boolean): number =>
    fontSet.widthOf(printable(text), size, bold);

  const newPage = (): void => {
    page = pdf.addPage([A4.width, A4.height]);
    y = A4.height - margins.top;
  };
  const ensureSpace = (height: number): void => {
    if (y - height < bottom - 0.01 && y < A4.height - margins.top) newPage();
  };

  interface Layout {
    lines: string[];
    size: number;
    lineHeight: number;
    font: PDFFont;
    x0: number;
    width: number;
    indent: number;
    hanging: number;
    before: number;
    after: number;
  }

  const layout = (text: string, o: TextOptions, defaults: { size: number; bold: boolean }): Layout => {
    const size = o.size ?? defaults.size;
    const bold = o.bold ?? defaults.bold;
    const font = fontOf(bold);
    const indent = o.indent ?? 0;
    const hanging = o.hangingIndent ?? 0;
    const width = o.width ?? contentWidth - indent;
    const clean = text
      .split('\n')
      .map((l) => printable(l).trim())
      .join('\n');
    const lines = wrapText(clean, (s) => fontSet.widthOf(s, size, bold), width, width - hanging);
    return {
      lines,
      size,
      lineHeight: size * (o.leading ?? DEFAULT_LEADING),
      font,
      x0: margins.left + indent,
      width,
      indent,
      hanging,
      before: o.spaceBefore ?? 0,
      after: o.spaceAfter ?? 0,
    };
  };

  const heightOf = (l: Layout): number => l.before + l.lines.length * l.lineHeight + l.after;

  const flow = (l: Layout, o: TextOptions): void => {
    y -= Math.min(l.before, Math.max(0, y - bottom));
    const body = l.lines.length * l.lineHeight;
    if ((o.keepTogether ?? true) && body <= usableHeight) ensureSpace(body);
    l.lines.forEach((line, i) => {
      ensureSpace(l.lineHeight);
      const lineWidth = fontSet.widthOf(line, l.size, l.font === fonts.bold);
      const offset = i === 0 ? 0 : l.hanging;
      const free = l.width - offset - lineWidth;
      const x = l.x0 + offset + (o.align === 'center' ? free / 2 : o.align === 'right' ? free : 0);
      // baseline: the line box is centred on the font's body (ascent ~0.72, descent ~0.21 of the size)
      const baseline = y - (l.lineHeight - l.size) / 2 - 0.8 * l.size;
      if (line !== '')
        page.drawText(line, { x, y: baseline, size: l.size, font: l.font, color: o.color ?? INK });
      y -= l.lineHeight;
    });
    y -= Math.min(l.after, Math.max(0, y - bottom));
  };

  const writer: A4Writer = {
    pdf,
    fonts,
    margins,
    contentWidth,
    get page() {
      return page;
    },
    get pageCount() {
      return pdf.getPageCount();
    },
    get y() {
      return y;
    },
    get remaining() {
      return y - bottom;
    },

    heading(text, o = {}) {
      const l = layout(text, o, { size: 14, bold: true });
      // a heading never ends a page: keep it with two lines of what follows
      ensureSpace(heightOf(l) + 2 * DEFAULT_SIZE * DEFAULT_LEADING);
      flow(l, o);
    },
    paragraph(text, o = {}) {
      flow(layout(text, o, { size: DEFAULT_SIZE, bold: false }), o);
    },
    measure(text, o = {}) {
      return heightOf(layout(text, o, { size: DEFAULT_SIZE, bold: false }));
    },
    keyValue(key, value, o = {}) {
      const size = o.size ?? DEFAULT_SIZE;
      const keyWidth = o.keyWidth ?? 150;
      const k = layout(key, { size, bold: true, width: keyWidth - 8 }, { size, bold: true });
      const v = layout(value, { size, indent: keyWidth }, { size, bold: false });
      const rows = Math.max(k.lines.length, v.lines.length);
      ensureSpace(rows * v.lineHeight);
      const top = y;
      flow(k, {});
      y = top;
      flow(v, {});
      y = Math.min(y, top - rows * v.lineHeight) - Math.min(o.spaceAfter ?? 2, Math.max(0, y - bottom));
    },
    rule(o = {}) {
      const thickness = o.thickness ?? 0.6;
      y -= Math.min(o.spaceBefore ?? 4, Math.max(0, y - bottom));
      ensureSpace(thickness);
      const x = margins.left + (o.indent ?? 0);
      const width = o.width ?? contentWidth - (o.indent ?? 0);
      page.drawLine({
        start: { x, y: y - thickness / 2 },
        end: { x: x + width, y: y - thickness / 2 },
        thickness,
        color: o.color ?? GREY,
      });
      y -= thickness + Math.min(o.spaceAfter ?? 6, Math.max(0, y - bottom));
    },
    qr(matrix, o) {
      const module = o.size / matrix.size;
      const quiet = (o.quietZone ?? 4) * module;
      const outer = o.size + 2 * quiet;
      ensureSpace(outer);
      // the symbol lines up with the text; its quiet zone may reach into the side margins
      const free = contentWidth - o.size;
      const left = margins.left + (o.align === 'center' ? free / 2 : o.align === 'right' ? free : 0) - quiet;
      page.drawRectangle({ x: left, y: y - outer, width: outer, height: outer, color: rgb(1, 1, 1) });
      page.pushOperators(
        ...moduleGridOperators(
          { width: matrix.size, height: matrix.size, dark: (c, r) => matrix.dark(c, r) },
          { x: left + quiet, top: y - quiet, module, color: o.color ?? INK },
        ),
      );
      y -= outer;
    },
    space(points) {
      y -= Math.min(points, Math.max(0, y - bottom));
    },
    ensureSpace,
    pinToBottom(height) {
      ensureSpace(height);
      y = Math.min(y, bottom + height);
    },
    block(height, draw) {
      ensureSpace(height);
      draw(y, page);
      y -= height;
    },
    text(text, at) {
      const line = printable(text);
      if (line === '') return;
      page.drawText(line, {
        x: at.x,
        y: at.y,
        size: at.size ?? DEFAULT_SIZE,
        font: fontOf(at.bold),
        color: at.color ?? INK,
      });
    },
    widthOf,
    newPage,
    async save() {
      if (saved) throw new Error('document already saved');
      saved = true;
      const pages = pdf.getPages();
      const size = 7.5;
      const small = (p: PDFPage, text: string, y: number, align: Align): void => {
        let line = printable(text);
        while (line.length > 1 && fontSet.widthOf(line, size) > contentWidth) {
          line = `${line.slice(0, -2).trimEnd()}…`;
        }
        const free = contentWidth - fontSet.widthOf(line, size);
        const x = margins.left + (align === 'center' ? free / 2 : align === 'right' ? free : 0);
        p.drawText(line, { x, y, size, font: fonts.regular, color: GREY });
      };
      pages.forEach((p, i) => {
        const head = options.runningHead?.(i + 1, pages.length) ?? null;
        if (head) small(p, head, A4.height - margins.top / 2 - size / 2, 'left');
        if (options.pageLabel)
          small(p, options.pageLabel(i + 1, pages.length), bottom / 2 - size / 2, 'center');
      });
      const bytes = await pdf.save();
      rememberPageCount(bytes, pages.length);
      return bytes;
    },
  };
  return writer;
}
