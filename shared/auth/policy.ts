import type { Role } from '../contract/views';
import { AppError } from '../errors/app-error';
import type { Locale } from '../i18n/locale';
import type { MutationName } from '../sync/mutations';
import { serviceRules, type ServicePart } from '../services/registered';
import { rule, STAFF, SUPERVISORS, type Rule } from './rule';

/**
 * Who may do what: one table of role × action, read by the desk to show and hide and by the hub
 * to accept or refuse (DOMAIN.md §12.1: least privilege by role). Every mutation is an action, so
 * the hub checks each pushed one against the role of the session that pushed it; the other
 * actions are hub routes and screens. Finer rules (four-eyes on a case, a clerk's own till) stay
 * with the domain rules that know the record; this table says only whether a role may ask at all.
 */

const CORE_RULES = {
  'registry.updateContacts': rule(STAFF, 'aggiornamento dei recapiti', 'updating contact details'),
  'registry.setCertifiable': rule(
    SUPERVISORS,
    'certificabilità della scheda',
    'marking a record certifiable',
  ),
  'sync.comuneExceptions': rule(
    SUPERVISORS,
    'operazioni rifiutate del comune',
    'the comune’s rejected operations',
  ),
} as const satisfies Record<string, Rule>;

type Policy = typeof CORE_RULES & ServicePart<'rules'>;
export type Action = keyof Policy & string;

let merged: Record<Action, Rule> | null = null;
/** The whole table: the core's rules and each registered service's. */
export const policyTable = (): Record<Action, Rule> => policy();
/** The core's rules and each registered service's, merged on first use (see errorMessages). */
const policy = (): Record<Action, Rule> =>
  (merged ??= { ...CORE_RULES, ...serviceRules() } as Record<Action, Rule>);

/** every mutation is an action: a service that syncs one must say who may */
type MissingRule = Exclude<MutationName, Action>;
export const EVERY_MUTATION_HAS_A_RULE: MissingRule extends never ? true : MissingRule = true;
const ROLE_LABELS: Record<Role | 'system', Record<Locale, string>> = {
  system: { it: 'sistema', en: 'system' },
  clerk: { it: 'operatore', en: 'clerk' },
  supervisor: { it: 'responsabile', en: 'supervisor' },
  admin: { it: 'amministratore', en: 'administrator' },
};

export const isAction = (name: string): name is Action => Object.hasOwn(policy(), name);

/** May this role ask for this action at all? Roles outside the staff (citizen, system) may not. */
export function can(role: string, action: Action): boolean {
  return (policy()[action].roles as readonly string[]).includes(role);
}

/** The refusal, in both languages, naming the action and the role. */
export function notAllowed(role: Role | 'system', action: Action): AppError {
  return new AppError('action_not_allowed', {
    action,
    action_it: policy()[action].label.it,
    action_en: policy()[action].label.en,
    role_it: ROLE_LABELS[role].it,
    role_en: ROLE_LABELS[role].en,
  });
}

export function requireAllowed(role: Role | 'system', action: Action): void {
  if (!can(role, action)) throw notAllowed(role, action);
}
