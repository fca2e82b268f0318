import type { Locale } from '../i18n/locale';

/** Error wording: Keyed audit trail at the hub and the desk. Merged into ERROR_MESSAGES (error-messages.ts). */
export const AUDIT_ERROR_MESSAGES = {} as const satisfies Record<string, Record<Locale, string>>;
