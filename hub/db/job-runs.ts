import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { jobFailures, jobRuns } from '../ops/metrics';
import type { HubDatabase } from './database';

/** Whether this store is PostgreSQL (several hub instances may share it). */
export function isPostgres(db: Kysely<HubDatabase>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Runs held by this process on an embedded store (one process owns a SQLite file). */
const heldHere = new WeakMap<object, Set<string>>();

/**
 * Runs `fn` only if no other run of `name` is in progress, in this process or (PostgreSQL) in
 * any hub instance on the same database: a session advisory lock taken with
 * `pg_try_advisory_lock` on one pooled connection kept for the run, so it is released when the run
 * ends or when the instance dies (its connection closes). Returns `busy` without waiting when
 * another run holds it: a scheduled job simply tries again at its next tick.
 */
export async function runExclusive<T>(
  db: Kysely<HubDatabase>,
  name: string,
  fn: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  if (!isPostgres(db)) {
    let held = heldHere.get(db);
    if (!held) heldHere.set(db, (held = new Set()));
    if (held.has(name)) return { ran: false };
    held.add(name);
    try {
      return { ran: true, value: await fn() };
    } finally {
      held.delete(name);
    }
  }
  return db.connection().execute(async (conn) => {
    const key = `sportello:${name}`;
    const got = await sql<{ got: boolean }>`select pg_try_advisory_lock(hashtext(${key})) as got`.execute(
      conn,
    );
    if (!got.rows[0]?.got) return { ran: false } as const;
    try {
      return { ran: true, value: await fn() } as const;
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}

export type DueRun = 'ran' | 'done' | 'busy';

/**
 * A scheduled job's run for one period (a day, a month, a year) happens once across all hub
 * instances: under `runExclusive`, the last period done is read from `hub_meta`
 * (`job:<name>`) and written when the run ends. `done` = another instance (or an earlier start
 * of this one) already ran it; `busy` = another instance is running it now (try again later).
 * A run that fails records nothing and is tried again; the jobs themselves skip items already
 * done, so a run cut short by a dying instance resumes where it stopped.
 *
 * Each run this instance makes is counted in `sportello_job_runs_total{job}`, a failed one also in
 * `sportello_job_failures_total{job}` (hub/ops/metrics.ts: process-wide counters, shown by every
 * server's /metrics; in production one process is one instance). `done` and `busy` are no run.
 */
export async function runDueOnce(
  db: Kysely<HubDatabase>,
  job: string,
  period: string,
  run: () => Promise<void>,
): Promise<DueRun> {
  const key = `job:${job}`;
  const outcome = await runExclusive(db, key, async (): Promise<DueRun> => {
    const last = await db.selectFrom('hub_meta').select('value').where('key', '=', key).executeTakeFirst();
    if (last?.value === period) return 'done';
    try {
      await run();
      await db
        .insertInto('hub_meta')
        .values({ key, value: period })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: period }))
        .execute();
    } catch (err) {
      jobFailures.inc({ job });
      throw err;
    } finally {
      jobRuns.inc({ job });
    }
    return 'ran';
  });
  return outcome.ran ? outcome.value : 'busy';
}
