import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';
import { findWorkstationByTokenHash } from '../auth/auth-repository';
import { findClerkCredential, type ClerkIdentity } from '../auth/clerk-credentials';
import { hashToken } from '../auth/tokens';
import type { ScryptCost } from '../auth/passwords';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import type { ChangeNotifier } from '../sync/change-notifier';
import type { AuditKeeping } from '../audit/audit-key';
import { noteActor } from '../audit/audit-hook';
import { noteLogContext } from '../ops/logging';
import type { HubMetrics } from '../ops/metrics';

export interface RouteContext {
  db: Kysely<HubDatabase>;
  now: () => Date;
  notifier: ChangeNotifier;
  /** how long a push key from an online login lets a workstation upload for that clerk */
  offlineGraceHours: number;
  /** what new password hashes cost (OWASP_SCRYPT outside tests) */
  passwordCost: ScryptCost;
  /** the device credential decides the comune: a workstation only ever reaches its own partition */
  workstationOf(req: FastifyRequest): Promise<WorkstationRow>;
  /** the audit key and anchors file (outside the database) */
  audit: AuditKeeping;
  /** this server's Prometheus metrics (push outcomes, pulls, outbox lag) */
  metrics: HubMetrics;
  /** aborted when the server begins to close: long polls answer at once, so shutdown is not held */
  closing: AbortSignal;
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first?.path.map(String).join('.') || 'body';
    // which field: the caller fixes the request from the answer alone
    throw new AppError('invalid_input', { detail: `${field}: ${first?.message ?? ''}`, field });
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
    noteActor(req, { ws });
    noteLogContext(req, { workstation: ws.id, comune: ws.comune });
    return ws;
  };
}

/**
 * A clerk's interactive hub session (from a login at this very workstation), of its comune, not
 * disabled, not expired, not ended by a logout.
 */
export function clerkAuth(db: Kysely<HubDatabase>, now: () => Date) {
  return async (req: FastifyRequest, ws: WorkstationRow): Promise<ClerkIdentity> => {
    const clerk = await findClerkCredential(db, clerkHeader(req), ws, now(), ['session']);
    if (clerk.disabled) throw new AppError('account_disabled');
    noteActor(req, { clerk: clerk.username });
    return clerk;
  };
}

/** The `x-sportello-clerk` header: the credential of the person acting at the counter. */
export const clerkHeader = (req: FastifyRequest): string => {
  const raw = req.headers['x-sportello-clerk'];
  return typeof raw === 'string' ? raw.trim() : '';
};
