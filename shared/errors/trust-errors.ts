import type { Locale } from '../i18n/locale';

/** Error wording: What the hub recomputes and refuses: amounts, till sessions, certificates. Merged into ERROR_MESSAGES (error-messages.ts). */
export const TRUST_ERROR_MESSAGES = {} as const satisfies Record<string, Record<Locale, string>>;
