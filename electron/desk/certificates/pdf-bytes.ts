import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Pages of a rendered document: what the burden meter counts as paper when it is printed. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPageCount();
}

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
