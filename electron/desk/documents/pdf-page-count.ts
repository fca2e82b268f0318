import { PDFDocument } from 'pdf-lib';

/**
 * Pages of the documents the A4 writer saved in this process, by their bytes (pdf-layout.ts
 * `save`): counting them again would parse the whole PDF back, about a millisecond of every
 * certificate issued. Weak: the entry goes with the bytes.
 */
const savedPages = new WeakMap<Uint8Array, number>();

/** Records the page count of bytes a writer has just produced. */
export function rememberPageCount(bytes: Uint8Array, pages: number): void {
  savedPages.set(bytes, pages);
}

/** Pages of a rendered document: what the burden meter counts as paper when it is printed. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const known = savedPages.get(bytes);
  if (known !== undefined) return known;
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPageCount();
}
