import type { Locale } from '../i18n/locale';

/** Screen wording of cases, queue and dashboard, merged into shared/i18n/ui-messages.ts. */
export const CASE_UI_MESSAGES_IT = {} as const;
export type CaseUiKey = keyof typeof CASE_UI_MESSAGES_IT;
export const CASE_UI_MESSAGES: Record<Locale, Record<CaseUiKey, string>> = {
  it: CASE_UI_MESSAGES_IT,
  en: {},
};
