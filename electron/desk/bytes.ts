import { createHash } from 'node:crypto';

/** Byte helpers shared by the desk's documents, receipts and case attachments. */

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export const fromBase64 = (text: string): Buffer => Buffer.from(text, 'base64');
