import type { Transaction } from 'kysely';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { checkCodiceFiscale } from '../../shared/codice-fiscale/codice-fiscale';
import { AppError } from '../../shared/errors/app-error';
import { formatDate } from '../../shared/i18n/registry-labels';
import type { IseeStatement } from '../../shared/isee/statement';
import {
  activeIn,
  bandFor,
  iseeFromMonth,
  monthOf,
  siblingRanks,
  statementFor,
} from '../../shared/school/billing';
import {
  calendarOf,
  monthsOfSchoolYear,
  noSchoolReason,
  routesOf,
  schoolsOf,
} from '../../shared/school/school-catalogue';
import { schoolAgeProblem } from '../../shared/school/school-age';
import type {
  SCHOOL_MUTATIONS,
  SchoolChild,
  SchoolEnrolmentRecord,
  SchoolPayer,
  SchoolService,
} from '../../shared/school/school-wire';
import { currentResident } from '../cases/residence-registry';
import type { HubDatabase } from '../db/database';
import type { ApplyContext, Applier } from '../sync/apply-context';
import {
  enrolmentOf,
  enrolmentRowOf,
  findEnrolment,
  iseeHistoryOf,
  publishEnrolment,
  recordIsee,
  republishAccount,
  saveEnrolment,
} from './school-repository';
import { schoolTariffTables } from './school-tariffs';

type Trx = Transaction<HubDatabase>;

const nameOf = (c: SchoolChild) => `${c.surname} ${c.givenNames}`.trim();

function checkedCf(value: string): string {
  const check = checkCodiceFiscale(value);
  if (!check.valid) throw new AppError('school_codice_fiscale_invalid', { value });
  return check.code;
}

/**
 * The child as the hub accepts it: a registry child's names, code and birth date from the
 * registry of record, resident only while the registry says so; a child entered by hand is not
 * resident, whatever the counter ticked, and their tax code is checked.
 */
async function checkedChild(ctx: ApplyContext, c: SchoolChild): Promise<SchoolChild> {
  if (c.residentId === null) return { ...c, codiceFiscale: checkedCf(c.codiceFiscale), resident: false };
  const row = await currentResident(ctx.trx, ctx.ws.comune, c.residentId);
  if (!row) throw new AppError('school_resident_unknown', { residentId: c.residentId });
  return {
    residentId: row.id,
    codiceFiscale: row.codice_fiscale,
    surname: row.surname,
    givenNames: row.given_names,
    birthDate: row.birth_date,
    resident: row.status === 'resident',
  };
}

/** The payer and the household the sibling rank counts in (the registry family, or the payer). */
async function checkedPayer(
  ctx: ApplyContext,
  p: SchoolPayer,
): Promise<{ payer: SchoolPayer; household: string }> {
  if (p.residentId === null) {
    const cf = checkedCf(p.codiceFiscale);
    return { payer: { ...p, codiceFiscale: cf }, household: `P:${cf}` };
  }
  const row = await currentResident(ctx.trx, ctx.ws.comune, p.residentId);
  if (!row) throw new AppError('school_resident_unknown', { residentId: p.residentId });
  return {
    payer: { ...p, codiceFiscale: row.codice_fiscale, name: `${row.surname} ${row.given_names}`.trim() },
    household: `F:${row.family_id}`,
  };
}

/**
 * Sibling ranks of a household's enrolments in one service and year, in force in `month`, as
 * the hub has them (plus a new one not yet stored).
 */
async function householdRanks(
  trx: Trx,
  comune: string,
  household: string,
  schoolYear: string,
  service: SchoolService,
  month: string,
  extra: SchoolEnrolmentRecord | null,
): Promise<{ ranks: Map<string, number>; records: SchoolEnrolmentRecord[] }> {
  const rows = await trx
    .selectFrom('school_enrolments')
    .select('record')
    .where('comune', '=', comune)
    .where('household', '=', household)
    .where('school_year', '=', schoolYear)
    .where('service', '=', service)
    .execute();
  const records = rows.map(enrolmentOf).filter((r) => activeIn(r, month));
  if (extra) records.push(extra);
  const ranks = siblingRanks(
    records.map((r) => ({
      id: r.id,
      household,
      birthDate: r.child.birthDate,
      childCf: r.child.codiceFiscale,
    })),
  );
  return { ranks, records };
}

function bandOrThrow(input: Parameters<typeof bandFor>[0]) {
  const band = bandFor(input);
  if (!band.ok) throw new AppError(band.error.code, band.error.params);
  return band.band;
}

/** The month whose band an enrolment's record shows: the start, or today's month once started. */
const shownMonth = (r: { startMonth: string }, today: string): string =>
  monthOf(today) > r.startMonth ? monthOf(today) : r.startMonth;

/**
 * `school.enrol`: the child and payer checked against the registry, school, route and age
 * checked, the sibling rank counted in the hub's own household and the band from the tariff
 * engine. The counter's quoted price and rank are kept for the record, never used. Siblings whose
 * rank the new child changes are republished with their new rank and band.
 */
const enrol: Applier<'school.enrol'> = async (ctx, args) => {
  const comune = ctx.ws.comune;
  if (await findEnrolment(ctx.trx, comune, args.enrolmentId)) {
    throw new AppError('invalid_input', { detail: `enrolmentId ${args.enrolmentId}` });
  }
  if (!calendarOf(comune, args.schoolYear))
    throw new AppError('school_year_not_open', { schoolYear: args.schoolYear });
  if (!monthsOfSchoolYear(args.schoolYear).includes(args.startMonth)) {
    throw new AppError('school_month_outside_year', { month: args.startMonth, schoolYear: args.schoolYear });
  }
  const school = schoolsOf(comune).find(
    (s) => s.code === args.school.code && s.level === args.level && s.services.includes(args.service),
  );
  if (!school) throw new AppError('school_unknown_school', { code: args.school.code });
  if (args.transport) {
    const route = routesOf(comune).find((r) => r.code === args.transport?.route);
    if (!route?.stops.some((s) => s.code === args.transport?.stop)) {
      throw new AppError('school_unknown_stop', { route: args.transport.route, stop: args.transport.stop });
    }
  }
  const child = await checkedChild(ctx, args.child);
  const age = schoolAgeProblem(child.birthDate, args.level, args.schoolYear);
  if (age) throw new AppError(age.code, age.params);
  const { payer, household } = await checkedPayer(ctx, args.payer);
  const twice = await ctx.trx
    .selectFrom('school_enrolments')
    .select('id')
    .where('comune', '=', comune)
    .where('school_year', '=', args.schoolYear)
    .where('service', '=', args.service)
    .where('child_cf', '=', child.codiceFiscale)
    .executeTakeFirst();
  if (twice) {
    throw new AppError('school_already_enrolled', {
      child: nameOf(child),
      service: args.service,
      schoolYear: args.schoolYear,
    });
  }
  const today = romeDateOf(new Date(ctx.at));
  // the statement shown at enrolment: from the start for a payer without history, otherwise a
  // change like `school.isee` (from the next month)
  let history = await iseeHistoryOf(ctx.trx, comune, payer.codiceFiscale);
  if (args.isee) {
    const latest = history.at(-1)?.statement;
    if (
      !latest ||
      latest.dsuProtocol !== args.isee.dsuProtocol ||
      latest.valueCents !== args.isee.valueCents
    ) {
      const from = history.length === 0 ? args.startMonth : iseeFromMonth(today, args.startMonth);
      await recordIsee(ctx.trx, comune, payer.codiceFiscale, from, args.isee as IseeStatement, ctx.at);
      history = await iseeHistoryOf(ctx.trx, comune, payer.codiceFiscale);
    }
  }
  const month = shownMonth(args, today);
  const draft: SchoolEnrolmentRecord = {
    id: args.enrolmentId,
    comune,
    schoolYear: args.schoolYear,
    service: args.service,
    child,
    payer,
    school: { code: school.code, className: args.school.className },
    level: args.level,
    transport: args.transport,
    diet: args.diet,
    startMonth: args.startMonth,
    endMonth: null,
    status: 'active',
    siblingRank: 1,
    band: {
      tableId: '-',
      label: '',
      chosenBy: 'no_isee',
      unitPriceCents: 0,
      unit: 'meal',
      exempt: false,
      iseeCents: null,
      warning: null,
    },
    quotedUnitPriceCents: args.quotedUnitPriceCents,
    enrolledAt: args.at,
    enrolledBy: ctx.clerk.username,
    withdrawnAt: null,
    withdrawReason: null,
  };
  const { ranks, records } = await householdRanks(
    ctx.trx,
    comune,
    household,
    args.schoolYear,
    args.service,
    month,
    draft,
  );
  const tables = schoolTariffTables();
  const priced = (r: SchoolEnrolmentRecord, rank: number): SchoolEnrolmentRecord => ({
    ...r,
    siblingRank: rank,
    band: bandOrThrow({
      tables,
      comune,
      service: r.service,
      month,
      resident: r.child.resident,
      siblingRank: rank,
      statement: statementFor(history, month),
    }),
  });
  const record = priced(draft, ranks.get(draft.id) ?? 1);
  await ctx.trx
    .insertInto('school_enrolments')
    .values(enrolmentRowOf(record, household, ctx.ws.id, ctx.at))
    .execute();
  await publishEnrolment(ctx.trx, record, ctx.at, ctx.mutationId);
  for (const sibling of records) {
    const rank = ranks.get(sibling.id) ?? 1;
    if (sibling.id === draft.id || rank === sibling.siblingRank) continue;
    // an elder child enrolled later moves the others down a rank: their price from the same month
    await saveEnrolment(ctx.trx, priced(sibling, rank), ctx.at, ctx.mutationId);
  }
};

/** `school.withdraw`: nothing billed from `fromMonth` on; months already billed stay. */
const withdraw: Applier<'school.withdraw'> = async (ctx, args) => {
  const record = await findEnrolment(ctx.trx, ctx.ws.comune, args.enrolmentId);
  if (!record) throw new AppError('school_enrolment_unknown', { id: args.enrolmentId });
  if (record.status === 'withdrawn') {
    throw new AppError('school_already_withdrawn', { month: record.endMonth ?? '' });
  }
  if (args.fromMonth < record.startMonth) {
    throw new AppError('school_withdraw_month_invalid', { month: args.fromMonth, start: record.startMonth });
  }
  await saveEnrolment(
    ctx.trx,
    {
      ...record,
      status: 'withdrawn',
      endMonth: args.fromMonth,
      withdrawnAt: args.at,
      withdrawReason: args.reason,
    },
    ctx.at,
    ctx.mutationId,
  );
};

/**
 * `school.absence`: a canteen day marked absent bills no meal that day. The day must be a school
 * day of the enrolment; marking it twice changes nothing. Marked after the month was billed, the
 * next run finds the month worth less and credits it.
 */
const absence: Applier<'school.absence'> = async (ctx, args) => {
  const comune = ctx.ws.comune;
  const record = await findEnrolment(ctx.trx, comune, args.enrolmentId);
  if (!record) throw new AppError('school_enrolment_unknown', { id: args.enrolmentId });
  if (record.service !== 'mensa') throw new AppError('school_not_canteen');
  if (!activeIn(record, monthOf(args.day))) {
    throw new AppError('school_day_outside_enrolment', {
      day: formatDate(args.day),
      from: record.startMonth,
    });
  }
  const why = noSchoolReason(comune, record.schoolYear, args.day);
  if (why)
    throw new AppError('school_not_a_school_day', { day: formatDate(args.day), why: NO_SCHOOL_WORDS[why] });
  const known = await ctx.trx
    .selectFrom('school_absences')
    .select('day')
    .where('comune', '=', comune)
    .where('enrolment_id', '=', record.id)
    .where('day', '=', args.day)
    .executeTakeFirst();
  if (known) return;
  await ctx.trx
    .insertInto('school_absences')
    .values({ comune, enrolment_id: record.id, day: args.day, at: args.at })
    .execute();
};

export const NO_SCHOOL_WORDS = {
  outside_year: 'fuori dall’anno scolastico',
  weekend: 'sabato o domenica',
  holiday: 'festività',
  break: 'vacanza scolastica',
  no_calendar: 'calendario scolastico non caricato',
} as const;

/**
 * `school.isee`: the payer's new statement applies from the month after the one it is recorded
 * in; the months before keep their band, and the history is kept. The enrolments' records and
 * the account are republished so every counter shows the band of the coming month.
 */
const newIsee: Applier<'school.isee'> = async (ctx, args) => {
  const comune = ctx.ws.comune;
  const cf = args.payerCodiceFiscale.trim().toUpperCase();
  const rows = await ctx.trx
    .selectFrom('school_enrolments')
    .select('record')
    .where('comune', '=', comune)
    .where('payer_cf', '=', cf)
    .execute();
  if (rows.length === 0) throw new AppError('school_payer_unknown', { codiceFiscale: cf });
  const today = romeDateOf(new Date(ctx.at));
  const from = iseeFromMonth(today, null);
  await recordIsee(ctx.trx, comune, cf, from, args.statement as IseeStatement, ctx.at);
  const history = await iseeHistoryOf(ctx.trx, comune, cf);
  const tables = schoolTariffTables();
  for (const r of rows.map(enrolmentOf)) {
    if (r.status !== 'active') continue;
    const band = bandFor({
      tables,
      comune,
      service: r.service,
      month: from,
      resident: r.child.resident,
      siblingRank: r.siblingRank,
      statement: statementFor(history, from),
    });
    if (band.ok) await saveEnrolment(ctx.trx, { ...r, band: band.band }, ctx.at, ctx.mutationId);
  }
  await republishAccount(ctx.trx, comune, cf, ctx.at, ctx.mutationId);
};

/** The hub's authoritative effects of the school mutations, declared in service.ts. */
export const SCHOOL_APPLIERS: { [N in keyof typeof SCHOOL_MUTATIONS]: Applier<N> } = {
  'school.enrol': enrol,
  'school.withdraw': withdraw,
  'school.absence': absence,
  'school.isee': newIsee,
};
