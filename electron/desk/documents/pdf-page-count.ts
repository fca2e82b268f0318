import { PDFDocument } from 'pdf-lib';

/** Pages of a rendered document: what the burden meter counts as paper when it is printed. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPageCount();
}
