import type { Kysely } from 'kysely';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import { applyCaseEvent, SYSTEM_ACTOR } from '../../shared/cases/case-engine';
import { caseRecordSchema } from '../../shared/cases/case-record';
import { AppError } from '../../shared/errors/app-error';
import type { HubDatabase } from '../db/database';
import { isPostgres, runDueOnce } from '../db/job-runs';
import { publishCase, saveCase } from './case-repository';

/**
 * Silence-assent (L. 241/1990 art. 20; residence: DL 5/2012 art. 5 c.5, 45 days): once the term
 * has passed with no notice of grounds for refusal, the case is granted by the administration's
 * silence, recorded by the system. Each case in its own transaction; a case whose silence has
 * not formed (or is blocked by a refusal notice, or suspended) is left as it is. Returns the
 * comuni whose cases changed (their counters are woken).
 */
export async function runSilenceAssent(
  db: Kysely<HubDatabase>,
  now: Date,
): Promise<{ granted: number; comuni: string[] }> {
  const at = romeDateTimeOf(now);
  const candidates = await db
    .selectFrom('cases')
    .select(['id', 'comune'])
    .where('silence_watch', '=', 1)
    .orderBy('id')
    .execute();
  const comuni = new Set<string>();
  let granted = 0;
  // a clerk's push on the same case (a refusal notice) waits for this grant, and sees it
  const lockRow = isPostgres(db);
  for (const c of candidates) {
    const done = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('cases')
        .select('record')
        .where('id', '=', c.id)
        .where('silence_watch', '=', 1)
        .$if(lockRow, (q) => q.forUpdate())
        .executeTakeFirst();
      if (!row) return false;
      const record = caseRecordSchema.parse(JSON.parse(row.record));
      let next;
      try {
        next = applyCaseEvent(
          record,
          { type: 'silence_assent' },
          SYSTEM_ACTOR,
          at,
          `${record.state.id}.silence`,
        );
      } catch (err) {
        if (err instanceof AppError) return false;
        throw err;
      }
      const stamp = now.toISOString();
      await saveCase(trx, next, stamp);
      await publishCase(trx, next, stamp);
      return true;
    });
    if (done) {
      granted += 1;
      comuni.add(c.comune);
    }
  }
  return { granted, comuni: [...comuni] };
}

/**
 * The daily job, on the hub's clock (`now`, which tests move): it ticks often but works once per
 * Italian calendar day (silence forms at the start of a day), across all hub instances on one
 * database (`runDueOnce`: one runs it, the others find it done).
 */
export function startSilenceAssentJob(opts: {
  db: Kysely<HubDatabase>;
  now: () => Date;
  onChanged: (comune: string) => void;
  tickMs?: number;
}): () => Promise<void> {
  let lastDay: string | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    const day = romeDateOf(opts.now());
    if (day === lastDay) return;
    let changed: string[] = [];
    running = runDueOnce(opts.db, 'silence-assent', day, async () => {
      changed = (await runSilenceAssent(opts.db, opts.now())).comuni;
    })
      .then((outcome) => {
        if (outcome !== 'busy') lastDay = day;
        changed.forEach(opts.onChanged);
      })
      .catch((err: unknown) => {
        // a failed run is tried again at the next tick; the hub keeps serving
        console.error('[hub] silence-assent job failed', err);
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, opts.tickMs ?? Number(process.env.SPORTELLO_CASE_JOB_TICK_MS ?? 1000));
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
