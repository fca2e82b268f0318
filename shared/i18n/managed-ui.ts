import type { Locale } from './locale';

/** Screen wording: settings fixed by IT's managed configuration. Merged by uiMessages() (ui-messages.ts). */
const IT = {
  'managed.title': 'Impostazioni della postazione',
  'managed.lockedHint': 'Fissate dai Servizi Informatici ({source}): non si possono cambiare da qui.',
  'managed.locked': 'bloccata',
  'managed.setting.hubUrl': 'Server centrale',
  'managed.setting.comune': 'Comune',
  'managed.setting.workstation': 'Nome della postazione',
  'managed.setting.ring': 'Gruppo di aggiornamento',
  'managed.setting.updates': 'Aggiornamenti',
  'managed.setting.caCertificate': 'Certificato CA del server centrale',
  'managed.updates.self': 'automatici (Sportello si aggiorna da sé)',
  'managed.updates.managed-by-it': 'gestiti dai Servizi Informatici',
  'managed.enrolledSilently': 'Postazione registrata automaticamente con il codice dei Servizi Informatici.',
  'managed.enrolFailed': 'Registrazione automatica non riuscita: {message}',
} as const;

export type ManagedUiKey = keyof typeof IT;

export const MANAGED_UI: Record<Locale, Record<ManagedUiKey, string>> = {
  it: IT,
  en: {
    'managed.title': 'Workstation settings',
    'managed.lockedHint': 'Fixed by IT ({source}): they cannot be changed here.',
    'managed.locked': 'locked',
    'managed.setting.hubUrl': 'Central hub',
    'managed.setting.comune': 'Comune',
    'managed.setting.workstation': 'Workstation name',
    'managed.setting.ring': 'Update ring',
    'managed.setting.updates': 'Updates',
    'managed.setting.caCertificate': 'Hub CA certificate',
    'managed.updates.self': 'automatic (Sportello updates itself)',
    'managed.updates.managed-by-it': 'managed by IT',
    'managed.enrolledSilently': 'Workstation enrolled automatically with the code from IT.',
    'managed.enrolFailed': 'Automatic enrolment failed: {message}',
  },
};
