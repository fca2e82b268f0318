import { interpolate, type Locale } from '../i18n/locale';
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
  return interpolate(errorMessages()[code][locale], params);
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorMessages(), value);
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
