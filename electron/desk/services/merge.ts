import type { Kysely, Migration, Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { DeskContext } from '../context';
import type { ChangeHandler, TillFee } from './desk-service';
import { DESK_SERVICES } from './registered';

/**
 * The desk's central lists, built from the registered services. Each is computed when first
 * asked for, so a service module may import the core without an import cycle at load time.
 */
export const serviceHandlers = (engine: Parameters<(typeof DESK_SERVICES)[number]['handlers']>[0]) =>
  Object.assign({}, ...DESK_SERVICES.map((s) => s.handlers(engine))) as Record<string, unknown>;

export const serviceEffects = (): Record<string, unknown> =>
  Object.assign({}, ...DESK_SERVICES.map((s) => s.effects)) as Record<string, unknown>;

export const serviceChangeHandlers = (): Record<string, ChangeHandler> =>
  Object.assign({}, ...DESK_SERVICES.map((s) => s.changes)) as Record<string, ChangeHandler>;

export const serviceMigrations = (): Record<string, Migration> =>
  Object.assign({}, ...DESK_SERVICES.map((s) => s.migrations)) as Record<string, Migration>;

export const servicePersonalTables = (): string[] => DESK_SERVICES.flatMap((s) => [...s.personalTables]);

export async function beforePush(ctx: DeskContext): Promise<void> {
  for (const s of DESK_SERVICES) await s.beforePush?.(ctx);
}

/** Every service's cash lines in one till, oldest first. */
export async function serviceTillFees(
  db: Kysely<Database> | Transaction<Database>,
  sessionId: string,
): Promise<TillFee[]> {
  const lists = await Promise.all(DESK_SERVICES.map((s) => s.tillFees?.(db, sessionId) ?? []));
  return lists.flat().sort((a, b) => a.paidAt.localeCompare(b.paidAt));
}
