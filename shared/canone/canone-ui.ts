import type { Locale } from '../i18n/locale';

/**
 * Screen wording for the canone unico, Italian first. Keys are prefixed `canone.` so they merge
 * into UI_MESSAGES without clashes. Filled in by the screens' work (renderer/src/canone).
 */
const IT = {} as const satisfies Record<string, string>;

export type CanoneUiKey = keyof typeof IT;

const EN = {} as const satisfies Record<CanoneUiKey, string>;

export const CANONE_UI = { it: IT, en: EN } as const satisfies Record<Locale, Record<string, string>>;
