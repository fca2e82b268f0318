import type { Kysely, Transaction } from 'kysely';
import { MONTH_NAMES } from '../../shared/calendar/format-date';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import { AppError, localizeError } from '../../shared/errors/app-error';
import { isErrorCode } from '../../shared/errors/app-error';
import type { IseeStatement } from '../../shared/isee/statement';
import {
  activeIn,
  bandFor,
  dueDateOf,
  nextMonth,
  payerMonthLines,
  siblingRanks,
  statementFor,
  type Charged,
  type EnrolmentMonth,
  type IseeHistoryEntry,
} from '../../shared/school/billing';
import { schoolYearOfMonth, monthsOfSchoolYear } from '../../shared/school/school-catalogue';
import type { SchoolBillingReport } from '../../shared/school/school-views';
import {
  monthSchema,
  type SchoolBand,
  type SchoolEnrolmentRecord,
  type SchoolMonthBill,
  type SchoolService,
} from '../../shared/school/school-wire';
import { allocateNotices } from '../cashdesk/import-service';
import { toDebtPositionWire } from '../cashdesk/cashdesk-wire';
import type { HubDatabase } from '../db/database';
import type { DebtPositionsTable } from '../db/tables/cashdesk.table';
import { appendChanges } from '../sync/change-log';
import { accountRecordOf, billOf, storedEnrolmentOf } from './school-repository';
import { schoolTariffTables } from './school-tariffs';
import { runDueOnce } from '../db/job-runs';

type Trx = Transaction<HubDatabase>;

/** Families per transaction: a chunk's notices, bills and changes commit together. */
const FAMILIES_PER_CHUNK = 1000;
const ROWS_PER_INSERT = 400;
/** The first month the service bills (the service starts with school year 2026/27). */
export const FIRST_BILLABLE_MONTH = '2026-09';

const running = new Set<string>();

/** "2026-11" → "2026-10": the month the job on the 1st bills. */
export const previousMonth = (month: string): string => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

async function insertChunks<T extends keyof HubDatabase>(trx: Trx, table: T, rows: readonly object[]) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    // Kysely cannot relate a generic table to its own Insertable: the callers build the rows
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
      .execute();
  }
}

interface Enrolment {
  id: string;
  record: SchoolEnrolmentRecord;
  service: SchoolService;
  household: string;
  payerCf: string;
  childCf: string;
  school: string;
  resident: boolean;
}

/** What the run computed for one family, before it is written. */
interface FamilyBill {
  payerCf: string;
  payer: SchoolEnrolmentRecord['payer'];
  lines: ReturnType<typeof payerMonthLines>['lines'];
  totalCents: number;
  /** enrolment months to record as charged: this month's and the corrected ones */
  charged: { enrolmentId: string; month: string; meals: number; amountCents: number; fresh: boolean }[];
}

const monthWords = (month: string) =>
  `${MONTH_NAMES.it[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;

/**
 * The monthly billing run of one comune (issue 15): for every family, the month's canteen
 * (meals × band price, sibling discount by rank) and transport fee per child, the corrections of
 * earlier months of the year (late meals, later absences, an ISEE with effect back then) and the
 * credit carried, as ONE pagoPA notice per payer and month (kind MENSA, numbers from the comune's
 * own counter). Idempotent: a payer already billed for the month is skipped (and the primary key
 * payer+month refuses a second bill whatever runs it). One family that cannot be billed (no band,
 * bad data) is reported and the run goes on.
 */
export async function runBilling(
  db: Kysely<HubDatabase>,
  comune: string,
  month: string,
  now: Date = new Date(),
): Promise<SchoolBillingReport> {
  const started = performance.now();
  const today = romeDateOf(now);
  if (!monthSchema.safeParse(month).success || month < FIRST_BILLABLE_MONTH || month > today.slice(0, 7)) {
    throw new AppError('school_month_invalid', { month, min: FIRST_BILLABLE_MONTH });
  }
  if (running.has(comune)) throw new AppError('school_billing_running', { comune });
  running.add(comune);
  try {
    return await bill(db, comune, month, now, started);
  } finally {
    running.delete(comune);
  }
}

async function bill(
  db: Kysely<HubDatabase>,
  comune: string,
  month: string,
  now: Date,
  started: number,
): Promise<SchoolBillingReport> {
  const today = romeDateOf(now);
  const at = now.toISOString();
  const localAt = romeDateTimeOf(now);
  const schoolYear = schoolYearOfMonth(month);
  const yearMonths = monthsOfSchoolYear(schoolYear).filter((m) => m <= month);
  const firstDay = `${yearMonths[0] ?? month}-01`;
  const afterDay = `${nextMonth(month)}-01`;

  const enrolments: Enrolment[] = (
    await db
      .selectFrom('school_enrolments')
      .select(['id', 'record', 'service', 'household', 'payer_cf', 'child_cf', 'school_code', 'resident'])
      .where('comune', '=', comune)
      .where('school_year', '=', schoolYear)
      .execute()
  ).map((r) => ({
    id: r.id,
    record: storedEnrolmentOf(r),
    service: r.service as SchoolService,
    household: r.household,
    payerCf: r.payer_cf,
    childCf: r.child_cf,
    school: r.school_code,
    resident: r.resident === 1,
  }));

  const billed = new Set(
    (
      await db
        .selectFrom('school_bills')
        .select('payer_cf')
        .where('comune', '=', comune)
        .where('month', '=', month)
        .execute()
    ).map((r) => r.payer_cf),
  );

  // meals by child, school and month, less the days marked absent at the counter
  const meals = new Map<string, number>();
  const mealKey = (cf: string, school: string, m: string) => `${cf}|${school}|${m}`;
  const attendance = await db
    .selectFrom('school_attendance')
    .select((eb) => [
      'child_cf',
      'school_code',
      eb.fn<string>('substr', ['day', eb.val(1), eb.val(7)]).as('month'),
      eb.fn.sum<number | string>('meals').as('meals'),
    ])
    .where('comune', '=', comune)
    .where('day', '>=', firstDay)
    .where('day', '<', afterDay)
    .groupBy(['child_cf', 'school_code', 'month'])
    .execute();
  for (const a of attendance) meals.set(mealKey(a.child_cf, a.school_code, a.month), Number(a.meals));
  const absences = await db
    .selectFrom('school_absences as x')
    .innerJoin('school_enrolments as e', (j) =>
      j.onRef('e.id', '=', 'x.enrolment_id').onRef('e.comune', '=', 'x.comune'),
    )
    .innerJoin('school_attendance as a', (j) =>
      j
        .onRef('a.comune', '=', 'x.comune')
        .onRef('a.school_code', '=', 'e.school_code')
        .onRef('a.child_cf', '=', 'e.child_cf')
        .onRef('a.day', '=', 'x.day'),
    )
    .select(['e.child_cf', 'e.school_code', 'x.day', 'a.meals'])
    .where('x.comune', '=', comune)
    .where('x.day', '>=', firstDay)
    .where('x.day', '<', afterDay)
    .execute();
  for (const x of absences) {
    const k = mealKey(x.child_cf, x.school_code, x.day.slice(0, 7));
    meals.set(k, (meals.get(k) ?? 0) - Number(x.meals));
  }

  const history = new Map<string, IseeHistoryEntry[]>();
  for (const r of await db
    .selectFrom('school_isee')
    .select(['payer_cf', 'from_month', 'statement'])
    .where('comune', '=', comune)
    .execute()) {
    const list = history.get(r.payer_cf) ?? [];
    list.push({ fromMonth: r.from_month, statement: JSON.parse(r.statement) as IseeStatement });
    history.set(r.payer_cf, list);
  }

  // what earlier months of the year were charged so far, by enrolment
  const charged = new Map<string, Map<string, Charged>>();
  for (const c of await db
    .selectFrom('school_charged')
    .select(['enrolment_id', 'month', 'meals', 'amount_cents'])
    .where('comune', '=', comune)
    .where('month', '>=', yearMonths[0] ?? month)
    .where('month', '<', month)
    .execute()) {
    const byMonth = charged.get(c.enrolment_id) ?? new Map<string, Charged>();
    byMonth.set(c.month, { meals: Number(c.meals), amountCents: Number(c.amount_cents) });
    charged.set(c.enrolment_id, byMonth);
  }

  // the earlier bills of the year: the credit carried from last month, and the account records
  const earlier = new Map<string, SchoolMonthBill[]>();
  for (const b of await db
    .selectFrom('school_bills as b')
    .leftJoin('debt_positions as d', (j) =>
      j.onRef('d.comune', '=', 'b.comune').onRef('d.notice_number', '=', 'b.notice_number'),
    )
    .select([
      'b.payer_cf',
      'b.month',
      'b.notice_number',
      'b.amount_cents',
      'b.carried_cents',
      'b.due_date',
      'b.lines',
      'b.billed_at',
      'd.status as paid_status',
    ])
    .where('b.comune', '=', comune)
    .where('b.month', '<', month)
    .orderBy('b.month')
    .execute()) {
    const list = earlier.get(b.payer_cf) ?? [];
    list.push(billOf(b, b.paid_status === 'paid'));
    earlier.set(b.payer_cf, list);
  }

  const ranMonths = new Set<string>();
  for (const list of earlier.values()) for (const b of list) ranMonths.add(b.month);

  // sibling ranks per month, counted over the household's enrolments in force that month
  const rankCache = new Map<string, Map<string, number>>();
  const ranksIn = (m: string) => {
    let ranks = rankCache.get(m);
    if (!ranks) {
      ranks = new Map();
      for (const service of ['mensa', 'trasporto'] as const) {
        const r = siblingRanks(
          enrolments
            .filter((e) => e.service === service && activeIn(e.record, m))
            .map((e) => ({
              id: e.id,
              household: e.household,
              birthDate: e.record.child.birthDate,
              childCf: e.childCf,
            })),
        );
        for (const [k, v] of r) ranks.set(k, v);
      }
      rankCache.set(m, ranks);
    }
    return ranks;
  };
  const tables = schoolTariffTables();
  const bandCache = new Map<string, SchoolBand>();
  const bandOf = (e: Enrolment, m: string): SchoolBand => {
    const rank = ranksIn(m).get(e.id) ?? 1;
    const statement = statementFor(history.get(e.payerCf) ?? [], m);
    const key = `${e.service}|${m}|${e.resident ? 1 : 0}|${rank}|${statement ? `${statement.valueCents}|${statement.issuedOn}|${statement.expiresOn}` : '-'}`;
    let band = bandCache.get(key);
    if (!band) {
      const found = bandFor({
        tables,
        comune,
        service: e.service,
        month: m,
        resident: e.resident,
        siblingRank: rank,
        statement,
      });
      if (!found.ok) throw new AppError(found.error.code, found.error.params);
      band = found.band;
      bandCache.set(key, band);
    }
    return band;
  };
  const worthIn = (e: Enrolment, m: string): EnrolmentMonth => ({
    enrolmentId: e.id,
    childName: `${e.record.child.surname} ${e.record.child.givenNames}`,
    service: e.service,
    month: m,
    meals: e.service === 'mensa' ? Math.max(0, meals.get(mealKey(e.childCf, e.school, m)) ?? 0) : 0,
    band: bandOf(e, m),
  });

  const byPayer = new Map<string, Enrolment[]>();
  for (const e of enrolments) {
    const list = byPayer.get(e.payerCf) ?? [];
    list.push(e);
    byPayer.set(e.payerCf, list);
  }
  const previous = yearMonths.at(-2) ?? null;
  const report: SchoolBillingReport = {
    comune,
    month,
    payers: 0,
    notices: 0,
    totalCents: 0,
    alreadyBilled: 0,
    rejected: [],
    seconds: 0,
  };
  const bills: FamilyBill[] = [];
  for (const [payerCf, list] of byPayer) {
    if (billed.has(payerCf)) {
      report.alreadyBilled++;
      continue;
    }
    try {
      const current = list.filter((e) => activeIn(e.record, month)).map((e) => worthIn(e, month));
      // every earlier month of the year the comune already ran: what it is worth now against what
      // was charged (nothing, for a child enrolled after that month's run)
      const past: { now: EnrolmentMonth; charged: Charged; known: boolean }[] = [];
      for (const e of list) {
        const done = charged.get(e.id);
        for (const m of yearMonths) {
          if (m >= month) continue;
          const c = done?.get(m);
          if (c) past.push({ now: worthIn(e, m), charged: c, known: true });
          else if (ranMonths.has(m) && activeIn(e.record, m)) {
            past.push({ now: worthIn(e, m), charged: { meals: 0, amountCents: 0 }, known: false });
          }
        }
      }
      const prevBill = previous ? (earlier.get(payerCf) ?? []).find((b) => b.month === previous) : undefined;
      const carried = prevBill?.carriedCents ?? 0;
      if (current.length === 0 && past.length === 0 && carried === 0) continue;
      const { lines, totalCents } = payerMonthLines({ month, current, past, carriedCents: carried });
      if (lines.length === 0) continue;
      const payer = [...list].sort((a, b) => (a.record.enrolledAt < b.record.enrolledAt ? 1 : -1))[0]?.record
        .payer;
      if (!payer) continue;
      bills.push({
        payerCf,
        payer,
        lines,
        totalCents,
        charged: [
          ...current.map((c) => ({
            enrolmentId: c.enrolmentId,
            month,
            meals: c.meals,
            amountCents: c.service === 'mensa' ? c.meals * c.band.unitPriceCents : c.band.unitPriceCents,
            fresh: true,
          })),
          ...past
            .filter((p) =>
              p.now.service === 'mensa'
                ? p.now.meals * p.now.band.unitPriceCents !== p.charged.amountCents
                : p.now.band.unitPriceCents !== p.charged.amountCents,
            )
            .map((p) => ({
              enrolmentId: p.now.enrolmentId,
              month: p.now.month,
              meals: p.now.meals,
              amountCents:
                p.now.service === 'mensa'
                  ? p.now.meals * p.now.band.unitPriceCents
                  : p.now.band.unitPriceCents,
              fresh: !p.known,
            })),
        ],
      });
    } catch (err) {
      report.rejected.push(rejection(payerCf, err));
    }
  }

  const write = async (chunk: readonly FamilyBill[]) => {
    await db.transaction().execute(async (trx) => {
      const numbers = await allocateNotices(trx, comune, chunk.filter((b) => b.totalCents > 0).length, today);
      let k = 0;
      const billRows = [];
      const positions: DebtPositionsTable[] = [];
      const changes = [];
      const due = dueDateOf(month);
      for (const b of chunk) {
        const notice = b.totalCents > 0 ? (numbers[k++] ?? null) : null;
        const services = [...new Set(b.lines.filter((l) => l.kind !== 'correzione').map((l) => l.kind))];
        billRows.push({
          comune,
          payer_cf: b.payerCf,
          month,
          notice_number: notice,
          amount_cents: Math.max(0, b.totalCents),
          carried_cents: Math.min(0, b.totalCents),
          due_date: notice ? due : null,
          lines: JSON.stringify(b.lines),
          billed_at: localAt,
        });
        if (notice) {
          const position: DebtPositionsTable = {
            comune,
            notice_number: notice,
            debtor_cf: b.payerCf,
            description:
              `Servizi scolastici ${monthWords(month)}: ${services.join(' e ') || 'conguaglio'}`.slice(
                0,
                200,
              ),
            kind: 'MENSA',
            amount_cents: b.totalCents,
            due_date: due,
            instalment: null,
            status: 'open',
            paid_receipt: null,
            imported_at: at,
          };
          positions.push(position);
          changes.push({
            comune,
            entity: 'debt_position' as const,
            entity_id: notice,
            op: 'upsert' as const,
            payload: JSON.stringify(toDebtPositionWire(position)),
            at,
            mutation_id: null,
          });
        }
        const months: SchoolMonthBill[] = [
          ...(earlier.get(b.payerCf) ?? []),
          {
            month,
            noticeNumber: notice,
            amountCents: Math.max(0, b.totalCents),
            carriedCents: Math.min(0, b.totalCents),
            dueDate: notice ? due : null,
            status: notice ? 'open' : 'none',
            lines: b.lines,
            billedAt: localAt,
          },
        ];
        const account = accountRecordOf(comune, b.payer, months, history.get(b.payerCf) ?? [], new Map());
        changes.push({
          comune,
          entity: 'school_account' as const,
          entity_id: account.id,
          op: 'upsert' as const,
          payload: JSON.stringify(account),
          at,
          mutation_id: null,
        });
      }
      await insertChunks(trx, 'school_bills', billRows);
      await insertChunks(trx, 'debt_positions', positions);
      const fresh = chunk.flatMap((b) => b.charged.filter((c) => c.fresh));
      await insertChunks(
        trx,
        'school_charged',
        fresh.map((c) => ({
          comune,
          enrolment_id: c.enrolmentId,
          month: c.month,
          meals: c.meals,
          amount_cents: c.amountCents,
        })),
      );
      for (const c of chunk.flatMap((b) => b.charged.filter((x) => !x.fresh))) {
        await trx
          .updateTable('school_charged')
          .set({ meals: c.meals, amount_cents: c.amountCents })
          .where('comune', '=', comune)
          .where('enrolment_id', '=', c.enrolmentId)
          .where('month', '=', c.month)
          .execute();
      }
      await appendChanges(trx, changes);
    });
    for (const b of chunk) {
      report.payers++;
      if (b.totalCents > 0) {
        report.notices++;
        report.totalCents += b.totalCents;
      }
    }
  };

  for (let i = 0; i < bills.length; i += FAMILIES_PER_CHUNK) {
    const chunk = bills.slice(i, i + FAMILIES_PER_CHUNK);
    try {
      await write(chunk);
    } catch {
      // one family's row broke the chunk: bill them one by one, so only that family is left out
      for (const b of chunk) {
        try {
          await write([b]);
        } catch (err) {
          report.rejected.push(rejection(b.payerCf, err));
        }
      }
    }
  }
  report.seconds = Math.round((performance.now() - started) / 10) / 100;
  return report;
}

function rejection(payer: string, err: unknown): SchoolBillingReport['rejected'][number] {
  if (err instanceof AppError && isErrorCode(err.code)) {
    return { payer, code: err.code, message: localizeError(err.code, err.params, 'it') };
  }
  return { payer, code: 'internal', message: err instanceof Error ? err.message.slice(0, 200) : String(err) };
}

/**
 * The job on the 1st of each month: bills the month just ended for every comune with school
 * enrolments, once across all hub instances on one database (`runDueOnce`). A failure is tried
 * again at the next tick; the hub keeps serving.
 */
export function startBillingJob(opts: {
  db: Kysely<HubDatabase>;
  now: () => Date;
  onChanged: (comune: string) => void;
  tickMs?: number;
}): () => Promise<void> {
  let lastMonth: string | null = null;
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || current) return;
    const today = romeDateOf(opts.now());
    if (!today.endsWith('-01') || lastMonth === today.slice(0, 7)) return;
    const month = previousMonth(today.slice(0, 7));
    if (month < FIRST_BILLABLE_MONTH) return;
    current = runDueOnce(opts.db, 'school-billing', month, async () => {
      const comuni = await opts.db.selectFrom('school_enrolments').select('comune').distinct().execute();
      for (const { comune } of comuni) {
        // stopping mid-way records nothing: the next start resumes the month (billed payers are skipped)
        if (stopped) throw new Error('stopped');
        const report = await runBilling(opts.db, comune, month, opts.now());
        if (report.notices > 0 || report.payers > 0) opts.onChanged(comune);
        console.log(
          `[hub] school billing ${comune} ${month}: ${report.notices} notices for ${report.payers} payers, ${report.rejected.length} rejected (${report.seconds} s)`,
        );
      }
    })
      .then((outcome) => {
        if (outcome !== 'busy') lastMonth = today.slice(0, 7);
      })
      .catch((err: unknown) => {
        if (!stopped) console.error('[hub] school billing job failed', err);
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
