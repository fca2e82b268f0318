import { sql, type Kysely, type Transaction } from 'kysely';
import { requireAllowed } from '../../shared/auth/policy';
import { AppError } from '../../shared/errors/app-error';
import {
  isMutationName,
  MUTATIONS,
  type MutationEnvelope,
  type MutationResult,
} from '../../shared/sync/mutations';
import type { ClerkIdentity } from '../auth/clerk-credentials';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import type { ApplyContext } from './apply-context';
import { APPLIERS, currentStateFor } from './mutation-appliers';
import { recordException } from './sync-exceptions';
import type { AuditKeeping } from '../audit/audit-key';
import { auditAppliedMutation } from '../audit/mutation-audit';

type Applier = (ctx: ApplyContext, args: unknown) => Promise<void>;

type Trx = Transaction<HubDatabase>;

/**
 * Applies a batch in order, exactly once per (workstation, mutation id): a replayed mutation
 * answers `duplicate` and changes nothing. A rejected one is recorded as an exception for
 * supervisors, never dropped. The batch is one transaction (one commit for up to 500 changes);
 * each mutation runs inside its own savepoint, so a refused one leaves no trace of a half-write
 * while the others stand.
 */
export async function pushMutations(
  db: Kysely<HubDatabase>,
  ws: WorkstationRow,
  author: ClerkIdentity,
  mutations: MutationEnvelope[],
  now: () => Date,
  audit: AuditKeeping,
): Promise<{ results: MutationResult[]; changed: boolean }> {
  try {
    return await applyBatch(db, ws, author, mutations, now().toISOString(), audit);
  } catch (err) {
    // A concurrent push of the same mutations (a replay racing its original) won on PostgreSQL,
    // or two batches touching the same records in opposite order deadlocked: the batch rolled
    // back whole; applying it again now answers from what the winner recorded.
    if (!isUniqueViolation(err) && !isRetryableConflict(err)) throw err;
    return applyBatch(db, ws, author, mutations, now().toISOString(), audit);
  }
}

async function applyBatch(
  db: Kysely<HubDatabase>,
  ws: WorkstationRow,
  author: ClerkIdentity,
  mutations: MutationEnvelope[],
  at: string,
  audit: AuditKeeping,
): Promise<{ results: MutationResult[]; changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const results: MutationResult[] = [];
    for (const m of mutations) results.push(await applyOne(trx, ws, author, m, at, audit));
    return { results, changed: results.some((r) => r.status === 'applied') };
  });
}

async function applyOne(
  trx: Trx,
  ws: WorkstationRow,
  author: ClerkIdentity,
  m: MutationEnvelope,
  at: string,
  audit: AuditKeeping,
): Promise<MutationResult> {
  const seen = await trx
    .selectFrom('applied_mutations')
    .select(['status', 'error_code'])
    .where('workstation_id', '=', ws.id)
    .where('mutation_id', '=', m.id)
    .executeTakeFirst();
  // The first answer was lost: say again that it was refused (and why), or the desk would drop
  // it as done and keep its optimistic effect, never knowing the hub disagrees.
  if (seen?.status === 'rejected') return rejectedAgain(trx, ws, m, seen.error_code);
  if (seen) return { id: m.id, status: 'duplicate' };

  await sql`savepoint mutation`.execute(trx);
  try {
    checkAuthor(author, m);
    if (!isMutationName(m.name)) throw new AppError('mutation_unknown', { name: m.name });
    requireAllowed(author.role, m.name);
    const parsed = MUTATIONS[m.name].safeParse(m.args);
    if (!parsed.success)
      throw new AppError('invalid_input', { detail: parsed.error.issues[0]?.message ?? m.name });
    await (APPLIERS[m.name] as Applier)(
      { trx, ws, at, mutationId: m.id, clerk: { username: author.username, role: author.role } },
      parsed.data,
    );
    await auditAppliedMutation(trx, audit.key, ws, author, m, at);
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
    await sql`release savepoint mutation`.execute(trx);
    return { id: m.id, status: 'applied' };
  } catch (err) {
    await sql`rollback to savepoint mutation`.execute(trx);
    await sql`release savepoint mutation`.execute(trx);
    if (!(err instanceof AppError)) throw err;
    return reject(trx, ws, m, at, err);
  }
}

/**
 * A mutation names who made it; the hub believes the credential it was pushed with. A claim that
 * differs is refused (a workstation token plus one clerk's login must not act as a supervisor),
 * and so is everything a disabled account queued.
 */
function checkAuthor(author: ClerkIdentity, m: MutationEnvelope): void {
  if (m.clerk !== author.username)
    throw new AppError('author_mismatch', { clerk: m.clerk, user: author.username });
  if (author.disabled) throw new AppError('author_disabled', { clerk: author.username });
}

async function reject(
  trx: Trx,
  ws: WorkstationRow,
  m: MutationEnvelope,
  at: string,
  err: AppError,
): Promise<MutationResult> {
  const error = err.toData('it');
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
  await recordException(trx, ws, {
    mutationId: m.id,
    name: m.name,
    args: m.args,
    clerk: m.clerk,
    code: error.code,
    message: error.message,
    at,
  });
  const current = isMutationName(m.name) ? await currentStateFor(trx, ws, m.name, m.args) : [];
  return { id: m.id, status: 'rejected', error: { code: error.code, message: error.message }, current };
}

function isRetryableConflict(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === '40P01' || code === '40001';
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
  trx: Trx,
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
