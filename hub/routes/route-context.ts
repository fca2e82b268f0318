import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';
import { findWorkstationByTokenHash } from '../auth/auth-repository';
import { hashToken } from '../auth/tokens';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import type { ChangeNotifier } from '../sync/change-notifier';

export interface RouteContext {
  db: Kysely<HubDatabase>;
  now: () => Date;
  notifier: ChangeNotifier;
  /** the device credential decides the comune: a workstation only ever reaches its own partition */
  workstationOf(req: FastifyRequest): Promise<WorkstationRow>;
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('invalid_input', {
      detail: first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'body',
    });
  }
  return parsed.data;
}

export function workstationAuth(db: Kysely<HubDatabase>) {
  return async (req: FastifyRequest): Promise<WorkstationRow> => {
    const header = String(req.headers.authorization ?? '');
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw new AppError('workstation_unknown');
    const ws = await findWorkstationByTokenHash(db, hashToken(token));
    if (!ws) throw new AppError('workstation_unknown');
    if (ws.revoked_at) throw new AppError('workstation_revoked');
    return ws;
  };
}

/** A clerk's hub session (from login), of the workstation's comune, not disabled, not expired. */
export function clerkAuth(db: Kysely<HubDatabase>, now: () => Date) {
  return async (req: FastifyRequest, ws: WorkstationRow) => {
    const token = String(req.headers['x-sportello-clerk'] ?? '');
    if (!token) throw new AppError('not_logged_in');
    const row = await db
      .selectFrom('clerk_sessions')
      .innerJoin('users', 'users.id', 'clerk_sessions.user_id')
      .select([
        'users.id',
        'users.username',
        'users.role',
        'users.comune',
        'users.disabled',
        'clerk_sessions.expires_at',
      ])
      .where('clerk_sessions.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.disabled || new Date(row.expires_at) <= now() || row.comune !== ws.comune) {
      throw new AppError('not_logged_in');
    }
    return row;
  };
}
