import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RgbaImage } from './qr-matrix';

/**
 * Reading back the PDFs we print, for tests only (pdfjs-dist is a dev dependency): the text a
 * reader would see, page by page, and a page as pixels.
 */

const require = createRequire(import.meta.url);
/** pdfjs reads the metrics of the 14 standard fonts from here (a path ending in a separator) */
const STANDARD_FONTS = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + sep;

async function withDocument<T>(bytes: Uint8Array, read: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // a copy: pdfjs transfers (detaches) the buffer it is given
  const doc = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: STANDARD_FONTS }).promise;
  try {
    return await read(doc);
  } finally {
    await doc.destroy();
  }
}

/** A line of text as drawn: its position (points, from the bottom-left corner) and box. */
export interface PdfLine {
  text: string;
  x: number;
  /** baseline */
  y: number;
  width: number;
  /** the font size */
  height: number;
}

/** The drawn lines of each page, in drawing order (runs on one baseline make one line). */
export async function extractPdfLines(bytes: Uint8Array): Promise<PdfLine[][]> {
  return withDocument(bytes, async (doc) => {
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const lines: PdfLine[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [x, y] = [item.transform[4] as number, item.transform[5] as number];
        const last = lines.at(-1);
        if (last && Math.abs(last.y - y) < 0.5 && x >= last.x + last.width - 1) {
          last.text += item.str;
          last.width = x + item.width - last.x;
          last.height = Math.max(last.height, item.height);
        } else lines.push({ text: item.str, x, y, width: item.width, height: item.height });
      }
      pages.push(lines);
    }
    return pages;
  });
}

/** The text of each page: one string per page, the drawn lines separated by "\n". */
export async function extractPdfText(bytes: Uint8Array): Promise<string[]> {
  return (await extractPdfLines(bytes)).map((lines) => lines.map((l) => l.text).join('\n'));
}

/** Pairs of lines on a page whose boxes cross: text printed over text. */
export function overlappingLines(lines: readonly PdfLine[]): [string, string][] {
  const found: [string, string][] = [];
  lines.forEach((a, i) => {
    for (const b of lines.slice(i + 1)) {
      const vertical = Math.abs(a.y - b.y) < Math.min(a.height, b.height) * 0.9;
      const horizontal = a.x < b.x + b.width && b.x < a.x + a.width;
      if (vertical && horizontal) found.push([a.text, b.text]);
    }
  });
  return found;
}

/** Whitespace of any kind (line breaks from wrapping, no-break spaces) as single spaces. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The document's information dictionary as pdfjs reads it. */
export async function pdfInfo(
  bytes: Uint8Array,
): Promise<{ numPages: number; info: Record<string, unknown> }> {
  return withDocument(bytes, async (doc) => {
    const { info } = await doc.getMetadata();
    return { numPages: doc.numPages, info: info as Record<string, unknown> };
  });
}

interface CanvasAndContext {
  canvas: unknown;
  context: { getImageData(x: number, y: number, w: number, h: number): RgbaImage };
}

/**
 * Page `pageNumber` (from 1) rendered at `scale` pixels per point, as RGBA: what a scanner or a
 * phone camera sees. Uses the canvas pdfjs brings for Node (@napi-rs/canvas).
 */
export async function renderPdfPage(
  bytes: Uint8Array,
  pageNumber: number,
  scale: number,
): Promise<RgbaImage> {
  return withDocument(bytes, async (doc) => {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const [width, height] = [Math.ceil(viewport.width), Math.ceil(viewport.height)];
    const factory = doc.canvasFactory as { create(w: number, h: number): CanvasAndContext };
    const { canvas, context } = factory.create(width, height);
    type Render = Parameters<typeof page.render>[0];
    await page.render({
      canvas: canvas as Render['canvas'],
      canvasContext: context as unknown as Render['canvasContext'],
      viewport,
    }).promise;
    const image = context.getImageData(0, 0, width, height);
    return { width, height, data: new Uint8ClampedArray(image.data) };
  });
}

/** The part of `image` inside the rectangle (pixels, from the top-left corner). */
export function crop(image: RgbaImage, x: number, y: number, width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * image.width + x) * 4;
    data.set(image.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { width, height, data };
}
