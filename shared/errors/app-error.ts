import { interpolate, type Locale } from '../i18n/locale';
import { formatDate } from '../i18n/registry-labels';
import { errorMessages, type ErrorCode } from './error-messages';

export type ErrorParams = Record<string, string | number>;

/** What crosses a process or network boundary: never a stack trace. */
export interface ErrorData {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** Thrown inside the core and the hub; turned into `ErrorData` at the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(`${code}: ${interpolate(errorMessages()[code].en, params)}`);
    this.name = 'AppError';
  }

  toData(locale: Locale): ErrorData {
    return { code: this.code, message: localizeError(this.code, this.params, locale), params: this.params };
  }
}

export function localizeError(code: ErrorCode, params: ErrorParams, locale: Locale): string {
  // a date in a message reads as the clerk writes it (09/03/2026), never 2026-03-09; params keep ISO
  const shown: ErrorParams = {};
  for (const [k, v] of Object.entries(params))
    shown[k] = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  return interpolate(errorMessages()[code][locale], shown);
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorMessages(), value);
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
