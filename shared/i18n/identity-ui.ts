import type { Locale } from './locale';

/** Screen wording: Who acts: hub sessions, authorship of mutations, the role policy. Merged by uiMessages() (ui-messages.ts). */
const IT = {
  syncWaitingFor: 'in attesa dell’accesso di {user} per inviare le sue operazioni',
} as const;

export type IdentityUiKey = keyof typeof IT;

export const IDENTITY_UI: Record<Locale, Record<IdentityUiKey, string>> = {
  it: IT,
  en: {
    syncWaitingFor: 'waiting for {user} to log in to send their work',
  },
};
