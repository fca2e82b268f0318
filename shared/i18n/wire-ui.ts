import type { Locale } from './locale';

/** Screen wording: Sync wire contract, quarantine of records a desk cannot read, version skew. Merged into UI_MESSAGES (ui-messages.ts). */
const IT = {} as const;

export type WireUiKey = keyof typeof IT;

export const WIRE_UI: Record<Locale, Record<WireUiKey, string>> = {
  it: IT,
  en: {},
};
