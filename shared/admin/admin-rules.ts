import type { Role } from '../contract/views';
import { AppError } from '../errors/app-error';

export const ROLES: readonly Role[] = ['clerk', 'supervisor', 'admin'];

/** The role as the admin chose it, or the typed refusal naming the roles there are. */
export function checkRole(raw: string): Role {
  const role = ROLES.find((r) => r === raw.trim().toLowerCase());
  if (!role) throw new AppError('role_unknown', { role: raw.slice(0, 20), roles: ROLES.join(', ') });
  return role;
}

/** Offices from the list the hub knows (sorted, without repeats), or the typed refusal. */
export function checkOffices(wanted: readonly string[], known: readonly string[]): string[] {
  const offices = [...new Set(wanted.map((o) => o.trim()).filter(Boolean))].sort();
  const unknown = offices.find((o) => !known.includes(o));
  if (unknown !== undefined)
    throw new AppError('office_unknown', { office: unknown.slice(0, 40), offices: known.join(', ') });
  return offices;
}

/**
 * Beyond the length (new-user-rules.ts): a password that contains the account's name, or is
 * made of three characters or fewer repeated ("aaaaaaaaaaaaaa", "abcabcabcabcab"), is the first
 * thing an attacker tries.
 */
export function checkPasswordStrength(password: string, username: string): void {
  const lower = password.toLowerCase();
  const distinct = new Set([...lower]).size;
  if ((username.length >= 3 && lower.includes(username.toLowerCase())) || distinct <= 3)
    throw new AppError('password_weak');
}

/**
 * Disabling or demoting an administrator must leave the comune at least one active one, or
 * nobody could manage its accounts from the desk any more (only IT at the hub's console).
 */
export function checkKeepsAnAdmin(
  target: { username: string; role: Role; disabled: boolean },
  after: { role: Role; disabled: boolean },
  otherActiveAdmins: number,
): void {
  const wasActiveAdmin = target.role === 'admin' && !target.disabled;
  const staysActiveAdmin = after.role === 'admin' && !after.disabled;
  if (wasActiveAdmin && !staysActiveAdmin && otherActiveAdmins === 0)
    throw new AppError('last_admin', { username: target.username });
}
