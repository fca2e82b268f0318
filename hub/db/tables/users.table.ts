import type { Generated, Selectable } from 'kysely';
import type { Role } from '../../../shared/contract/views';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  comune: string;
  /** scrypt$N$r$p$salt$hash (hub/auth/passwords.ts) */
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  /** 0/1: portable across SQLite and PostgreSQL */
  disabled: number;
  /** 0/1: the password is one the hub made (reset, new account); only a change is allowed */
  must_change_password: Generated<number>;
}
export type UserRow = Selectable<UsersTable>;
