import type { Locale } from './locale';

/** Screen wording: What the hub recomputes and refuses: amounts, till sessions, certificates. Merged by uiMessages() (ui-messages.ts). */
const IT = {
  'trust.certificateFee': 'Diritti di segreteria',
} as const;

export type TrustUiKey = keyof typeof IT;

export const TRUST_UI: Record<Locale, Record<TrustUiKey, string>> = {
  it: IT,
  en: {
    'trust.certificateFee': 'Secretarial fees',
  },
};
