import type { Locale } from '../i18n/locale';

/** Error wording: Logins, lockout, password hashing, demo mode. Merged into ERROR_MESSAGES (error-messages.ts). */
export const LOGIN_ERROR_MESSAGES = {} as const satisfies Record<string, Record<Locale, string>>;
