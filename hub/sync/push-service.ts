import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { AppError } from '../../shared/errors/app-error';
import {
  isMutationName,
  MUTATIONS,
  type MutationEnvelope,
  type MutationResult,
} from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { APPLIERS, currentStateFor } from './mutation-appliers';

/**
 * Applies a batch in order, each mutation in its own transaction, exactly once per
 * (workstation, mutation id): a replayed mutation answers `duplicate` and changes nothing.
 * A rejected one is recorded as an exception for supervisors, never dropped.
 */
export async function pushMutations(
  db: Kysely<HubDatabase>,
  ws: WorkstationRow,
  mutations: MutationEnvelope[],
  now: () => Date,
): Promise<{ results: MutationResult[]; changed: boolean }> {
  const results: MutationResult[] = [];
  let changed = false;
  for (const m of mutations) {
    const result = await applyOne(db, ws, m, now().toISOString());
    if (result.status === 'applied') changed = true;
    results.push(result);
  }
  return { results, changed };
}

async function applyOne(
  db: Kysely<HubDatabase>,
  ws: WorkstationRow,
  m: MutationEnvelope,
  at: string,
): Promise<MutationResult> {
  const seen = await db
    .selectFrom('applied_mutations')
    .select(['status', 'error_code'])
    .where('workstation_id', '=', ws.id)
    .where('mutation_id', '=', m.id)
    .executeTakeFirst();
  if (seen?.status === 'rejected') {
    // The first answer was lost: say again that it was refused (and why), or the desk would drop
    // it as done and keep its optimistic effect, never knowing the hub disagrees.
    return db.transaction().execute(async (trx) => rejectedAgain(trx, ws, m, seen.error_code));
  }
  if (seen) return { id: m.id, status: 'duplicate' };

  try {
    await db.transaction().execute(async (trx) => {
      const clerk = await trx
        .selectFrom('users')
        .select(['id', 'disabled'])
        .where('username', '=', m.clerk)
        .where('comune', '=', ws.comune)
        .executeTakeFirst();
      if (!clerk || clerk.disabled) throw new AppError('clerk_unknown', { clerk: m.clerk });
      if (!isMutationName(m.name)) throw new AppError('mutation_unknown', { name: m.name });
      const parsed = MUTATIONS[m.name].safeParse(m.args);
      if (!parsed.success)
        throw new AppError('invalid_input', { detail: parsed.error.issues[0]?.message ?? m.name });
      await APPLIERS[m.name]({ trx, ws, at, mutationId: m.id }, parsed.data);
      await trx
        .insertInto('applied_mutations')
        .values({
          workstation_id: ws.id,
          mutation_id: m.id,
          status: 'applied',
          error_code: null,
          applied_at: at,
        })
        .execute();
    });
    return { id: m.id, status: 'applied' };
  } catch (err) {
    if (isUniqueViolation(err)) return { id: m.id, status: 'duplicate' }; // a concurrent replay won the race
    if (!(err instanceof AppError)) throw err;
    const error = err.toData('it');
    return db.transaction().execute(async (trx) => {
      await trx
        .insertInto('applied_mutations')
        .values({
          workstation_id: ws.id,
          mutation_id: m.id,
          status: 'rejected',
          error_code: error.code,
          applied_at: at,
        })
        .execute();
      await trx
        .insertInto('sync_exceptions')
        .values({
          id: uuidv7(),
          comune: ws.comune,
          workstation_id: ws.id,
          mutation_id: m.id,
          name: m.name,
          args: JSON.stringify(m.args ?? null),
          clerk: m.clerk,
          code: error.code,
          message: error.message,
          at,
          resolved_at: null,
        })
        .execute();
      const current = isMutationName(m.name) ? await currentStateFor(trx, ws, m.name, m.args) : [];
      return {
        id: m.id,
        status: 'rejected' as const,
        error: { code: error.code, message: error.message },
        current,
      };
    });
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed: applied_mutations/.test(e?.message ?? '')
  );
}

async function rejectedAgain(
  trx: Transaction<HubDatabase>,
  ws: WorkstationRow,
  m: MutationEnvelope,
  code: string | null,
): Promise<MutationResult> {
  const recorded = await trx
    .selectFrom('sync_exceptions')
    .select(['code', 'message'])
    .where('workstation_id', '=', ws.id)
    .where('mutation_id', '=', m.id)
    .executeTakeFirst();
  const current = isMutationName(m.name) ? await currentStateFor(trx, ws, m.name, m.args) : [];
  return {
    id: m.id,
    status: 'rejected',
    error: { code: recorded?.code ?? code ?? 'internal', message: recorded?.message ?? '' },
    current,
  };
}
