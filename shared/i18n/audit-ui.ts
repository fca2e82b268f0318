import type { Locale } from './locale';

/** Screen wording: Keyed audit trail at the hub and the desk. Merged by uiMessages() (ui-messages.ts). */
const IT = {} as const;

export type AuditUiKey = keyof typeof IT;

export const AUDIT_UI: Record<Locale, Record<AuditUiKey, string>> = {
  it: IT,
  en: {},
};
