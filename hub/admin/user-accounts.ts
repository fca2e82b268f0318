import type { Kysely, Transaction } from 'kysely';
import {
  checkKeepsAnAdmin,
  checkOffices,
  checkPasswordStrength,
  checkRole,
} from '../../shared/admin/admin-rules';
import type { AdminUserView } from '../../shared/admin/admin-wire';
import { checkNewPassword } from '../../shared/auth/new-user-rules';
import { OWASP_SCRYPT, type ScryptCost } from '../../shared/auth/scrypt-cost';
import { AppError } from '../../shared/errors/app-error';
import { hashPassword } from '../auth/passwords';
import type { HubDatabase } from '../db/database';
import type { UserRow } from '../db/tables/users.table';
import { KNOWN_OFFICES } from '../sync/office-scope';
import { appendChange } from '../sync/change-log';
import { clearFailedLogins } from '../auth/login-attempts';
import { newOneTimePassword } from './one-time-secret';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

/** The offices a person may belong to: those of the procedure catalogue and the office-scoped kinds. */
export const USER_OFFICES: readonly string[] = KNOWN_OFFICES;

async function officesByUser(db: Db, usernames: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (usernames.length === 0) return out;
  const rows = await db
    .selectFrom('user_offices')
    .select(['username', 'office'])
    .where('username', 'in', [...usernames])
    .execute();
  for (const r of rows) out.set(r.username, [...(out.get(r.username) ?? []), r.office].sort());
  return out;
}

function viewOf(row: UserRow, offices: readonly string[], now: Date): AdminUserView {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    offices: [...offices],
    disabled: Number(row.disabled) === 1,
    locked: row.locked_until !== null && new Date(row.locked_until) > now,
  };
}

/** The comune's accounts, by display name. */
export async function listUsers(db: Db, comune: string, now: Date = new Date()): Promise<AdminUserView[]> {
  const rows = await db.selectFrom('users').selectAll().where('comune', '=', comune).execute();
  const offices = await officesByUser(
    db,
    rows.map((r) => r.username),
  );
  return rows
    .map((r) => viewOf(r, offices.get(r.username) ?? [], now))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'it') || a.username.localeCompare(b.username));
}

export async function userView(db: Db, comune: string, username: string, now: Date = new Date()) {
  const row = await findUser(db, comune, username);
  return viewOf(row, (await officesByUser(db, [row.username])).get(row.username) ?? [], now);
}

/** An account of this comune (an admin never reaches another comune's people). */
async function findUser(db: Db, comune: string | null, username: string): Promise<UserRow> {
  let q = db.selectFrom('users').selectAll().where('username', '=', username.trim().toLowerCase());
  if (comune) q = q.where('comune', '=', comune);
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('admin_user_not_found', { username: username.slice(0, 64) });
  return row;
}

async function otherActiveAdmins(db: Db, comune: string, username: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('comune', '=', comune)
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('username', '!=', username)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function writeOffices(trx: Transaction<HubDatabase>, username: string, offices: readonly string[]) {
  await trx.deleteFrom('user_offices').where('username', '=', username).execute();
  if (offices.length > 0)
    await trx
      .insertInto('user_offices')
      .values(offices.map((office) => ({ username, office })))
      .execute();
}

/** A password the admin typed (checked), or one the hub makes: returned so it is shown once. */
export function chooseInitialPassword(
  typed: string | undefined,
  username: string,
): { password: string; made: boolean } {
  if (typed && typed.length > 0) {
    checkNewPassword(typed);
    checkPasswordStrength(typed, username);
    return { password: typed, made: false };
  }
  return { password: newOneTimePassword(), made: true };
}

/** Name, role and offices of an account; a role change applies from the person's next login. */
export async function updateUser(
  db: Kysely<HubDatabase>,
  comune: string,
  username: string,
  change: { displayName: string; role: string; offices: readonly string[] },
  now: Date = new Date(),
): Promise<AdminUserView> {
  const role = checkRole(change.role);
  const offices = checkOffices(change.offices, USER_OFFICES);
  return db.transaction().execute(async (trx) => {
    const row = await findUser(trx, comune, username);
    const disabled = Number(row.disabled) === 1;
    checkKeepsAnAdmin(
      { username: row.username, role: row.role, disabled },
      { role, disabled },
      await otherActiveAdmins(trx, comune, row.username),
    );
    await trx
      .updateTable('users')
      .set({ display_name: change.displayName.trim() || row.username, role })
      .where('id', '=', row.id)
      .execute();
    await writeOffices(trx, row.username, offices);
    return userView(trx, comune, row.username, now);
  });
}

/**
 * Disables or enables an account (the admin screen: `comune` is the admin's; the CLI: null, any
 * comune). Disabling reaches every counter of the comune: their cached offline login goes at the
 * next sync, and the hub refuses the account's logins and uploads (account_disabled,
 * author_disabled). From the screen, the comune's last active administrator cannot be disabled.
 */
export async function setUserDisabled(
  db: Kysely<HubDatabase>,
  comune: string | null,
  username: string,
  disabled: boolean,
  now: Date = new Date(),
): Promise<AdminUserView> {
  return db.transaction().execute(async (trx) => {
    const row = await findUser(trx, comune, username);
    // at the desk, the comune must keep an administrator; IT at the hub's console can always make one
    if (comune)
      checkKeepsAnAdmin(
        { username: row.username, role: row.role, disabled: Number(row.disabled) === 1 },
        { role: row.role, disabled },
        await otherActiveAdmins(trx, comune, row.username),
      );
    await trx
      .updateTable('users')
      .set({ disabled: disabled ? 1 : 0 })
      .where('id', '=', row.id)
      .execute();
    await appendChange(trx, {
      comune: row.comune,
      entity: 'clerk',
      entityId: row.username,
      op: 'upsert',
      payload: { username: row.username, disabled },
      at: now.toISOString(),
    });
    return userView(trx, row.comune, row.username, now);
  });
}

/** The account's hub sessions and push keys end now (a reset password: whoever had the old one is out). */
async function endCredentials(trx: Transaction<HubDatabase>, userId: string, now: Date): Promise<void> {
  await trx
    .updateTable('clerk_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * A new one-time password for a person who lost theirs: the lockout is lifted and their hub
 * sessions end; the password is returned once and only its hash is kept. The admin has seen it,
 * so it only opens the change-password step (must_change_password) until the person chooses theirs.
 */
export async function resetPassword(
  db: Kysely<HubDatabase>,
  comune: string,
  username: string,
  now: Date = new Date(),
  cost: ScryptCost = OWASP_SCRYPT,
): Promise<{ username: string; password: string }> {
  const password = newOneTimePassword();
  const passwordHash = await hashPassword(password, cost); // slow on purpose: outside the transaction
  return db.transaction().execute(async (trx) => {
    const row = await findUser(trx, comune, username);
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_attempts: 0, locked_until: null, must_change_password: 1 })
      .where('id', '=', row.id)
      .execute();
    await clearFailedLogins(trx, row.username);
    await endCredentials(trx, row.id, now);
    // The counters' cached offline logins check the old password: they go at each one's next pull,
    // as for a disabled account (electron/desk/sync/change-handlers.ts).
    await appendChange(trx, {
      comune: row.comune,
      entity: 'clerk',
      entityId: row.username,
      op: 'upsert',
      payload: { username: row.username, disabled: Number(row.disabled) === 1, passwordReset: true },
      at: now.toISOString(),
    });
    return { username: row.username, password };
  });
}

/** Display names of the comune's staff, disabled included (their past work still bears their name). */
export async function staffNames(db: Db, comune: string): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('comune', '=', comune)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.username, r.display_name]));
}
