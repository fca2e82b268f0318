import type { Role } from '../contract/views';
import { AppError } from '../errors/app-error';
import type { Locale } from '../i18n/locale';
import type { MutationName } from '../sync/mutations';

/**
 * Who may do what: one table of role × action, read by the desk to show and hide and by the hub
 * to accept or refuse (DOMAIN.md §12.1: least privilege by role). Every mutation is an action, so
 * the hub checks each pushed one against the role of the session that pushed it; the other
 * actions are hub routes and screens. Finer rules (four-eyes on a case, a clerk's own till) stay
 * with the domain rules that know the record; this table says only whether a role may ask at all.
 */

const STAFF = ['clerk', 'supervisor', 'admin'] as const satisfies readonly Role[];
const SUPERVISORS = ['supervisor', 'admin'] as const satisfies readonly Role[];
/** the till is for the people who serve at the counter; an administrator account does not take money */
const TILL = ['clerk', 'supervisor'] as const satisfies readonly Role[];

interface Rule {
  roles: readonly Role[];
  label: Record<Locale, string>;
}

const rule = (roles: readonly Role[], it: string, en: string): Rule => ({ roles, label: { it, en } });

const MUTATION_RULES = {
  'registry.updateContacts': rule(STAFF, 'aggiornamento dei recapiti', 'updating contact details'),
  'registry.setCertifiable': rule(
    SUPERVISORS,
    'certificabilità della scheda',
    'marking a record certifiable',
  ),
  'certificates.record': rule(STAFF, 'rilascio certificato', 'issuing a certificate'),
  'certificates.revoke': rule(SUPERVISORS, 'revoca certificato', 'revoking a certificate'),
  'declarations.record': rule(STAFF, 'autocertificazione', 'self-declaration'),
  'cashdesk.openSession': rule(TILL, 'apertura della cassa', 'opening the till'),
  'cashdesk.recordPayment': rule(TILL, 'incasso', 'taking a payment'),
  // A reversal and a closing are authored by the supervisor who approves them at the counter.
  'cashdesk.recordReversal': rule(SUPERVISORS, 'approvazione di rimborso o rettifica', 'approving a refund'),
  'cashdesk.closeSession': rule(SUPERVISORS, 'visto sulla chiusura di cassa', 'signing off a till closing'),
  'cases.open': rule(STAFF, 'apertura pratica', 'opening a case'),
  'cases.transition': rule(STAFF, 'passaggio di stato della pratica', 'moving a case on'),
  'cases.assign': rule(SUPERVISORS, 'assegnazione pratiche', 'assigning cases'),
  'cases.note': rule(STAFF, 'nota sulla pratica', 'a note on a case'),
  'cases.attach': rule(STAFF, 'allegato alla pratica', 'attaching to a case'),
  'cases.policeCheck': rule(STAFF, 'esito dell’accertamento', 'recording the police check'),
  'cases.visit': rule(STAFF, 'accesso allo sportello', 'recording a visit'),
} as const satisfies Record<MutationName, Rule>;

const OTHER_RULES = {
  'sync.comuneExceptions': rule(
    SUPERVISORS,
    'operazioni rifiutate del comune',
    'the comune’s rejected operations',
  ),
  'burden.setBaseline': rule(
    SUPERVISORS,
    'valori di riferimento del misuratore degli oneri',
    'the burden meter’s baseline',
  ),
  'protocol.cancel': rule(
    SUPERVISORS,
    'annullamento di una registrazione di protocollo',
    'cancelling a protocol entry',
  ),
  'protocol.correct': rule(
    SUPERVISORS,
    'correzione di una registrazione di protocollo',
    'correcting a protocol entry',
  ),
} as const satisfies Record<string, Rule>;

export const POLICY = { ...MUTATION_RULES, ...OTHER_RULES } as const;
export type Action = keyof typeof POLICY;

const ROLE_LABELS: Record<Role | 'system', Record<Locale, string>> = {
  system: { it: 'sistema', en: 'system' },
  clerk: { it: 'operatore', en: 'clerk' },
  supervisor: { it: 'responsabile', en: 'supervisor' },
  admin: { it: 'amministratore', en: 'administrator' },
};

export const isAction = (name: string): name is Action => Object.hasOwn(POLICY, name);

/** May this role ask for this action at all? Roles outside the staff (citizen, system) may not. */
export function can(role: string, action: Action): boolean {
  return (POLICY[action].roles as readonly string[]).includes(role);
}

/** The refusal, in both languages, naming the action and the role. */
export function notAllowed(role: Role | 'system', action: Action): AppError {
  return new AppError('action_not_allowed', {
    action,
    action_it: POLICY[action].label.it,
    action_en: POLICY[action].label.en,
    role_it: ROLE_LABELS[role].it,
    role_en: ROLE_LABELS[role].en,
  });
}

export function requireAllowed(role: Role | 'system', action: Action): void {
  if (!can(role, action)) throw notAllowed(role, action);
}
