import type { Locale } from '../i18n/locale';

/** Error wording: HTTP boundary of the hub: malformed requests, content types, sizes. Merged into ERROR_MESSAGES (error-messages.ts). */
export const HTTP_ERROR_MESSAGES = {} as const satisfies Record<string, Record<Locale, string>>;
