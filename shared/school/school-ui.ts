import type { Locale } from '../i18n/locale';

/**
 * Screen wording for the school services, Italian first, keys prefixed `school.`.
 * Owned by the desk helper (school-desk); empty until the screens land.
 */
const IT = {} as const satisfies Record<string, string>;
const EN: Record<keyof typeof IT, string> = {};

export const SCHOOL_UI = { it: IT, en: EN } as const satisfies Record<Locale, Record<string, string>>;
