import type { Locale } from './locale';

/** Screen wording: Logins, lockout, password hashing, demo mode. Merged by uiMessages() (ui-messages.ts). */
const IT = {} as const;

export type LoginUiKey = keyof typeof IT;

export const LOGIN_UI: Record<Locale, Record<LoginUiKey, string>> = {
  it: IT,
  en: {},
};
