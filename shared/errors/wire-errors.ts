import type { Locale } from '../i18n/locale';

/** Error wording: Sync wire contract, quarantine of records a desk cannot read, version skew. Merged into ERROR_MESSAGES (error-messages.ts). */
export const WIRE_ERROR_MESSAGES = {} as const satisfies Record<string, Record<Locale, string>>;
