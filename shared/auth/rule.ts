import type { Role } from '../contract/views';
import type { Locale } from '../i18n/locale';

/** One line of the role × action table (policy.ts): who may, and how the action is named to people. */
export interface Rule {
  roles: readonly Role[];
  label: Record<Locale, string>;
}

export const STAFF = ['clerk', 'supervisor', 'admin'] as const satisfies readonly Role[];
export const SUPERVISORS = ['supervisor', 'admin'] as const satisfies readonly Role[];
/** the till is for the people who serve at the counter; an administrator account does not take money */
export const TILL = ['clerk', 'supervisor'] as const satisfies readonly Role[];

export const rule = (roles: readonly Role[], it: string, en: string): Rule => ({ roles, label: { it, en } });
