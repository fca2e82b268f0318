import type { Kysely } from 'kysely';
import { performance } from 'node:perf_hooks';
import { type CanoneApplicationRecord } from '../../shared/canone/canone-wire';
import type { CanoneYearlyReport, YearlyRunFailure } from '../../shared/canone/canone-views';
import { yearlyDue } from '../../shared/canone/yearly';
import { compareIsoDates, isoDate } from '../../shared/calendar/iso-date';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { AppError, localizeError } from '../../shared/errors/app-error';
import { isErrorCode } from '../../shared/errors/app-error';
import type { HubDatabase } from '../db/database';
import type { ChangeLogTable } from '../db/tables/sync.table';
import type { Insertable } from 'kysely';
import { appendChanges, debtorCodeOf, issueNoticeBatch, type NoticeBatchItem } from './canone-notices';
import { noticesOf, saveApplication } from './canone-repository';

/** Concessions per transaction: big enough to batch the inserts, small enough to keep locks short. */
export const YEARLY_CHUNK = 2000;
export const YEARLY_MIN_YEAR = 2021;
export const YEARLY_MAX_YEAR = 2200;

/** One run per comune at a time in this hub process (the job and an admin's click may meet). */
const running = new Set<string>();

function failureOf(
  app: Pick<CanoneApplicationRecord, 'id' | 'concession'>,
  code: string,
  params: Record<string, string | number>,
): YearlyRunFailure {
  return {
    applicationId: app.id,
    concessionNumber: app.concession?.number ?? null,
    code,
    message: isErrorCode(code) ? localizeError(code, params, 'it') : code,
  };
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
      const rows = await db
        .selectFrom('canone_applications')
        .select(['id', 'record'])
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
        const records = new Map<string, CanoneApplicationRecord>();
        for (const row of rows) {
          // written by this hub through the wire schema: read without checking it again
          const app = JSON.parse(row.record) as CanoneApplicationRecord;
          const concession = app.concession;
          if (!concession) {
            report.failed.push(failureOf(app, 'canone_application_unknown', { id: app.id }));
            continue;
          }
          if (concession.validTo !== null && compareIsoDates(concession.validTo, firstOfYear) < 0) {
            const notices = (await noticesOf(trx, comune, [app.id])).get(app.id) ?? [];
            await saveApplication(trx, { ...app, status: 'ended', notices }, at);
            report.skipped += 1;
            continue;
          }
          if (already.has(app.id)) {
            report.skipped += 1;
            continue;
          }
          let due;
          try {
            due = yearlyDue(
              {
                comune,
                category: app.category,
                zone: app.zone,
                measure: app.measure,
                start: app.start,
                end: concession.validTo,
                status: 'active',
                ownSign: app.ownSign,
              },
              year,
            );
          } catch (err) {
            // a row the rules cannot even read: reported, never the end of the run
            report.failed.push(
              failureOf(app, 'internal', { detail: err instanceof Error ? err.message : String(err) }),
            );
            continue;
          }
          if (due === null) {
            report.skipped += 1;
            continue;
          }
          if (!due.ok) {
            report.failed.push(failureOf(app, due.error.code, due.error.params));
            continue;
          }
          items.push({
            applicationId: app.id,
            concessionNumber: concession.number,
            debtor: debtorCodeOf(app.applicant),
            year,
            instalments: due.instalments,
          });
          records.set(app.id, app);
        }
        if (items.length === 0) return;
        await issueNoticeBatch(trx, comune, items, at);
        report.issued += items.reduce((n, i) => n + i.instalments.length, 0);
        // every counter learns each concession's notices with its record
        const notices = await noticesOf(trx, comune, [...records.keys()]);
        const changes: Insertable<ChangeLogTable>[] = [];
        for (const row of rows) {
          if (!records.has(row.id)) continue;
          // the record as written through the wire schema, with notices built from our own rows:
          // not checked again here (50,000 of them); the wire-contract test checks the shape
          const record = {
            ...(JSON.parse(row.record) as CanoneApplicationRecord),
            notices: notices.get(row.id) ?? [],
          };
          changes.push({
            comune,
            entity: 'canone_application',
            entity_id: row.id,
            op: 'upsert',
            payload: JSON.stringify(record),
            at,
            mutation_id: null,
          });
        }
        await appendChanges(trx, changes);
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
 * (the hub was down) is started on demand (CLI, admin route). Returns the stop function, which
 * waits for a run in progress.
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
    current = (async () => {
      const comuni = await opts.db.selectFrom('comuni').select('belfiore').execute();
      for (const { belfiore } of comuni) {
        if (stopped) return;
        const report = await runYearly(opts.db, belfiore, year, opts.now());
        if (report.issued > 0) opts.onChanged(belfiore);
        console.log(
          `[hub] canone yearly run ${belfiore} ${year}: ${report.issued} notices, ${report.skipped} skipped, ${report.failed.length} failed (${report.seconds} s)`,
        );
      }
      lastYear = year;
    })()
      .catch((err: unknown) => {
        // tried again at the next tick; the hub keeps serving
        console.error('[hub] canone yearly job failed', err);
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
