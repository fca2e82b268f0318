import type { Locale } from '../i18n/locale';

/** Error wording: Who acts: hub sessions, authorship of mutations, the role policy. Merged into ERROR_MESSAGES (error-messages.ts). */
export const IDENTITY_ERROR_MESSAGES = {} as const satisfies Record<string, Record<Locale, string>>;
