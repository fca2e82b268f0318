import { sql, type Kysely, type Transaction } from 'kysely';
import { requireAllowed } from '../../shared/auth/policy';
import { AppError } from '../../shared/errors/app-error';
import {
  isMutationName,
  MUTATIONS,
  mutationEnvelopeSchema,
  type MutationEnvelope,
  type MutationResult,
  type PushedMutation,
} from '../../shared/sync/mutations';
import type { ClerkIdentity } from '../auth/clerk-credentials';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import type { AuditHeadsTable } from '../db/tables/audit.table';
import type { ApplyContext } from './apply-context';
import { currentStateFor, mutationAppliers } from './mutation-appliers';
import { recordException } from './sync-exceptions';
import type { AuditKeeping } from '../audit/audit-key';
import { compiledOnce } from '../db/compiled-once';
import { appendHubAudits, type HubAuditEntry } from '../audit/audit-trail';
import { mutationAuditEntry } from '../audit/mutation-audit';
import { deferChanges, type DeferredChanges } from './change-log';

type Applier = (ctx: ApplyContext, args: unknown) => Promise<void>;

type Trx = Transaction<HubDatabase>;

/** Told of a mutation that failed for a reason no rule names (a bug, not bad input): for the hub's log. */
export type UnexpectedFailure = (err: unknown, mutation: { id: string; name: string }) => void;

/**
 * Applies a batch in order, exactly once per (workstation, mutation id): a replayed mutation
 * answers `duplicate` and changes nothing. A rejected one is recorded as an exception for
 * supervisors, never dropped. The batch is one transaction (one commit for up to 500 changes);
 * when one of its mutations is refused, each mutation runs inside its own savepoint, so a
 * refused one leaves no trace of a half-write while the others stand. Each mutation is read on its own (envelope, name, args): one the hub
 * cannot read, or whose applier fails unexpectedly, is refused alone with a reason; a batch never
 * fails because of what one mutation holds, or the desk would resend it for ever.
 */
export async function pushMutations(
  db: Kysely<HubDatabase>,
  ws: WorkstationRow,
  author: ClerkIdentity,
  mutations: PushedMutation[],
  now: () => Date,
  audit: AuditKeeping,
  onUnexpected: UnexpectedFailure = () => {},
): Promise<PushOutcome> {
  // Nearly every batch applies whole: first without savepoints (two statements fewer per
  // mutation, two round trips each on PostgreSQL). The first mutation that fails rolls that
  // attempt back, and the batch is applied again with a savepoint around each mutation.
  let mode: ApplyMode = { savepoints: false, retryConflicts: true };
  for (;;) {
    try {
      return await applyBatch(db, ws, author, mutations, now().toISOString(), audit, onUnexpected, mode);
    } catch (err) {
      if (err instanceof NeedsSavepoints) {
        mode = { ...mode, savepoints: true };
        continue;
      }
      // On PostgreSQL two batches deadlocked (the same mutations' marks, or the same records,
      // taken in opposite order), or another took a key first: the batch rolled back whole;
      // applying it again now answers from what the winner recorded. A conflict that happens
      // again is the mutation's own (e.g. a key it reuses) and refuses that mutation only.
      if (!mode.retryConflicts || !isConflict(err)) throw err;
      mode = { savepoints: true, retryConflicts: false };
    }
  }
}

export interface PushOutcome {
  results: MutationResult[];
  changed: boolean;
  /** the audit chains' heads as the batch left them (none when it applied nothing) */
  auditHeads: AuditHeadsTable[];
}

interface ApplyMode {
  /** each mutation in its own savepoint, so that a refused one is undone alone */
  savepoints: boolean;
  /** a conflict rolls the whole batch back to be applied again (once) */
  retryConflicts: boolean;
}

/** A mutation failed in an attempt without savepoints: the batch goes again with them. */
class NeedsSavepoints extends Error {}

/**
 * What a batch writes once, at its end, instead of once per mutation: the rows of the comune's
 * change log and of its audit chain. Both are serialised per comune (a lock held until commit);
 * written last, in one multi-row insert each, they are held for a few statements and the commit
 * instead of the whole batch. A refused mutation's rows never join them (its savepoint is rolled
 * back and its log rows dropped).
 */
interface BatchWrites {
  log: DeferredChanges;
  audit: HubAuditEntry[];
  applied: string[];
  /** what this batch already answered for an id (a batch that names one id twice) */
  answered: Map<string, 'applied' | 'rejected'>;
  /** what the hub had recorded for these ids before the batch */
  seen: Map<string, { status: string; error_code: string | null }>;
}

/** Rows per INSERT of applied marks: far under the bound-parameter limits (5 columns). */
const MARKS_PER_INSERT = 200;

async function applyBatch(
  db: Kysely<HubDatabase>,
  ws: WorkstationRow,
  author: ClerkIdentity,
  mutations: PushedMutation[],
  at: string,
  audit: AuditKeeping,
  onUnexpected: UnexpectedFailure,
  mode: ApplyMode,
): Promise<PushOutcome> {
  return db.transaction().execute(async (trx) => {
    const writes: BatchWrites = {
      log: deferChanges(trx),
      audit: [],
      applied: [],
      answered: new Map(),
      seen: await markBatch(trx, ws, mutations, at),
    };
    const results: MutationResult[] = [];
    for (const m of mutations)
      results.push(await applyOne(trx, ws, author, m, at, writes, onUnexpected, mode));
    // Then the log, then the audit chain: the order every writer takes the comune's two locks in.
    await writes.log.flush();
    const auditHeads = await appendHubAudits(trx, audit.key, writes.audit);
    return { results, changed: writes.applied.length > 0, auditHeads };
  });
}

/** a batch's marks: one statement per batch size, compiled once */
const run = compiledOnce();

/**
 * Marks every mutation of the batch as applied before any is applied (a refused one's mark is
 * turned into its refusal), and answers what the hub had recorded for the ids already marked.
 * One statement where a look and a later insert took two: nearly every id is new, so the look
 * is made only for the ids already there (replays). On PostgreSQL the mark also settles a race:
 * the same mutation pushed to two instances at once waits at the other's mark, then finds it.
 * The marks take no comune-wide lock: taken first, they keep the order of the comune's locks.
 */
async function markBatch(
  trx: Trx,
  ws: WorkstationRow,
  mutations: PushedMutation[],
  at: string,
): Promise<BatchWrites['seen']> {
  const ids = [...new Set(mutations.map((m) => m.id))];
  const fresh = new Set<string>();
  for (let i = 0; i < ids.length; i += MARKS_PER_INSERT) {
    const chunk = ids.slice(i, i + MARKS_PER_INSERT);
    const marks = chunk.map((id) => ({
      workstation_id: ws.id,
      mutation_id: id,
      status: 'applied' as const,
      error_code: null,
      applied_at: at,
    }));
    const values = marks.flatMap((m) => Object.values(m));
    const marked = await run(trx, `push.marks ${chunk.length}`, values, () =>
      trx
        .insertInto('applied_mutations')
        .values(marks)
        .onConflict((oc) => oc.columns(['workstation_id', 'mutation_id']).doNothing())
        .returning('mutation_id')
        .compile(),
    );
    for (const r of marked) fresh.add(r.mutation_id);
  }
  const known = ids.filter((id) => !fresh.has(id));
  if (known.length === 0) return new Map();
  const seen = await trx
    .selectFrom('applied_mutations')
    .select(['mutation_id', 'status', 'error_code'])
    .where('workstation_id', '=', ws.id)
    .where('mutation_id', 'in', known)
    .execute();
  return new Map(seen.map((r) => [r.mutation_id, r]));
}

/** The envelope of one pushed mutation, or the field that is wrong with it. */
function readEnvelope(raw: PushedMutation): MutationEnvelope {
  const parsed = mutationEnvelopeSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalidMutation(nameOf(raw), parsed.error.issues[0]);
}

function invalidMutation(
  name: string,
  issue: { path: PropertyKey[]; message: string } | undefined,
  prefix?: string,
): AppError {
  const path = [...(prefix ? [prefix] : []), ...(issue?.path ?? []).map(String)].join('.');
  return new AppError('mutation_invalid', {
    name,
    field: path || (prefix ?? 'mutation'),
    detail: (issue?.message ?? '').slice(0, 200),
  });
}

/** What the mutation calls itself, fit to be shown and stored even when it is not a name at all. */
const nameOf = (raw: PushedMutation): string =>
  typeof raw.name === 'string' && raw.name.length > 0 ? raw.name.slice(0, 80) : '?';

async function applyOne(
  trx: Trx,
  ws: WorkstationRow,
  author: ClerkIdentity,
  m: PushedMutation,
  at: string,
  writes: BatchWrites,
  onUnexpected: UnexpectedFailure,
  { savepoints, retryConflicts }: ApplyMode,
): Promise<MutationResult> {
  const before = writes.answered.get(m.id);
  const seen = writes.seen.get(m.id);
  // The first answer was lost: say again that it was refused (and why), or the desk would drop
  // it as done and keep its optimistic effect, never knowing the hub disagrees.
  if (before === 'rejected' || (!before && seen?.status === 'rejected'))
    return rejectedAgain(trx, ws, m, seen?.error_code ?? null);
  if (before || seen) return { id: m.id, status: 'duplicate' };

  const logMark = writes.log.mark();
  if (savepoints) await sql`savepoint mutation`.execute(trx);
  try {
    const envelope = readEnvelope(m);
    checkAuthor(author, envelope);
    if (!isMutationName(envelope.name)) throw new AppError('mutation_unknown', { name: envelope.name });
    requireAllowed(author.role, envelope.name);
    const parsed = MUTATIONS[envelope.name].safeParse(envelope.args);
    if (!parsed.success) throw invalidMutation(envelope.name, parsed.error.issues[0], 'args');
    await (mutationAppliers()[envelope.name] as Applier)(
      { trx, ws, at, mutationId: m.id, clerk: { username: author.username, role: author.role } },
      parsed.data,
    );
    if (savepoints) await sql`release savepoint mutation`.execute(trx);
    writes.audit.push(mutationAuditEntry(ws, author, envelope, at));
    writes.applied.push(m.id);
    writes.answered.set(m.id, 'applied');
    return { id: m.id, status: 'applied' };
  } catch (err) {
    if (retryConflicts && isConflict(err)) throw err;
    if (!savepoints) throw new NeedsSavepoints();
    writes.log.dropAfter(logMark);
    await sql`rollback to savepoint mutation`.execute(trx);
    await sql`release savepoint mutation`.execute(trx);
    writes.answered.set(m.id, 'rejected');
    if (err instanceof AppError) return reject(trx, ws, author, m, at, err);
    // Not a rule saying no: a defect meeting this mutation's data. Refused alone (the supervisors
    // see it, the hub's log has the cause); the clerk's message names no internals.
    onUnexpected(err, { id: m.id, name: nameOf(m) });
    return reject(trx, ws, author, m, at, new AppError('mutation_failed', { name: nameOf(m) }));
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
  author: ClerkIdentity,
  m: PushedMutation,
  at: string,
  err: AppError,
): Promise<MutationResult> {
  const error = err.toData('it');
  // its mark, made with the batch's, now says why it was refused
  await trx
    .updateTable('applied_mutations')
    .set({ status: 'rejected', error_code: error.code, applied_at: at })
    .where('workstation_id', '=', ws.id)
    .where('mutation_id', '=', m.id)
    .execute();
  await recordException(trx, ws, {
    mutationId: m.id,
    name: nameOf(m),
    args: m.args,
    // what it claims when it is a name; otherwise the hub knows who pushed it
    clerk: typeof m.clerk === 'string' && m.clerk.length > 0 ? m.clerk.slice(0, 64) : author.username,
    code: error.code,
    message: error.message,
    at,
  });
  const current = isMutationName(m.name) ? await currentStateFor(trx, ws, m.name, m.args) : [];
  return { id: m.id, status: 'rejected', error: { code: error.code, message: error.message }, current };
}

/**
 * A race with another push on PostgreSQL: a deadlock, a serialization failure, or a key another
 * batch took first. SQLite has one writer, and a batch's marks never collide (ON CONFLICT DO
 * NOTHING): nothing there is a race.
 */
function isConflict(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === '40P01' || code === '40001' || code === '23505';
}

async function rejectedAgain(
  trx: Trx,
  ws: WorkstationRow,
  m: PushedMutation,
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
