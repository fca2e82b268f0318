import type { Insertable, Kysely, Transaction } from 'kysely';
import { addDays } from '../../shared/calendar/iso-date';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { localizeError } from '../../shared/errors/app-error';
import { AppError } from '../../shared/errors/app-error';
import { parseHoursCsv, sadCoPaymentCents } from '../../shared/social/sad-rules';
import type { SadBillingReport, SadImportReport } from '../../shared/social/social-views';
import { monthSchema, type SadRecord } from '../../shared/social/social-wire';
import { allocateNotices } from '../cashdesk/import-service';
import { toDebtPositionWire } from '../cashdesk/cashdesk-wire';
import type { HubDatabase } from '../db/database';
import type { DebtPositionsTable } from '../db/tables/cashdesk.table';
import type { ChangeLogTable } from '../db/tables/sync.table';
import { parseSad, saveSad } from './social-repository';
import { appendChanges } from '../sync/change-log';

/**
 * SAD monthly co-payment (DOMAIN.md §10.3 step 5): the provider's delivered hours imported for a
 * month, then one pagoPA notice per user and month = hours × personalised hourly rate (per
 * operator, fixed by the PAI) × operators. Idempotent: a user's month is billed once
 * (`social_sad_bills`), a second run issues nothing and reports the same notices.
 */

/** Days to pay a month's co-payment [U: the comune's regulation]. */
export const SAD_NOTICE_DUE_DAYS = 30;
const ROWS_PER_INSERT = 400;

const MONTHS_IT = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];
const monthWords = (m: string) => `${MONTHS_IT[Number(m.slice(5, 7)) - 1] ?? ''} ${m.slice(0, 4)}`;

function requireMonth(month: string): void {
  if (!monthSchema.safeParse(month).success)
    throw new AppError('social_month_invalid', {
      month: month.slice(0, 10),
      detail_it: 'atteso AAAA-MM',
      detail_en: 'expected YYYY-MM',
    });
}

async function sadByCf(db: Kysely<HubDatabase> | Transaction<HubDatabase>, comune: string) {
  const rows = await db
    .selectFrom('social_sad')
    .select(['beneficiary_cf', 'record'])
    .where('comune', '=', comune)
    .where('status', 'in', ['active', 'stopped'])
    .execute();
  const out = new Map<string, SadRecord>();
  for (const r of rows) {
    const s = parseSad(r.record);
    if (!s.plan || !s.startedOn) continue;
    const prev = out.get(r.beneficiary_cf);
    // a person with an old stopped file and a new active one: the active one takes the hours
    if (!prev || s.status === 'active') out.set(r.beneficiary_cf, s);
  }
  return out;
}

/**
 * The provider's CSV of a month (`month;beneficiary CF;hours;operators`): bad lines, unknown
 * users, a month already billed are reported by line; the good lines replace that user's hours
 * for the month. One transaction.
 */
export async function importSadHours(
  db: Kysely<HubDatabase>,
  comune: string,
  month: string,
  csv: string,
  now: Date,
): Promise<SadImportReport> {
  requireMonth(month);
  const parsed = parseHoursCsv(csv, month);
  const rejected = parsed.rejected.map((r) => ({
    line: r.line,
    code: r.code,
    message: localizeError(r.code, { line: r.line, reason_it: r.reason_it, reason_en: r.reason_en }, 'it'),
  }));
  const reject = (line: number, it: string, en: string) =>
    rejected.push({
      line,
      code: 'sad_hours_line_invalid',
      message: localizeError('sad_hours_line_invalid', { line, reason_it: it, reason_en: en }, 'it'),
    });
  let accepted = 0;
  await db.transaction().execute(async (trx) => {
    const users = await sadByCf(trx, comune);
    const billed = new Set(
      (
        await trx
          .selectFrom('social_sad_bills')
          .select('sad_id')
          .where('comune', '=', comune)
          .where('month', '=', month)
          .execute()
      ).map((r) => r.sad_id),
    );
    for (const row of parsed.rows) {
      const s = users.get(row.codiceFiscale);
      if (!s) {
        reject(
          row.line,
          `${row.codiceFiscale} non ha un servizio SAD avviato`,
          `${row.codiceFiscale} has no SAD service started`,
        );
        continue;
      }
      if (s.startedOn && s.startedOn.slice(0, 7) > month) {
        reject(
          row.line,
          `servizio avviato il ${s.startedOn}, dopo il mese`,
          `service started on ${s.startedOn}, after the month`,
        );
        continue;
      }
      if (s.stop && s.stop.on.slice(0, 7) < month) {
        reject(
          row.line,
          `servizio cessato il ${s.stop.on}, prima del mese`,
          `service ended on ${s.stop.on}, before the month`,
        );
        continue;
      }
      if (billed.has(s.id)) {
        reject(
          row.line,
          `mese già fatturato per ${row.codiceFiscale}`,
          `month already billed for ${row.codiceFiscale}`,
        );
        continue;
      }
      await trx
        .deleteFrom('social_sad_hours')
        .where('comune', '=', comune)
        .where('month', '=', month)
        .where('sad_id', '=', s.id)
        .execute();
      await trx
        .insertInto('social_sad_hours')
        .values({
          comune,
          month,
          sad_id: s.id,
          hours: row.hours,
          operators: row.operators,
          imported_at: now.toISOString(),
        })
        .execute();
      accepted += 1;
    }
  });
  rejected.sort((a, b) => a.line - b.line);
  return { month, accepted, rejected };
}

async function insertChunks<T extends 'debt_positions' | 'social_sad_bills'>(
  trx: Transaction<HubDatabase>,
  table: T,
  rows: readonly Insertable<HubDatabase[T]>[],
) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
      .execute();
}

/**
 * The month's billing run for a comune: every imported user-month not billed yet gets its
 * co-payment computed and, when above zero, a pagoPA notice (numbered from the comune's counter,
 * a `debt_positions` row the cash desk collects, published to the counters); the SAD record
 * lists the month. Returns what it did; `notices` counts only what this run issued.
 */
export async function runSadBilling(
  db: Kysely<HubDatabase>,
  comune: string,
  month: string,
  now: Date,
): Promise<SadBillingReport & { users: number; notices: number; seconds: number }> {
  requireMonth(month);
  const started = performance.now();
  const at = now.toISOString();
  const today = romeDateOf(now);
  const issued = await db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom('social_sad_hours as h')
      .innerJoin('social_sad as s', (j) =>
        j.onRef('s.id', '=', 'h.sad_id').onRef('s.comune', '=', 'h.comune'),
      )
      .leftJoin('social_sad_bills as b', (j) =>
        j
          .onRef('b.sad_id', '=', 'h.sad_id')
          .onRef('b.comune', '=', 'h.comune')
          .onRef('b.month', '=', 'h.month'),
      )
      .select(['h.sad_id', 'h.hours', 'h.operators', 's.record'])
      .where('h.comune', '=', comune)
      .where('h.month', '=', month)
      .where('b.sad_id', 'is', null)
      .orderBy('h.sad_id')
      .execute();
    const lines = pending.flatMap((p) => {
      const s = parseSad(p.record);
      if (!s.plan) return [];
      const hours = Number(p.hours);
      const operators = Number(p.operators);
      return [
        {
          s,
          hours,
          operators,
          rate: s.plan.hourlyRateCents,
          amount: sadCoPaymentCents(hours, s.plan.hourlyRateCents, operators),
        },
      ];
    });
    const due = lines.filter((l) => l.amount > 0);
    const numbers = due.length > 0 ? await allocateNotices(trx, comune, due.length, today) : [];
    const dueDate = addDays(today, SAD_NOTICE_DUE_DAYS);
    const positions: DebtPositionsTable[] = [];
    const bills: Insertable<HubDatabase['social_sad_bills']>[] = [];
    let k = 0;
    for (const l of lines) {
      const notice = l.amount > 0 ? (numbers[k++] ?? null) : null;
      if (l.amount > 0 && notice === null) throw new Error('SAD billing: fewer notice numbers than users');
      if (notice !== null)
        positions.push({
          comune,
          notice_number: notice,
          debtor_cf: l.s.beneficiary.codiceFiscale,
          description: `Compartecipazione assistenza domiciliare ${monthWords(month)}`.slice(0, 200),
          kind: 'ALTRO',
          amount_cents: l.amount,
          due_date: dueDate,
          instalment: null,
          status: 'open',
          paid_receipt: null,
          imported_at: at,
        });
      bills.push({
        comune,
        month,
        sad_id: l.s.id,
        hours: l.hours,
        operators: l.operators,
        hourly_rate_cents: l.rate,
        amount_cents: l.amount,
        notice_number: notice,
        billed_at: at,
      });
    }
    await insertChunks(trx, 'debt_positions', positions);
    await insertChunks(trx, 'social_sad_bills', bills);
    const changes: Insertable<ChangeLogTable>[] = positions.map((p) => ({
      comune,
      entity: 'debt_position' as const,
      entity_id: p.notice_number,
      op: 'upsert' as const,
      payload: JSON.stringify(toDebtPositionWire(p)),
      at,
      mutation_id: null,
    }));
    await appendChanges(trx, changes);
    for (const [i, l] of lines.entries()) {
      const bill = bills[i];
      const months = l.s.months.filter((m) => m.month !== month);
      months.push({
        month,
        hours: l.hours,
        operators: l.operators,
        amountCents: l.amount,
        noticeNumber: bill?.notice_number ?? null,
      });
      months.sort((a, b) => (a.month < b.month ? -1 : 1));
      await saveSad(trx, { ...l.s, months }, at);
    }
    return positions.length;
  });
  const all = await db
    .selectFrom('social_sad_bills as b')
    .innerJoin('social_sad as s', (j) => j.onRef('s.id', '=', 'b.sad_id').onRef('s.comune', '=', 'b.comune'))
    .select(['b.sad_id', 'b.hours', 'b.operators', 'b.amount_cents', 'b.notice_number', 's.record'])
    .where('b.comune', '=', comune)
    .where('b.month', '=', month)
    .orderBy('b.sad_id')
    .execute();
  const reportLines = all.map((b) => {
    const s = parseSad(b.record);
    return {
      sadId: b.sad_id,
      beneficiary: `${s.beneficiary.surname} ${s.beneficiary.givenNames}`,
      hours: Number(b.hours),
      operators: Number(b.operators),
      amountCents: Number(b.amount_cents),
      noticeNumber: b.notice_number,
    };
  });
  return {
    month,
    users: reportLines.length,
    notices: issued,
    totalCents: reportLines.reduce((n, l) => n + l.amountCents, 0),
    seconds: (performance.now() - started) / 1000,
    lines: reportLines,
  };
}
