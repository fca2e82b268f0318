import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { romeDateOf, romeDateTimeOf } from '../../../shared/calendar/rome-date';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/error-messages';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { Locale } from '../../../shared/i18n/locale';
import { ISEE_TYPES } from '../../../shared/isee/statement';
import { bandText } from '../../../shared/isee/tariff-engine';
import { iseeFromMonth, monthOf, statementFor } from '../../../shared/school/billing';
import type { SchoolHouseholdMember, SchoolOptionsView } from '../../../shared/school/school-calls';
import {
  monthsOfSchoolYear,
  noSchoolReason,
  routesOf,
  schoolsOf,
  schoolYearOfMonth,
} from '../../../shared/school/school-catalogue';
import { SCHOOL_UI } from '../../../shared/school/school-ui';
import type { SchoolEnrolmentView } from '../../../shared/school/school-views';
import {
  DIET_CODES,
  schoolEnrolSchema,
  type SchoolAbsence,
  type SchoolEnrol,
  type SchoolEnrolmentRecord,
  type SchoolIsee,
  type SchoolWithdraw,
} from '../../../shared/school/school-wire';
import { requireSession, type DeskContext } from '../context';
import type { Database } from '../db/database';
import type { EffectMeta } from '../sync/effect';
import { runMutation } from '../sync/run-mutation';
import {
  enrolmentsOfChildren,
  findAccount,
  findEnrolment,
  listEnrolments,
  pendingEnrolmentIds,
  saveAccount,
  saveEnrolment,
} from './school-repository';
import {
  SCHOOL_TARIFFS,
  buildDraft,
  householdPayers,
  priceOf,
  refusalView,
  resolveIsee,
  siblingRankOf,
  type Refusal,
} from './school-request';
import { accountView, enrolmentView } from './school-views';

const todayOf = (ctx: DeskContext): IsoDate => romeDateOf(ctx.now());

function comuneOf(ctx: DeskContext) {
  const session = requireSession(ctx);
  return { comune: session.info.comune.belfiore, comuneName: session.info.comune.name };
}

const ui = (key: string, locale: Locale): string => (SCHOOL_UI[locale] as Record<string, string>)[key] ?? key;

/**
 * The school year the counter enrols for and its first billable month: the current year while
 * its lessons last (September to June), the next one in July and August.
 */
export function enrolmentYear(today: IsoDate): { schoolYear: string; startMonth: string } {
  const month = monthOf(today);
  const m = Number(month.slice(5, 7));
  if (m === 7 || m === 8) {
    const schoolYear = schoolYearOfMonth(`${today.slice(0, 4)}-09`);
    return { schoolYear, startMonth: `${today.slice(0, 4)}-09` };
  }
  return { schoolYear: schoolYearOfMonth(month), startMonth: month };
}

const throwFirst = (refusals: readonly Refusal[]): void => {
  const first = refusals[0];
  if (first) throw new AppError(first.code as ErrorCode, first.params);
};

export async function schoolOptions(ctx: DeskContext): Promise<SchoolOptionsView> {
  const { comune } = comuneOf(ctx);
  const today = todayOf(ctx);
  const locale = ctx.state.locale;
  const { schoolYear, startMonth } = enrolmentYear(today);
  const months = monthsOfSchoolYear(schoolYear).filter((m) => m >= startMonth);
  return {
    today,
    comune,
    schoolYear,
    startMonth,
    months,
    schools: schoolsOf(comune).map((s) => ({
      code: s.code,
      name: s.name,
      level: s.level,
      services: [...s.services],
      classes: [...s.classes],
    })),
    routes: routesOf(comune).map((r) => ({
      code: r.code,
      name: r.name,
      stops: r.stops.map((s) => ({ ...s })),
    })),
    dietCodes: DIET_CODES.map((code) => ({ code, label: ui(`school.diet.${code}`, locale) })),
    iseeTypes: ISEE_TYPES.map((code) => ({ code, label: ui(`school.iseeType.${code}`, locale) })),
    tariffs: (['mensa', 'trasporto'] as const).flatMap((service) => {
      const t = SCHOOL_TARIFFS.find(
        (x) => x.comune === comune && x.service === service && (x.validTo === null || x.validTo >= today),
      );
      if (!t) return [];
      const price = (p: (typeof t.bands)[number]['price']): string =>
        p.kind === 'fixed'
          ? `€ ${(p.cents / 100).toFixed(2).replace('.', ',')}`
          : p.kind === 'exempt'
            ? ui('school.exempt', locale)
            : `€ ${(p.fromCents / 100).toFixed(2).replace('.', ',')} – € ${(p.toCents / 100).toFixed(2).replace('.', ',')}`;
      return [
        {
          service,
          tableId: t.id,
          unit: t.unit === 'meal' ? ('meal' as const) : ('month' as const),
          bands: t.bands.map((b) => `${b.label ?? bandText(b, locale)}: ${price(b.price)}`),
          noIseeCents: t.noIsee.kind === 'fixed' ? t.noIsee.cents : null,
          uncertain: t.confidence !== 'V',
          note: t.note,
        },
      ];
    }),
  };
}

const ageOn = (birthDate: IsoDate, day: IsoDate): number => {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
};

const SERVICE_WORD: Record<string, Record<Locale, string>> = {
  mensa: { it: 'Mensa', en: 'Canteen' },
  trasporto: { it: 'Trasporto', en: 'Transport' },
};

/**
 * The child's household from the registry mirror: the adults who may pay (the one whose ISEE the
 * comune already holds first, then the head of the family), and the other children of school age.
 */
export async function schoolHousehold(
  ctx: DeskContext,
  input: CallInput<'school:household'>,
): Promise<CallOutput<'school:household'>> {
  const { comune, comuneName } = comuneOf(ctx);
  const locale = ctx.state.locale;
  const today = todayOf(ctx);
  const { schoolYear, startMonth } = enrolmentYear(today);
  const yearStart = `${schoolYear.slice(0, 4)}-09-01`;
  const child = await ctx.db
    .selectFrom('residents')
    .selectAll()
    .where('id', '=', input.residentId)
    .executeTakeFirst();
  if (!child) throw new AppError('school_resident_unknown', { residentId: input.residentId });
  const family = await ctx.db
    .selectFrom('residents')
    .selectAll()
    .where('family_id', '=', child.family_id)
    .where('status', '=', 'resident')
    .orderBy('birth_date')
    .execute();
  const enrolled = await enrolmentsOfChildren(
    ctx.db,
    family.map((m) => m.id),
    schoolYear,
  );
  const schools = new Map(schoolsOf(comune).map((s) => [s.code, s.name]));
  const member = (m: (typeof family)[number]): SchoolHouseholdMember => {
    const age = ageOn(m.birth_date, yearStart);
    const own = enrolled.filter((e) => e.child.residentId === m.id && e.status === 'active');
    return {
      residentId: m.id,
      name: `${m.surname} ${m.given_names}`,
      codiceFiscale: m.codice_fiscale,
      birthDate: m.birth_date,
      relationship: m.relationship,
      schoolAge: age >= 2 && age <= 14,
      enrolledIn: [...new Set(own.map((e) => e.service))],
      enrolments: own.map(
        (e) =>
          `${SERVICE_WORD[e.service]?.[locale] ?? e.service}, ${e.school.className} ${schools.get(e.school.code) ?? e.school.code}`,
      ),
    };
  };
  const adults = family.filter((m) => ageOn(m.birth_date, today) >= 18);
  const payers = await Promise.all(
    adults.map(async (m) => {
      const account = await findAccount(ctx.db, m.codice_fiscale);
      // the statement in force this month, else the latest recorded (it may apply from next month)
      const statement = account
        ? (statementFor(account.iseeHistory, startMonth) ?? account.iseeHistory.at(-1)?.statement ?? null)
        : null;
      return { ...member(m), isee: statement };
    }),
  );
  // the payer with an ISEE on file first, then the head of the family, then by age
  payers.sort(
    (a, b) =>
      Number(b.isee !== null) - Number(a.isee !== null) ||
      Number(b.relationship === 'intestatario') - Number(a.relationship === 'intestatario'),
  );
  const f = await ctx.db
    .selectFrom('families')
    .selectAll()
    .where('id', '=', child.family_id)
    .executeTakeFirst();
  return {
    child: member(child),
    address: f
      ? `${f.street_type} ${f.street_name} ${f.house_number}, ${f.cap} ${comuneName}`.replace(/\s+/g, ' ')
      : comuneName,
    payers,
    siblings: family.filter((m) => m.id !== child.id && ageOn(m.birth_date, today) < 18).map(member),
  };
}

const draftOf = (ctx: DeskContext, input: CallInput<'school:quote'>, enrolmentId?: string) =>
  buildDraft(ctx.db, input, {
    ...comuneOf(ctx),
    today: todayOf(ctx),
    ...(enrolmentId ? { enrolmentId } : {}),
  });

export async function schoolQuote(
  ctx: DeskContext,
  input: CallInput<'school:quote'>,
): Promise<CallOutput<'school:quote'>> {
  const locale = ctx.state.locale;
  const d = await draftOf(ctx, input);
  return {
    ok: d.refusals.length === 0 && d.child !== null && d.payer !== null && d.school !== null,
    band: d.band,
    siblingRank: d.siblingRank,
    siblingDiscount: d.siblingDiscount,
    lines: d.lines.map((l) => l[locale]),
    warning: d.warning?.[locale] ?? null,
    siblings: d.siblings.map(
      (e) => `${e.child.surname} ${e.child.givenNames} (${formatDate(e.child.birthDate)})`,
    ),
    refusals: d.refusals.map((r) => refusalView(r, locale)),
  };
}

async function viewOf(ctx: DeskContext, r: SchoolEnrolmentRecord): Promise<SchoolEnrolmentView> {
  return enrolmentView(r, { pending: await pendingEnrolmentIds(ctx.db), locale: ctx.state.locale });
}

/**
 * Enrols a child: the rules once more (a refused one stores nothing and queues nothing), then one
 * local transaction with the optimistic enrolment, the outbox entry and the audit line. The hub
 * recomputes resident flag, school age, sibling rank and band from its own data.
 */
export async function schoolEnrolCall(
  ctx: DeskContext,
  input: CallInput<'school:enrol'>,
): Promise<CallOutput<'school:enrol'>> {
  requireSession(ctx);
  const enrolmentId = uuidv7();
  const d = await draftOf(ctx, input, enrolmentId);
  throwFirst(d.refusals);
  const { child, payer, school } = d;
  if (!child || !payer || !school) throw new AppError('invalid_input', { detail: 'iscrizione' });
  if (input.className === '') throw new AppError('invalid_input', { detail: 'classe' });
  const transport =
    input.service === 'trasporto' ? { route: input.route ?? '', stop: input.stop ?? '' } : null;
  const args: SchoolEnrol = schoolEnrolSchema.parse({
    enrolmentId,
    schoolYear: input.schoolYear,
    service: input.service,
    child,
    payer,
    school: { code: school.code, className: input.className },
    level: school.level,
    transport,
    diet:
      input.service === 'mensa'
        ? { needed: (input.dietCode ?? null) !== null, code: input.dietCode ?? null }
        : null,
    isee: d.statement,
    startMonth: input.startMonth,
    quotedUnitPriceCents: d.band?.unitPriceCents ?? null,
    quotedSiblingRank: d.siblingRank,
    at: romeDateTimeOf(ctx.now()),
  });
  await runMutation(ctx, 'school.enrol', args, {
    entity: 'school_enrolment',
    entityId: enrolmentId,
    reason: `iscrizione ${args.service} ${args.schoolYear}: ${child.surname} ${child.givenNames}`.slice(
      0,
      300,
    ),
  });
  const record = await findEnrolment(ctx.db, enrolmentId);
  if (!record) throw new AppError('school_enrolment_unknown', { id: enrolmentId });
  return viewOf(ctx, record);
}

/**
 * The enrolment an enrol mutation makes on this counter until the hub's record arrives: the
 * sibling rank from the local household mirror and the band from the same shared rules. Null
 * when the rules refuse it here: the hub will say why.
 */
export async function optimisticEnrolment(
  trx: Transaction<Database>,
  args: SchoolEnrol,
  meta: EffectMeta,
): Promise<SchoolEnrolmentRecord | null> {
  const comune = (
    await trx.selectFrom('meta').select('value').where('key', '=', 'comune.belfiore').executeTakeFirst()
  )?.value;
  if (!comune) return null;
  const payerFamily = args.payer.residentId
    ? ((
        await trx
          .selectFrom('residents')
          .select('family_id')
          .where('id', '=', args.payer.residentId)
          .executeTakeFirst()
      )?.family_id ?? null)
    : null;
  const { rank } = await siblingRankOf(trx, {
    enrolmentId: args.enrolmentId,
    child: args.child,
    payers: await householdPayers(trx, args.payer, payerFamily),
    service: args.service,
    schoolYear: args.schoolYear,
    month: args.startMonth,
  });
  const priced = priceOf({
    comune,
    service: args.service,
    month: args.startMonth,
    resident: args.child.resident,
    siblingRank: rank,
    statement: args.isee,
  });
  if (!priced.ok) return null;
  return {
    id: args.enrolmentId,
    comune,
    schoolYear: args.schoolYear,
    service: args.service,
    child: args.child,
    payer: args.payer,
    school: args.school,
    level: args.level,
    transport: args.transport,
    diet: args.diet,
    startMonth: args.startMonth,
    endMonth: null,
    status: 'active',
    siblingRank: rank,
    band: priced.band,
    quotedUnitPriceCents: args.quotedUnitPriceCents,
    enrolledAt: args.at,
    enrolledBy: meta.clerk,
    withdrawnAt: null,
    withdrawReason: null,
  };
}

export async function enrolEffect(
  trx: Transaction<Database>,
  args: SchoolEnrol,
  meta: EffectMeta,
): Promise<void> {
  const record = await optimisticEnrolment(trx, args, meta);
  if (record) await saveEnrolment(trx, record, { confirmed: false });
}

export async function withdrawEffect(trx: Transaction<Database>, args: SchoolWithdraw): Promise<void> {
  const r = await findEnrolment(trx, args.enrolmentId);
  if (!r || r.status !== 'active') return;
  const next = {
    ...r,
    status: 'withdrawn' as const,
    endMonth: args.fromMonth,
    withdrawnAt: args.at,
    withdrawReason: args.reason,
  };
  await trx
    .updateTable('school_enrolments')
    .set({ status: 'withdrawn', end_month: args.fromMonth, record: JSON.stringify(next) })
    .where('id', '=', r.id)
    .execute();
}

export async function absenceEffect(trx: Transaction<Database>, args: SchoolAbsence): Promise<void> {
  await trx
    .insertInto('school_absences')
    .values({ enrolment_id: args.enrolmentId, day: args.day, at: args.at })
    .onConflict((oc) => oc.columns(['enrolment_id', 'day']).doNothing())
    .execute();
}

/** The new statement in the payer's local history until the hub's account arrives (idempotent). */
export async function iseeEffect(trx: Transaction<Database>, args: SchoolIsee): Promise<void> {
  const account = await findAccount(trx, args.payerCodiceFiscale);
  if (!account) return;
  const fromMonth = iseeFromMonth(args.at.slice(0, 10), null);
  if (
    account.iseeHistory.some(
      (h) => h.fromMonth === fromMonth && h.statement.dsuProtocol === args.statement.dsuProtocol,
    )
  )
    return;
  if (account.iseeHistory.length >= 60) return;
  await saveAccount(trx, {
    ...account,
    iseeHistory: [...account.iseeHistory, { fromMonth, statement: args.statement, recordedAt: args.at }],
  });
}

async function requireEnrolment(ctx: DeskContext, id: string): Promise<SchoolEnrolmentRecord> {
  requireSession(ctx);
  const r = await findEnrolment(ctx.db, id);
  if (!r) throw new AppError('school_enrolment_unknown', { id });
  return r;
}

/** A canteen day the family called in absent: a school day inside the enrolment. */
export async function schoolAbsenceCall(
  ctx: DeskContext,
  input: CallInput<'school:absence'>,
): Promise<CallOutput<'school:absence'>> {
  const r = await requireEnrolment(ctx, input.enrolmentId);
  if (r.service !== 'mensa') throw new AppError('school_not_canteen');
  const why = noSchoolReason(r.comune, r.schoolYear, input.day);
  if (why) {
    throw new AppError('school_not_a_school_day', {
      day: formatDate(input.day),
      why: ui(`school.noSchool.${why}`, ctx.state.locale),
    });
  }
  const month = monthOf(input.day);
  if (month < r.startMonth || (r.endMonth !== null && month >= r.endMonth)) {
    throw new AppError('school_day_outside_enrolment', { day: formatDate(input.day), from: r.startMonth });
  }
  await runMutation(
    ctx,
    'school.absence',
    { enrolmentId: r.id, day: input.day, at: romeDateTimeOf(ctx.now()) },
    { entity: 'school_enrolment', entityId: r.id, reason: `assenza in mensa del ${input.day}` },
  );
  return viewOf(ctx, r);
}

/** The payer's new ISEE: checked here, applies from next month at the hub (history kept). */
export async function schoolIseeCall(
  ctx: DeskContext,
  input: CallInput<'school:isee'>,
): Promise<CallOutput<'school:isee'>> {
  requireSession(ctx);
  const refusals: Refusal[] = [];
  const statement = resolveIsee(input.isee, refusals);
  throwFirst(refusals);
  if (!statement) throw new AppError('invalid_input', { detail: 'ISEE' });
  const payerCf = input.payerCodiceFiscale.toUpperCase();
  const known = await listEnrolments(ctx.db, { payerCf, limit: 1 });
  if (known.length === 0) throw new AppError('school_payer_unknown', { codiceFiscale: payerCf });
  await runMutation(
    ctx,
    'school.isee',
    { payerCodiceFiscale: payerCf, statement, at: romeDateTimeOf(ctx.now()) },
    {
      entity: 'school_account',
      entityId: payerCf,
      reason: `nuova attestazione ISEE ${statement.dsuProtocol}`,
    },
  );
  return schoolAccount(ctx, { payerCodiceFiscale: payerCf });
}

export async function schoolWithdrawCall(
  ctx: DeskContext,
  input: CallInput<'school:withdraw'>,
): Promise<CallOutput<'school:withdraw'>> {
  const r = await requireEnrolment(ctx, input.enrolmentId);
  if (r.status === 'withdrawn') throw new AppError('school_already_withdrawn', { month: r.endMonth ?? '' });
  if (input.fromMonth < r.startMonth) {
    throw new AppError('school_withdraw_month_invalid', { month: input.fromMonth, start: r.startMonth });
  }
  await runMutation(
    ctx,
    'school.withdraw',
    { enrolmentId: r.id, fromMonth: input.fromMonth, reason: input.reason, at: romeDateTimeOf(ctx.now()) },
    {
      entity: 'school_enrolment',
      entityId: r.id,
      reason: `ritiro dal ${input.fromMonth}: ${input.reason}`.slice(0, 300),
    },
  );
  return viewOf(ctx, await requireEnrolment(ctx, r.id));
}

export async function schoolList(
  ctx: DeskContext,
  input: CallInput<'school:list'>,
): Promise<CallOutput<'school:list'>> {
  requireSession(ctx);
  const limit = input.limit ?? 500;
  const schoolYear = input.schoolYear;
  const filter =
    input.by === 'child'
      ? input.residentId
        ? { childResidentId: input.residentId }
        : { childCf: (input.codiceFiscale ?? '-').toUpperCase() }
      : input.by === 'payer'
        ? { payerCf: (input.codiceFiscale ?? '-').toUpperCase() }
        : {
            schoolCode: input.schoolCode ?? '-',
            ...(input.className ? { className: input.className } : {}),
          };
  const records = await listEnrolments(ctx.db, { ...filter, ...(schoolYear ? { schoolYear } : {}), limit });
  const pending = await pendingEnrolmentIds(ctx.db);
  return records.map((r) => enrolmentView(r, { pending, locale: ctx.state.locale }));
}

/**
 * A family's account as the hub last sent it, with the payments this counter took since: a
 * notice paid at the cash desk shows as paid at once, from the counter's own mirror of the
 * position.
 */
export async function schoolAccount(
  ctx: DeskContext,
  input: CallInput<'school:account'>,
): Promise<CallOutput<'school:account'>> {
  requireSession(ctx);
  const account = await findAccount(ctx.db, input.payerCodiceFiscale.toUpperCase());
  if (!account) return null;
  const notices = account.months.flatMap((m) => (m.noticeNumber ? [m.noticeNumber] : []));
  const paid =
    notices.length === 0
      ? []
      : await ctx.db
          .selectFrom('debt_positions')
          .select('notice_number')
          .where('notice_number', 'in', notices)
          .where('status', '=', 'paid')
          .execute();
  return accountView(account, new Set(paid.map((p) => p.notice_number)));
}

export async function schoolPayers(
  ctx: DeskContext,
  input: CallInput<'school:payers'>,
): Promise<CallOutput<'school:payers'>> {
  requireSession(ctx);
  const q = input.query.trim().toUpperCase();
  if (q.length < 2) return [];
  const escaped = q.replace(/[%_\\]/g, '');
  const rows = await ctx.db
    .selectFrom('school_enrolments')
    .select(['payer_cf', 'record'])
    .where((eb) => eb.or([eb('payer_cf', 'like', `${escaped}%`), eb('record', 'like', `%${escaped}%`)]))
    .limit(500)
    .execute();
  const accounts = await ctx.db.selectFrom('school_accounts').select(['payer_cf', 'owed_cents']).execute();
  const owed = new Map(accounts.map((a) => [a.payer_cf, a.owed_cents]));
  const out = new Map<string, { codiceFiscale: string; name: string; owedCents: number }>();
  for (const r of rows) {
    if (out.has(r.payer_cf)) continue;
    const name = (JSON.parse(r.record) as { payer: { name: string } }).payer.name;
    if (!r.payer_cf.startsWith(q) && !name.toUpperCase().includes(q)) continue;
    out.set(r.payer_cf, { codiceFiscale: r.payer_cf, name, owedCents: owed.get(r.payer_cf) ?? 0 });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'it')).slice(0, 20);
}
