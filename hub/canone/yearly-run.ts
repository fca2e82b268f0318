import type { Kysely } from 'kysely';
import { performance } from 'node:perf_hooks';
import type { CanoneNotice } from '../../shared/canone/canone-wire';
import type { CanoneYearlyReport, YearlyRunFailure } from '../../shared/canone/canone-views';
import { yearlyDue } from '../../shared/canone/yearly';
import { compareIsoDates, isoDate } from '../../shared/calendar/iso-date';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { AppError, localizeError } from '../../shared/errors/app-error';
import { isErrorCode } from '../../shared/errors/app-error';
import type { HubDatabase } from '../db/database';
import { runDueOnce } from '../db/job-runs';
import { appendChanges, issueNoticeBatch, type NoticeBatchItem } from './canone-notices';
import { findApplication, noticesOf, saveApplication } from './canone-repository';

/** Concessions per transaction: big enough to batch the inserts, small enough to keep locks short. */
export const YEARLY_CHUNK = 2000;
export const YEARLY_MIN_YEAR = 2021;
export const YEARLY_MAX_YEAR = 2200;

/** One run per comune at a time in this hub process (the job and an admin's click may meet). */
const running = new Set<string>();

function failureOf(
  app: { id: string; number: string | null },
  code: string,
  params: Record<string, string | number>,
): YearlyRunFailure {
  return {
    applicationId: app.id,
    concessionNumber: app.number,
    code,
    message: isErrorCode(code)
      ? localizeError(code, params, 'it')
      : `${code}: ${String(params.detail ?? '')}`,
  };
}

/**
 * The stored record (written through the wire schema, `notices: []`) with its notices, as JSON,
 * without parsing it again (50,000 of them): `"notices":[]` can only be the key, since a quote
 * inside a JSON string is always escaped. The wire-contract test reads what this writes.
 */
export function withNotices(recordJson: string, notices: readonly CanoneNotice[]): string {
  const at = recordJson.indexOf('"notices":[]');
  if (at < 0) throw new Error('canone record without its notices key');
  return `${recordJson.slice(0, at)}"notices":${JSON.stringify(notices)}${recordJson.slice(at + 12)}`;
}

/**
 * The yearly run (L. 160/2019 c.816 ff.; DOMAIN.md §5.4): for every permanent concession and
 * sign of `comune` in force, the notices of `year` (yearly.ts `yearlyDue`: the tariff in force on
 * 1 January, its instalments), issued like an approval's (code 47, debt positions, change log).
 *
 * - Idempotent: a concession that already has notices for the year is skipped (and the unique
 *   index on concession + year + instalment would refuse a second set), so running twice, or
 *   after an approval billed the first year, issues nothing new.
 * - Revoked concessions are not in force; one whose term ended before 1 January is marked
 *   `ended` and issues nothing.
 * - One concession the rules refuse (no tariff row, an unknown category) is reported with its
 *   reason and the run goes on.
 * - Fast: the concessions are read in chunks by id; each chunk's notices, debt positions and
 *   changes are inserted in batches, one transaction per chunk.
 */
export async function runYearly(
  db: Kysely<HubDatabase>,
  comune: string,
  year: number,
  now: Date = new Date(),
  chunk: number = YEARLY_CHUNK,
): Promise<CanoneYearlyReport> {
  if (!Number.isInteger(year) || year < YEARLY_MIN_YEAR || year > YEARLY_MAX_YEAR) {
    throw new AppError('canone_yearly_year_invalid', {
      year: String(year),
      min: YEARLY_MIN_YEAR,
      max: YEARLY_MAX_YEAR,
    });
  }
  if (running.has(comune)) throw new AppError('canone_yearly_running', { comune });
  running.add(comune);
  const t0 = performance.now();
  const report: CanoneYearlyReport = {
    comune,
    year,
    concessions: 0,
    issued: 0,
    skipped: 0,
    failed: [],
    seconds: 0,
  };
  const firstOfYear = isoDate(year, 1, 1);
  const at = now.toISOString();
  try {
    let after = '';
    for (;;) {
      // the facts the rules need are columns: no record is read for a concession with nothing new
      const rows = await db
        .selectFrom('canone_applications')
        .select([
          'id',
          'category',
          'zone',
          'measure_hundredths',
          'start_date',
          'end_date',
          'own_sign',
          'debtor',
          'concession_number',
        ])
        .where('comune', '=', comune)
        .where('regime', '=', 'permanent')
        .where('status', '=', 'approved')
        .where('id', '>', after)
        .orderBy('id')
        .limit(chunk)
        .execute();
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.id ?? after;
      report.concessions += rows.length;
      await db.transaction().execute(async (trx) => {
        const ids = rows.map((r) => r.id);
        const already = new Set(
          (
            await trx
              .selectFrom('canone_notices')
              .select('application_id')
              .distinct()
              .where('application_id', 'in', ids)
              .where('year', '=', year)
              .execute()
          ).map((r) => r.application_id),
        );
        const items: NoticeBatchItem[] = [];
        for (const row of rows) {
          const concession = { id: row.id, number: row.concession_number };
          if (row.concession_number === null) {
            report.failed.push(failureOf(concession, 'canone_application_unknown', { id: row.id }));
            continue;
          }
          if (row.end_date !== null && compareIsoDates(row.end_date, firstOfYear) < 0) {
            const app = await findApplication(trx, comune, row.id);
            if (app) await saveApplication(trx, { ...app, status: 'ended' }, at);
            report.skipped += 1;
            continue;
          }
          if (already.has(row.id)) {
            report.skipped += 1;
            continue;
          }
          let due;
          try {
            due = yearlyDue(
              {
                comune,
                category: row.category,
                zone: row.zone,
                measure: Number(row.measure_hundredths) / 100,
                start: row.start_date,
                end: row.end_date,
                status: 'active',
                ownSign: Number(row.own_sign) === 1,
              },
              year,
            );
          } catch (err) {
            // a row the rules cannot even read: reported, never the end of the run
            report.failed.push(
              failureOf(concession, 'canone_unreadable', {
                detail: err instanceof Error ? err.message : String(err),
              }),
            );
            continue;
          }
          if (due === null) {
            report.skipped += 1;
            continue;
          }
          if (!due.ok) {
            report.failed.push(failureOf(concession, due.error.code, due.error.params));
            continue;
          }
          items.push({
            applicationId: row.id,
            concessionNumber: row.concession_number,
            debtor: row.debtor,
            year,
            instalments: due.instalments,
          });
        }
        if (items.length === 0) return;
        await issueNoticeBatch(trx, comune, items, at);
        report.issued += items.reduce((n, i) => n + i.instalments.length, 0);
        // every counter learns each concession's notices with its record
        const issuedIds = items.map((i) => i.applicationId);
        const notices = await noticesOf(trx, comune, issuedIds);
        const stored = await trx
          .selectFrom('canone_applications')
          .select(['id', 'record'])
          .where('id', 'in', issuedIds)
          .execute();
        await appendChanges(
          trx,
          stored.map((row) => ({
            comune,
            entity: 'canone_application' as const,
            entity_id: row.id,
            op: 'upsert' as const,
            payload: withNotices(row.record, notices.get(row.id) ?? []),
            at,
            mutation_id: null,
          })),
        );
      });
    }
  } finally {
    running.delete(comune);
  }
  report.seconds = Math.round((performance.now() - t0) / 10) / 100;
  return report;
}

/**
 * The 1 January job, on the hub's clock (`now`, which tests move): on the first tick of
 * 1 January (Italian calendar) it runs the new year for every comune of the hub; a run missed
 * (the hub was down) is started on demand (CLI, admin route). Several hub instances on one
 * database run it once (`runDueOnce`). Returns the stop function, which waits for a run in progress.
 */
export function startYearlyJob(opts: {
  db: Kysely<HubDatabase>;
  now: () => Date;
  onChanged: (comune: string) => void;
  tickMs?: number;
}): () => Promise<void> {
  let lastYear: number | null = null;
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || current) return;
    const today = romeDateOf(opts.now());
    const year = Number(today.slice(0, 4));
    if (!today.endsWith('-01-01') || lastYear === year) return;
    current = runDueOnce(opts.db, 'canone-yearly', String(year), async () => {
      const comuni = await opts.db.selectFrom('comuni').select('belfiore').execute();
      for (const { belfiore } of comuni) {
        // stopping mid-way records nothing: the next start (here or elsewhere) resumes the year
        if (stopped) throw new Error('stopped');
        const report = await runYearly(opts.db, belfiore, year, opts.now());
        if (report.issued > 0) opts.onChanged(belfiore);
        console.log(
          `[hub] canone yearly run ${belfiore} ${year}: ${report.issued} notices, ${report.skipped} skipped, ${report.failed.length} failed (${report.seconds} s)`,
        );
      }
    })
      .then((outcome) => {
        if (outcome !== 'busy') lastYear = year;
      })
      .catch((err: unknown) => {
        // tried again at the next tick; the hub keeps serving
        if (!stopped) console.error('[hub] canone yearly job failed', err);
      })
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, opts.tickMs ?? Number(process.env.SPORTELLO_CASE_JOB_TICK_MS ?? 1000));
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await current;
  };
}
