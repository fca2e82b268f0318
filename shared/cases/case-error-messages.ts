import type { Locale } from '../i18n/locale';

/** Error wording of the case engine, merged into shared/errors/error-messages.ts. */
export const CASE_ERROR_MESSAGES = {} as const satisfies Record<string, Record<Locale, string>>;
