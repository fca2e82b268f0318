import type { Locale } from './locale';

/** Screen wording: HTTP boundary of the hub: malformed requests, content types, sizes. Merged by uiMessages() (ui-messages.ts). */
const IT = {} as const;

export type HttpUiKey = keyof typeof IT;

export const HTTP_UI: Record<Locale, Record<HttpUiKey, string>> = {
  it: IT,
  en: {},
};
