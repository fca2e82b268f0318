import {
  BinaryBitmap,
  DataMatrixReader,
  DecodeHintType,
  HybridBinarizer,
  RGBLuminanceSource,
} from '@zxing/library';
import jsQR from 'jsqr';
import { pdfPageCount } from '../electron/desk/documents/pdf-page-count';
import { crop, extractPdfText, flat, renderPdfPage } from '../electron/desk/documents/pdf-test-helpers';
import type { RgbaImage } from '../electron/desk/documents/qr-matrix';

/**
 * Reads back the 2-D codes of printed pagoPA notices (shared/pagopa/avviso/avviso-pdf.ts) as a
 * phone or a postal scanner would: each page is rendered by pdfjs, the right-hand column where the
 * codes sit is scanned with a sliding window, and every QR (jsqr) and Data Matrix (@zxing/library)
 * found is decoded. For tests only (hub tests may not import electron/, this folder may).
 */

const SCALE = 3;
/** the QR column: the right 175 points of the A4 page, scanned in windows of 112 points */
const QR_STRIP = { x: 405, width: 175, window: 112, step: 24 } as const;
/** the Data Matrix sits closer to the edge; a tighter window keeps the text beside it out */
const DM_STRIP = { x: 480, width: 92, window: 84, step: 12 } as const;

export function decodeDataMatrix(image: RgbaImage): string | null {
  const lum = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < lum.length; i++) {
    const [r, g, b] = [image.data[i * 4] ?? 255, image.data[i * 4 + 1] ?? 255, image.data[i * 4 + 2] ?? 255];
    lum[i] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(lum, image.width, image.height)),
  );
  try {
    const hints = new Map([[DecodeHintType.TRY_HARDER, true]]);
    return new DataMatrixReader().decode(bitmap, hints).getText();
  } catch {
    return null;
  }
}

export interface PageCodes {
  /** QR payloads, top to bottom, each once */
  qr: string[];
  /** Data Matrix contents, top to bottom, each once */
  dataMatrix: string[];
}

/** The codes on each page of the PDF, page by page. */
export async function readAvvisoCodes(bytes: Uint8Array, pages: number): Promise<PageCodes[]> {
  const out: PageCodes[] = [];
  for (let n = 1; n <= pages; n++) {
    const image = await renderPdfPage(bytes, n, SCALE);
    const scan = (strip: typeof QR_STRIP | typeof DM_STRIP, decode: (i: RgbaImage) => string | null) => {
      const found: string[] = [];
      const x = Math.round(strip.x * SCALE);
      const width = Math.min(Math.round(strip.width * SCALE), image.width - x);
      const height = Math.round(strip.window * SCALE);
      for (let top = 0; top + height <= image.height; top += strip.step * SCALE) {
        const text = decode(crop(image, x, top, width, height));
        if (text !== null && !found.includes(text)) found.push(text);
      }
      return found;
    };
    out.push({
      qr: scan(QR_STRIP, (i) => jsQR(i.data, i.width, i.height)?.data ?? null),
      dataMatrix: scan(DM_STRIP, decodeDataMatrix),
    });
  }
  return out;
}

/** Pages of the PDF (as printed). */
export const pageCountOf = (bytes: Uint8Array): Promise<number> => pdfPageCount(bytes);

/** All the text of the PDF, whitespace collapsed, for `toContain`. */
export async function extractPdfTextOf(bytes: Uint8Array): Promise<string> {
  return flat((await extractPdfText(bytes)).join('\n'));
}
