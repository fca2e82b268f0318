import type { Locale } from './locale';
import { SERVICES, type Services } from '../services/registered';
import { WIRE_UI, type WireUiKey } from './wire-ui';
import { HTTP_UI, type HttpUiKey } from './http-ui';
import { LOGIN_UI, type LoginUiKey } from './login-ui';
import { AUDIT_UI, type AuditUiKey } from './audit-ui';
import { TRUST_UI, type TrustUiKey } from './trust-ui';
import { IDENTITY_UI, type IdentityUiKey } from './identity-ui';
import { MANAGED_UI, type ManagedUiKey } from './managed-ui';

/** Screen wording. Italian is the default; every key must exist in both languages. */
const it = {
  appName: 'Sportello',
  appSubtitle: 'Servizi al cittadino',
  loginTitle: 'Accesso operatore',
  loginHint: 'Inserire le credenziali fornite dal Comune.',
  username: 'Nome utente',
  password: 'Password',
  loginButton: 'Accedi',
  loggingIn: 'Accesso in corso…',
  logout: 'Esci',
  language: 'Lingua',
  switchLanguage: 'English',
  workstation: 'Postazione',
  searchTitle: 'Ricerca in anagrafe',
  searchLabel: 'Cognome e nome, codice fiscale o data di nascita',
  searchPlaceholder: 'Es. Rossi Mario · RSSMRA72 · 09/07/1972',
  searchHelp: 'Frecce ↑↓ per scorrere, Invio per aprire, Esc per tornare alla ricerca, F2 per la ricerca.',
  tooShort: 'Digitare almeno 2 caratteri.',
  noResults: 'Nessun residente trovato per «{query}».',
  resultsCount: '{count} risultati',
  resultsOne: '1 risultato',
  role_clerk: 'operatore',
  role_supervisor: 'responsabile',
  role_admin: 'amministratore',
  resultsTruncated: 'Sono mostrati i primi {count}: affinare la ricerca.',
  interpretedAs_name: 'cercato per nome',
  interpretedAs_codice_fiscale: 'cercato per codice fiscale',
  interpretedAs_birth_date: 'cercato per data di nascita',
  interpretedAs_similar_name: 'nessun cognome esatto: cognomi simili',
  interpretedAs_address: 'cercato per indirizzo',
  invalidCfTitle: 'Codice fiscale non valido: {code}',
  colName: 'Cognome e nome',
  colCf: 'Codice fiscale',
  colBirth: 'Nato/a il',
  colAddress: 'Indirizzo',
  colStatus: 'Stato',
  detailTitle: 'Scheda anagrafica',
  back: 'Torna alla ricerca (Esc)',
  personalData: 'Dati anagrafici',
  sex: 'Sesso',
  birth: 'Nascita',
  birthPlace: 'Luogo di nascita',
  citizenship: 'Cittadinanza',
  civilStatus: 'Stato civile',
  registryStatus: 'Posizione anagrafica',
  registeredOn: 'Iscritto/a dal',
  omocodia: 'codice con omocodia',
  address: 'Indirizzo di residenza',
  interior: 'Interno',
  family: 'Famiglia anagrafica',
  relationship: 'Rapporto con l’intestatario',
  history: 'Storia anagrafica',
  auditNotice: 'La consultazione di questa scheda è registrata (chi, quando, perché).',
  syncNever: 'Anagrafe locale non scaricata',
  syncOnline: 'In linea',
  syncOffline: 'Fuori linea',
  syncPending: '{count} da inviare',
  syncExceptions: '{count} rifiutate',
  syncLast: 'ultima sincr. {time}',
  syncRevoked: 'Postazione revocata',
  syncRunning: 'Scaricamento anagrafe… {done}/{total} famiglie',
  syncReady: '{count} residenti in locale',
  syncError: 'Sincronizzazione non riuscita: {error}',
  sessionExpiresAt: 'Sessione fino alle {time}',
  loading: 'Caricamento…',
  enrolTitle: 'Registrazione della postazione',
  enrolHint:
    'Primo avvio: inserire l’indirizzo del server centrale e il codice di registrazione fornito dai Servizi Informatici.',
  hubUrl: 'Indirizzo del server centrale',
  enrolCode: 'Codice di registrazione',
  enrolButton: 'Registra postazione',
  revokedTitle: 'Postazione revocata',
  contacts: 'Recapiti',
  phone: 'Telefono',
  email: 'E-mail',
  saveContacts: 'Salva recapiti',
  contactsSaved: 'Recapiti salvati: saranno inviati al server centrale alla prossima sincronizzazione.',
  editContacts: 'Modifica recapiti',
  cancel: 'Annulla',
  syncTitle: 'Sincronizzazione',
  syncBack: 'Torna (Esc)',
  syncNow: 'Sincronizza ora',
  syncStateLabel: 'Stato',
  syncPendingLabel: 'Operazioni da inviare',
  syncLastLabel: 'Ultima sincronizzazione riuscita',
  syncErrorLabel: 'Ultimo errore',
  exceptionsTitle: 'Operazioni rifiutate dal server centrale',
  noExceptions: 'Nessuna operazione rifiutata.',
  colWhen: 'Quando',
  colClerk: 'Operatore',
  colWhat: 'Operazione',
  colWhy: 'Motivo',
  offlineSession: 'accesso fuori linea',
  comuneExceptionsTitle: 'Operazioni rifiutate in tutto il comune (responsabili)',
  colWorkstation: 'Postazione',
} as const;

type BaseKey = keyof typeof it;
/** the screen wording each registered service declares (its service.ts `ui`) */
type UiKeysOf<S> = S extends { ui: { it: infer M } } ? keyof M & string : never;
type ServiceUiKey = UiKeysOf<Services[number]>;

export type UiKey =
  | BaseKey
  | ServiceUiKey
  | WireUiKey
  | HttpUiKey
  | LoginUiKey
  | AuditUiKey
  | TrustUiKey
  | IdentityUiKey
  | ManagedUiKey;

const en: Record<BaseKey, string> = {
  appName: 'Sportello',
  appSubtitle: 'Citizen services',
  loginTitle: 'Clerk login',
  loginHint: 'Enter the credentials issued by the comune.',
  username: 'Username',
  password: 'Password',
  loginButton: 'Log in',
  loggingIn: 'Logging in…',
  logout: 'Log out',
  language: 'Language',
  switchLanguage: 'Italiano',
  workstation: 'Workstation',
  searchTitle: 'Registry search',
  searchLabel: 'Surname and name, codice fiscale or date of birth',
  searchPlaceholder: 'E.g. Rossi Mario · RSSMRA72 · 09/07/1972',
  searchHelp: 'Arrows ↑↓ to move, Enter to open, Esc back to search, F2 to search.',
  tooShort: 'Type at least 2 characters.',
  noResults: 'No resident found for “{query}”.',
  resultsCount: '{count} results',
  resultsOne: '1 result',
  role_clerk: 'clerk',
  role_supervisor: 'supervisor',
  role_admin: 'administrator',
  resultsTruncated: 'Showing the first {count}: refine the search.',
  interpretedAs_name: 'searched by name',
  interpretedAs_codice_fiscale: 'searched by codice fiscale',
  interpretedAs_birth_date: 'searched by date of birth',
  interpretedAs_similar_name: 'no exact surname: similar surnames',
  interpretedAs_address: 'searched by address',
  invalidCfTitle: 'Invalid codice fiscale: {code}',
  colName: 'Surname and name',
  colCf: 'Codice fiscale',
  colBirth: 'Born',
  colAddress: 'Address',
  colStatus: 'Status',
  detailTitle: 'Registry record',
  back: 'Back to search (Esc)',
  personalData: 'Personal data',
  sex: 'Sex',
  birth: 'Birth',
  birthPlace: 'Place of birth',
  citizenship: 'Citizenship',
  civilStatus: 'Civil status',
  registryStatus: 'Registry position',
  registeredOn: 'Registered since',
  omocodia: 'omocodia code',
  address: 'Residential address',
  interior: 'Interior',
  family: 'Household',
  relationship: 'Relationship to head',
  history: 'Registry history',
  auditNotice: 'Opening this record is logged (who, when, why).',
  syncNever: 'Local registry not downloaded',
  syncOnline: 'Online',
  syncOffline: 'Offline',
  syncPending: '{count} to send',
  syncExceptions: '{count} rejected',
  syncLast: 'last sync {time}',
  syncRevoked: 'Workstation revoked',
  syncRunning: 'Downloading registry… {done}/{total} households',
  syncReady: '{count} residents stored locally',
  syncError: 'Sync failed: {error}',
  sessionExpiresAt: 'Session until {time}',
  loading: 'Loading…',
  enrolTitle: 'Workstation enrolment',
  enrolHint: 'First start: enter the central hub address and the enrolment code issued by IT.',
  hubUrl: 'Central hub address',
  enrolCode: 'Enrolment code',
  enrolButton: 'Enrol workstation',
  revokedTitle: 'Workstation revoked',
  contacts: 'Contacts',
  phone: 'Phone',
  email: 'E-mail',
  saveContacts: 'Save contacts',
  contactsSaved: 'Contacts saved: they will be sent to the hub at the next sync.',
  editContacts: 'Edit contacts',
  cancel: 'Cancel',
  syncTitle: 'Synchronisation',
  syncBack: 'Back (Esc)',
  syncNow: 'Sync now',
  syncStateLabel: 'State',
  syncPendingLabel: 'Operations to send',
  syncLastLabel: 'Last successful sync',
  syncErrorLabel: 'Last error',
  exceptionsTitle: 'Operations rejected by the hub',
  noExceptions: 'No rejected operations.',
  colWhen: 'When',
  colClerk: 'Clerk',
  colWhat: 'Operation',
  colWhy: 'Reason',
  offlineSession: 'offline login',
  comuneExceptionsTitle: 'Rejected operations across the comune (supervisors)',
  colWorkstation: 'Workstation',
};

let merged: Record<Locale, Record<UiKey, string>> | null = null;

/** The core's wording and each registered service's, merged on first use (see errorMessages). */
export function uiMessages(): Record<Locale, Record<UiKey, string>> {
  if (merged) return merged;
  const core = {
    it: {
      ...it,
      ...WIRE_UI.it,
      ...HTTP_UI.it,
      ...LOGIN_UI.it,
      ...AUDIT_UI.it,
      ...TRUST_UI.it,
      ...IDENTITY_UI.it,
      ...MANAGED_UI.it,
    },
    en: {
      ...en,
      ...WIRE_UI.en,
      ...HTTP_UI.en,
      ...LOGIN_UI.en,
      ...AUDIT_UI.en,
      ...TRUST_UI.en,
      ...IDENTITY_UI.en,
      ...MANAGED_UI.en,
    },
  };
  for (const service of SERVICES) {
    Object.assign(core.it, service.ui.it);
    Object.assign(core.en, service.ui.en);
  }
  merged = core as Record<Locale, Record<UiKey, string>>;
  return merged;
}
