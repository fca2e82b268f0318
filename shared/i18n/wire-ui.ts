import type { Locale } from './locale';

/** Screen wording: Sync wire contract, quarantine of records a desk cannot read, version skew. Merged by uiMessages() (ui-messages.ts). */
const IT = {
  colKind: 'Tipo',
  colAge: 'Da quanto',
  kindTransient: 'Si risolve da sé',
  kindPermanent: 'Serve un intervento',
  fromHub: 'Dal server',
  ageMinutes: '{count} min',
  ageHours: '{count} h',
  ageDays: '{count} giorni',
  syncSetAside: '{count} da verificare',
} as const;

export type WireUiKey = keyof typeof IT;

export const WIRE_UI: Record<Locale, Record<WireUiKey, string>> = {
  it: IT,
  en: {
    colKind: 'Kind',
    colAge: 'Since',
    kindTransient: 'Settles by itself',
    kindPermanent: 'Needs a person',
    fromHub: 'From the server',
    ageMinutes: '{count} min',
    ageHours: '{count} h',
    ageDays: '{count} days',
    syncSetAside: '{count} to check',
  },
};
