import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { DEMO_COMUNI } from '../../resources/demo/demo-comuni';
import { checkOffices, checkPasswordStrength, checkRole } from '../../shared/admin/admin-rules';
import { checkNewPassword, checkNewUsername } from '../../shared/auth/new-user-rules';
import { OWASP_SCRYPT, type ScryptCost } from '../../shared/auth/scrypt-cost';
import type { Role } from '../../shared/contract/views';
import { AppError } from '../../shared/errors/app-error';
import type { Comune } from '../../shared/registry/model';
import { hashPassword } from '../auth/passwords';
import type { HubDatabase } from '../db/database';
import { USER_OFFICES } from './user-accounts';

export interface NewUser {
  username: string;
  displayName: string;
  /** as typed (CLI, admin screen): an unknown role is refused by name */
  role: Role | string;
  comune: string;
  password: string;
  /** offices beside the role (user_offices), e.g. servizi_sociali */
  offices?: readonly string[];
  /** the hub made the password (shown once to the admin): the person must choose their own first */
  mustChangePassword?: boolean;
}

/** The comuni of the partnership (Casale and its neighbours): the ones a hub may serve. */
export const PARTNER_COMUNI: readonly Comune[] = DEMO_COMUNI;

/**
 * A person's account, created by IT at the hub (`npm run hub -- create-admin|create-user`). On an
 * empty production hub the first account also brings its comune in, from the partner list.
 */
export async function createUser(
  db: Kysely<HubDatabase>,
  input: NewUser,
  cost: ScryptCost = OWASP_SCRYPT,
): Promise<{ username: string; comune: Comune }> {
  const username = checkNewUsername(input.username);
  const role = checkRole(input.role);
  const offices = checkOffices(input.offices ?? [], USER_OFFICES);
  checkNewPassword(input.password);
  checkPasswordStrength(input.password, username);
  const belfiore = input.comune.trim().toUpperCase();
  const partner = PARTNER_COMUNI.find((c) => c.belfiore === belfiore);
  const passwordHash = await hashPassword(input.password, cost); // slow on purpose: outside the transaction
  return db.transaction().execute(async (trx) => {
    let comune: Comune | undefined = await trx
      .selectFrom('comuni')
      .selectAll()
      .where('belfiore', '=', belfiore)
      .executeTakeFirst();
    if (!comune && partner) {
      await trx.insertInto('comuni').values(partner).execute();
      comune = partner;
    }
    if (!comune) {
      const known = PARTNER_COMUNI.map((c) => `${c.belfiore} (${c.name})`).join(', ');
      throw new AppError('comune_unknown', { comune: belfiore, known });
    }
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (taken) throw new AppError('username_taken', { username });
    await trx
      .insertInto('users')
      .values({
        id: uuidv7(),
        username,
        display_name: input.displayName.trim() || username,
        role,
        comune: comune.belfiore,
        password_hash: passwordHash,
        failed_attempts: 0,
        locked_until: null,
        disabled: 0,
        must_change_password: input.mustChangePassword ? 1 : 0,
      })
      .execute();
    if (offices.length > 0)
      await trx
        .insertInto('user_offices')
        .values(offices.map((office) => ({ username, office })))
        .execute();
    return { username, comune };
  });
}

export async function hasAnyUser(db: Kysely<HubDatabase>): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}
