import { createHash, randomBytes } from 'node:crypto';

/** Bearer credentials are random; only their SHA-256 is stored, so a database leak yields no usable token. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
