import type { Kysely } from 'kysely';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { IseeStatement } from '../../../shared/isee/statement';
import { activeIn, iseeFromMonth, monthOf, siblingRanks, statementFor } from '../../../shared/school/billing';
import type { SchoolAbsenceView, SchoolBandChangeView } from '../../../shared/school/school-calls';
import type {
  SchoolAccountRecord,
  SchoolBand,
  SchoolEnrolmentRecord,
} from '../../../shared/school/school-wire';
import { requireSession, type DeskContext } from '../context';
import type { Database } from '../db/database';
import { findAccount, findEnrolment, listEnrolments } from './school-repository';
import { householdPayers, priceOf, refusalView, resolveIsee, type Refusal } from './school-request';

/**
 * What the counter shows before a change is made, nothing stored: the band a new ISEE gives from
 * next month, what a withdrawal changes in billing, what each marked absence does to the bill.
 * The same shared rules the hub bills with (shared/school/billing.ts, the tariff engine); the
 * hub's run has the last word.
 */

const childLabel = (r: SchoolEnrolmentRecord) => `${r.child.surname} ${r.child.givenNames}`;

/** The month before `month` ("2027-01" → "2026-12"). */
export const previousMonth = (month: string): string => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * The enrolments of the same household, service and school year as `r`, as the hub ranks them:
 * the children paid for by the payer's family (a payer entered by hand: their own children).
 */
async function householdEnrolments(
  db: Kysely<Database>,
  r: SchoolEnrolmentRecord,
): Promise<SchoolEnrolmentRecord[]> {
  const family = r.payer.residentId
    ? ((
        await db
          .selectFrom('residents')
          .select('family_id')
          .where('id', '=', r.payer.residentId)
          .executeTakeFirst()
      )?.family_id ?? null)
    : null;
  return listEnrolments(db, {
    payerCfs: await householdPayers(db, r.payer, family),
    service: r.service,
    schoolYear: r.schoolYear,
    limit: 200,
  });
}

/** Sibling ranks in `month` over the enrolments in force then (eldest first), less `without`. */
function ranksIn(list: readonly SchoolEnrolmentRecord[], month: string, without: string | null) {
  return siblingRanks(
    list
      // in force that month, as the hub's run counts them: a withdrawn child until the month it ends
      .filter((e) => e.id !== without && activeIn(e, month))
      .map((e) => ({
        id: e.id,
        household: 'h',
        birthDate: e.child.birthDate,
        childCf: e.child.codiceFiscale,
      })),
  );
}

const bandOf = (
  r: SchoolEnrolmentRecord,
  month: string,
  rank: number,
  statement: IseeStatement | null,
): SchoolBand | null => {
  const priced = priceOf({
    comune: r.comune,
    service: r.service,
    month,
    resident: r.child.resident,
    siblingRank: rank,
    statement,
  });
  return priced.ok ? priced.band : null;
};

/**
 * The payer's statement in force in `month`: from the account's history the hub sent; before the
 * hub's first account, the ISEE the enrolment was priced with is all the counter knows.
 */
const statementIn = (account: SchoolAccountRecord | null, month: string): IseeStatement | null =>
  account ? statementFor(account.iseeHistory, month) : null;

export async function schoolIseePreview(
  ctx: DeskContext,
  input: CallInput<'school:iseePreview'>,
): Promise<CallOutput<'school:iseePreview'>> {
  requireSession(ctx);
  const locale = ctx.state.locale;
  const payerCf = input.payerCodiceFiscale.toUpperCase();
  const refusals: Refusal[] = [];
  const statement = resolveIsee(input.isee, refusals);
  // the hub's rule (hub/school school.isee): from the month after the one it is recorded in
  const fromMonth = iseeFromMonth(romeDateOf(ctx.now()), null);
  const mine = await listEnrolments(ctx.db, { payerCf, limit: 200 });
  if (mine.length === 0) throw new AppError('school_payer_unknown', { codiceFiscale: payerCf });
  const account = await findAccount(ctx.db, payerCf);
  const before = statementIn(account, fromMonth);
  const rows: SchoolBandChangeView[] = [];
  let warning: string | null = null;
  for (const r of mine) {
    if (!activeIn(r, fromMonth)) continue;
    const rank = ranksIn(await householdEnrolments(ctx.db, r), fromMonth, null).get(r.id) ?? r.siblingRank;
    const after = statement ? bandOf(r, fromMonth, rank, statement) : null;
    if (statement && !warning) {
      const priced = priceOf({
        comune: r.comune,
        service: r.service,
        month: fromMonth,
        resident: r.child.resident,
        siblingRank: rank,
        statement,
      });
      warning = priced.ok ? (priced.warning?.[locale] ?? null) : null;
    }
    rows.push({
      enrolmentId: r.id,
      childLabel: childLabel(r),
      service: r.service,
      siblingRank: rank,
      before: account ? bandOf(r, fromMonth, rank, before) : r.band,
      after,
      afterRank: rank,
    });
  }
  return { fromMonth, refusals: refusals.map((x) => refusalView(x, locale)), warning, rows };
}

export async function schoolWithdrawPreview(
  ctx: DeskContext,
  input: CallInput<'school:withdrawPreview'>,
): Promise<CallOutput<'school:withdrawPreview'>> {
  requireSession(ctx);
  const r = await findEnrolment(ctx.db, input.enrolmentId);
  if (!r) throw new AppError('school_enrolment_unknown', { id: input.enrolmentId });
  const account = await findAccount(ctx.db, r.payer.codiceFiscale);
  const billed = new Set(
    (account?.months ?? [])
      .filter((m) => m.lines.some((l) => l.enrolmentId === r.id && l.kind !== 'correzione'))
      .map((m) => m.month),
  );
  const last = previousMonth(input.fromMonth);
  const household = await householdEnrolments(ctx.db, r);
  const withIt = ranksIn(household, input.fromMonth, null);
  const without = ranksIn(household, input.fromMonth, r.id);
  const siblings: SchoolBandChangeView[] = [];
  for (const s of household) {
    const before = withIt.get(s.id);
    const after = without.get(s.id);
    if (s.id === r.id || before === undefined || after === undefined || before === after) continue;
    const statement = statementIn(account, input.fromMonth);
    siblings.push({
      enrolmentId: s.id,
      childLabel: childLabel(s),
      service: s.service,
      siblingRank: before,
      before: bandOf(s, input.fromMonth, before, statement),
      after: bandOf(s, input.fromMonth, after, statement),
      afterRank: after,
    });
  }
  const lastBilledMonth = last >= r.startMonth ? last : null;
  return {
    enrolmentId: r.id,
    fromMonth: input.fromMonth,
    lastMonth: lastBilledMonth,
    band: lastBilledMonth
      ? (bandOf(
          r,
          lastBilledMonth,
          withIt.get(r.id) ?? r.siblingRank,
          statementIn(account, lastBilledMonth),
        ) ?? r.band)
      : r.band,
    alreadyBilled: [...billed].filter((m) => m >= input.fromMonth).sort(),
    siblings,
  };
}

/**
 * The canteen absences marked at this counter for the payer's children, with what each does: a
 * month not billed yet will not charge the meal; a month already billed gets the meal back as a
 * credit on the next notice, and once the hub's run has put it there, which notice.
 */
export async function schoolAbsences(
  ctx: DeskContext,
  input: CallInput<'school:absences'>,
): Promise<CallOutput<'school:absences'>> {
  requireSession(ctx);
  const payerCf = input.payerCodiceFiscale.toUpperCase();
  const mine = await listEnrolments(ctx.db, { payerCf, service: 'mensa', limit: 200 });
  if (mine.length === 0) return [];
  const byId = new Map(mine.map((r) => [r.id, r]));
  const rows = await ctx.db
    .selectFrom('school_absences')
    .select(['enrolment_id', 'day', 'at'])
    .where('enrolment_id', 'in', [...byId.keys()])
    .orderBy('day', 'desc')
    .limit(200)
    .execute();
  const queued = new Set(
    (await ctx.db.selectFrom('outbox').select('args').where('name', '=', 'school.absence').execute()).map(
      (o) => {
        const a = JSON.parse(o.args) as { enrolmentId: string; day: string };
        return `${a.enrolmentId}|${a.day}`;
      },
    ),
  );
  const account = await findAccount(ctx.db, payerCf);
  const months = account?.months ?? [];
  return rows.flatMap((x): SchoolAbsenceView[] => {
    const r = byId.get(x.enrolment_id);
    if (!r) return [];
    const month = monthOf(x.day);
    const billed = months.find((m) => m.month === month);
    const line = billed?.lines.find((l) => l.enrolmentId === r.id && l.kind === 'mensa');
    // the correction the hub's run wrote on a later notice for that month of that child
    const credited = months
      .filter((m) => m.month > month)
      .sort((a, b) => (a.month < b.month ? -1 : 1))
      .find((m) =>
        m.lines.some(
          (l) => l.enrolmentId === r.id && l.kind === 'correzione' && l.month === month && l.amountCents < 0,
        ),
      );
    return [
      {
        enrolmentId: r.id,
        childLabel: childLabel(r),
        day: x.day,
        // marked before the month's run: the bill already left the meal out. Both stamps are to the
        // second: one marked in the run's own second reached the hub after it (it is still here to
        // push), so it is a credit on the next notice
        effect: credited ? 'credited' : billed && x.at >= billed.billedAt ? 'credit_next' : 'not_billed',
        unitPriceCents:
          line?.unitPriceCents ??
          bandOf(r, month, r.siblingRank, account ? statementIn(account, month) : null)?.unitPriceCents ??
          r.band.unitPriceCents,
        creditMonth: credited?.month ?? null,
        pending: queued.has(`${r.id}|${x.day}`),
      },
    ];
  });
}
