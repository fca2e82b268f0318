import type { Kysely, Transaction } from 'kysely';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import { checkCodiceFiscale } from '../../../shared/codice-fiscale/codice-fiscale';
import { isErrorCode, localizeError } from '../../../shared/errors/app-error';
import type { Locale } from '../../../shared/i18n/locale';
import { TARIFF_TABLES } from '../../../shared/isee/tariff-tables';
import { checkIseeStatement, parseIseeAmount, type IseeStatement } from '../../../shared/isee/statement';
import { tableOn, tariffFor, type TariffTable } from '../../../shared/isee/tariff-engine';
import { activeIn, bandFor, firstDayOf, siblingRanks } from '../../../shared/school/billing';
import type {
  SchoolChildInput,
  SchoolIseeInput,
  SchoolPayerInput,
  SchoolRefusalView,
  SchoolRequestInput,
} from '../../../shared/school/school-calls';
import {
  monthsOfSchoolYear,
  routesOf,
  schoolsOf,
  type SchoolRow,
} from '../../../shared/school/school-catalogue';
import { schoolAgeProblem } from '../../../shared/school/school-age';
import type {
  SchoolBand,
  SchoolChild,
  SchoolEnrolmentRecord,
  SchoolPayer,
  SchoolService,
} from '../../../shared/school/school-wire';
import type { Database } from '../db/database';
import { listEnrolments } from './school-repository';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The tariff tables the counter prices with: the same shared rows the hub starts from (Casale's
 * are DEMO values [U]); the hub recomputes the band from its own and its answer wins.
 */
export const SCHOOL_TARIFFS: readonly TariffTable[] = TARIFF_TABLES;

export interface Refusal {
  code: string;
  params: Record<string, string | number>;
}

/** A refusal in the clerk's language, with its placeholders filled. */
export const refusalView = (r: Refusal, locale: Locale): SchoolRefusalView => ({
  code: r.code,
  message: isErrorCode(r.code) ? localizeError(r.code, r.params, locale) : r.code,
});

/** "Via Roma 12, 15033 Casale Monferrato": where the avviso is sent. */
async function addressOfFamily(db: Db, familyId: string, comuneName: string): Promise<string> {
  const f = await db.selectFrom('families').selectAll().where('id', '=', familyId).executeTakeFirst();
  if (!f) return comuneName;
  const street = `${f.street_type} ${f.street_name} ${f.house_number}`.replace(/\s+/g, ' ').trim();
  const place = f.frazione.trim() ? `${f.frazione}, ${comuneName}` : comuneName;
  return `${street}, ${f.cap} ${place}`.slice(0, 200);
}

export interface Resolved<T> {
  value: T | null;
  familyId: string | null;
}

export async function resolveChild(
  db: Db,
  input: SchoolChildInput | null,
  refusals: Refusal[],
): Promise<Resolved<SchoolChild>> {
  if (input === null) return { value: null, familyId: null };
  if (input.kind === 'resident') {
    const r = await db
      .selectFrom('residents')
      .selectAll()
      .where('id', '=', input.residentId)
      .executeTakeFirst();
    if (!r || r.status !== 'resident') {
      refusals.push({ code: 'school_resident_unknown', params: { residentId: input.residentId } });
      return { value: null, familyId: null };
    }
    return {
      value: {
        residentId: r.id,
        codiceFiscale: r.codice_fiscale,
        surname: r.surname,
        givenNames: r.given_names,
        birthDate: r.birth_date,
        resident: true,
      },
      familyId: r.family_id,
    };
  }
  const cf = checkCodiceFiscale(input.codiceFiscale);
  if (!cf.valid) {
    refusals.push({ code: 'school_codice_fiscale_invalid', params: { value: input.codiceFiscale } });
    return { value: null, familyId: null };
  }
  if (input.surname === '' || input.givenNames === '') {
    refusals.push({ code: 'invalid_input', params: { detail: 'nome del bambino' } });
    return { value: null, familyId: null };
  }
  return {
    value: {
      residentId: null,
      codiceFiscale: cf.code,
      surname: input.surname,
      givenNames: input.givenNames,
      birthDate: input.birthDate,
      resident: false,
    },
    familyId: null,
  };
}

export async function resolvePayer(
  db: Db,
  input: SchoolPayerInput | null,
  comuneName: string,
  refusals: Refusal[],
): Promise<Resolved<SchoolPayer>> {
  if (input === null) return { value: null, familyId: null };
  if (input.kind === 'resident') {
    const r = await db
      .selectFrom('residents')
      .selectAll()
      .where('id', '=', input.residentId)
      .executeTakeFirst();
    if (!r || r.status !== 'resident') {
      refusals.push({ code: 'school_resident_unknown', params: { residentId: input.residentId } });
      return { value: null, familyId: null };
    }
    return {
      value: {
        residentId: r.id,
        codiceFiscale: r.codice_fiscale,
        name: `${r.surname} ${r.given_names}`,
        address: await addressOfFamily(db, r.family_id, comuneName),
      },
      familyId: r.family_id,
    };
  }
  const cf = checkCodiceFiscale(input.codiceFiscale);
  if (!cf.valid) {
    refusals.push({ code: 'school_codice_fiscale_invalid', params: { value: input.codiceFiscale } });
    return { value: null, familyId: null };
  }
  if (input.name === '' || input.address === '') {
    refusals.push({ code: 'invalid_input', params: { detail: 'nome e indirizzo del pagante' } });
    return { value: null, familyId: null };
  }
  return {
    value: { residentId: null, codiceFiscale: cf.code, name: input.name, address: input.address },
    familyId: null,
  };
}

/** The statement typed at the counter, checked by the ISEE rules (value, protocol, dates). */
export function resolveIsee(input: SchoolIseeInput | null, refusals: Refusal[]): IseeStatement | null {
  if (input === null) return null;
  const value = parseIseeAmount(input.value);
  if (!value.ok) {
    refusals.push(value.error);
    return null;
  }
  const checked = checkIseeStatement({
    type: input.type,
    valueCents: value.cents,
    dsuProtocol: input.dsuProtocol,
    issuedOn: input.issuedOn,
    expiresOn: input.expiresOn ?? null,
  });
  if (!checked.ok) {
    refusals.push(checked.error);
    return null;
  }
  return checked.statement;
}

/**
 * The household the sibling rank counts in, as the hub reads it: the payer's family in the
 * registry (a payer entered by hand: the children they pay for).
 */
export async function householdPayers(
  db: Db,
  payer: SchoolPayer,
  payerFamilyId: string | null,
): Promise<string[]> {
  if (payerFamilyId === null) return [payer.codiceFiscale];
  const rows = await db
    .selectFrom('residents')
    .select('codice_fiscale')
    .where('family_id', '=', payerFamilyId)
    .execute();
  return [...new Set([payer.codiceFiscale, ...rows.map((r) => r.codice_fiscale)])];
}

/**
 * The sibling rank of `child` among the household's children enrolled in the same service and
 * year and in force in `month`: by age, eldest first (shared/school/billing.ts `siblingRanks`).
 */
export async function siblingRankOf(
  db: Db,
  a: {
    enrolmentId: string;
    child: SchoolChild;
    payers: readonly string[];
    service: SchoolService;
    schoolYear: string;
    month: string;
  },
): Promise<{ rank: number; others: SchoolEnrolmentRecord[] }> {
  const others = (
    await listEnrolments(db, {
      payerCfs: a.payers,
      service: a.service,
      schoolYear: a.schoolYear,
      limit: 200,
    })
  ).filter(
    (e) =>
      e.id !== a.enrolmentId &&
      e.status === 'active' &&
      activeIn(e, a.month) &&
      e.child.codiceFiscale !== a.child.codiceFiscale,
  );
  const ranks = siblingRanks([
    ...others.map((e) => ({
      id: e.id,
      household: 'h',
      birthDate: e.child.birthDate,
      childCf: e.child.codiceFiscale,
    })),
    { id: a.enrolmentId, household: 'h', birthDate: a.child.birthDate, childCf: a.child.codiceFiscale },
  ]);
  return { rank: ranks.get(a.enrolmentId) ?? 1, others };
}

export interface SchoolDraft {
  comune: string;
  child: SchoolChild | null;
  payer: SchoolPayer | null;
  school: SchoolRow | null;
  statement: IseeStatement | null;
  siblingRank: number | null;
  siblings: SchoolEnrolmentRecord[];
  band: SchoolBand | null;
  lines: { it: string; en: string }[];
  siblingDiscount: boolean;
  /** the expired-ISEE warning, both languages */
  warning: { it: string; en: string } | null;
  refusals: Refusal[];
}

/**
 * Everything the rules say about an enrolment as asked, for the quote and for enrolling: who,
 * where, the school age, the route, the ISEE, the sibling rank from the household and the band.
 * Collects every refusal, so the form shows them all at once.
 */
export async function buildDraft(
  db: Db,
  input: SchoolRequestInput,
  env: { comune: string; comuneName: string; today: IsoDate; enrolmentId?: string },
): Promise<SchoolDraft> {
  const refusals: Refusal[] = [];
  const child = await resolveChild(db, input.child, refusals);
  const payer = await resolvePayer(db, input.payer, env.comuneName, refusals);
  const statement = resolveIsee(input.isee, refusals);
  const school = schoolsOf(env.comune).find((s) => s.code === input.schoolCode) ?? null;
  if (!monthsOfSchoolYear(input.schoolYear).includes(input.startMonth)) {
    refusals.push({
      code: 'school_month_outside_year',
      params: { month: input.startMonth, schoolYear: input.schoolYear },
    });
  }
  if (input.schoolCode !== '' && (!school || !school.services.includes(input.service))) {
    refusals.push({ code: 'school_unknown_school', params: { code: input.schoolCode } });
  }
  if (school && input.className !== '' && !school.classes.includes(input.className)) {
    refusals.push({ code: 'invalid_input', params: { detail: `classe ${input.className}` } });
  }
  if (school && child.value) {
    const age = schoolAgeProblem(child.value.birthDate, school.level, input.schoolYear);
    if (age) refusals.push({ code: age.code, params: age.params });
  }
  if (input.service === 'trasporto' && (input.route ?? '') !== '') {
    const route = routesOf(env.comune).find((r) => r.code === input.route);
    if (!route || !route.stops.some((s) => s.code === input.stop)) {
      refusals.push({
        code: 'school_unknown_stop',
        params: { stop: input.stop ?? '', route: input.route ?? '' },
      });
    }
  }
  if (child.value) {
    const already = (
      await listEnrolments(db, {
        childCf: child.value.codiceFiscale,
        service: input.service,
        schoolYear: input.schoolYear,
        limit: 20,
      })
    ).find((e) => e.status === 'active' && e.id !== env.enrolmentId);
    if (already) {
      refusals.push({
        code: 'school_already_enrolled',
        params: {
          child: `${child.value.surname} ${child.value.givenNames}`,
          service: input.service,
          schoolYear: input.schoolYear,
        },
      });
    }
  }
  let siblingRank: number | null = null;
  let siblings: SchoolEnrolmentRecord[] = [];
  if (child.value && payer.value) {
    const r = await siblingRankOf(db, {
      enrolmentId: env.enrolmentId ?? 'new',
      child: child.value,
      payers: await householdPayers(db, payer.value, payer.familyId),
      service: input.service,
      schoolYear: input.schoolYear,
      month: input.startMonth,
    });
    siblingRank = r.rank;
    siblings = r.others;
  }
  const resident = child.value?.resident ?? true;
  const priced = priceOf({
    comune: env.comune,
    service: input.service,
    month: input.startMonth,
    resident,
    siblingRank: siblingRank ?? 1,
    statement,
  });
  if (!priced.ok) refusals.push(priced.error);
  return {
    comune: env.comune,
    child: child.value,
    payer: payer.value,
    school,
    statement,
    siblingRank,
    siblings,
    band: priced.ok ? priced.band : null,
    lines: priced.ok ? priced.lines : [],
    siblingDiscount: priced.ok && priced.siblingDiscount,
    warning: priced.ok ? priced.warning : null,
    refusals,
  };
}

/** The band (the hub's shared rule) with the breakdown lines and the warning in both languages. */
export function priceOf(a: {
  comune: string;
  service: SchoolService;
  month: string;
  resident: boolean;
  siblingRank: number;
  statement: IseeStatement | null;
}):
  | {
      ok: true;
      band: SchoolBand;
      lines: { it: string; en: string }[];
      siblingDiscount: boolean;
      warning: { it: string; en: string } | null;
    }
  | { ok: false; error: Refusal } {
  const banded = bandFor({ tables: SCHOOL_TARIFFS, ...a });
  if (!banded.ok) return { ok: false, error: banded.error };
  const table = tableOn(SCHOOL_TARIFFS, a.comune, a.service, firstDayOf(a.month));
  const choice = table.ok
    ? tariffFor(table.table, {
        iseeCents: banded.band.iseeCents,
        resident: a.resident,
        siblingRank: a.siblingRank,
      })
    : null;
  const detail = choice?.ok ? choice : null;
  const expired =
    a.statement !== null && banded.band.warning !== null
      ? {
          it: banded.band.warning,
          en: `ISEE statement expired on ${a.statement.expiresOn}: the no-ISEE tariff applies until a new statement is filed.`,
        }
      : null;
  return {
    ok: true,
    band: banded.band,
    lines: detail?.lines ?? [],
    siblingDiscount: detail?.siblingApplied ?? false,
    warning: expired,
  };
}
