import { compareIsoDates, type IsoDate } from '../calendar/iso-date';
import type { SocialErrorCode } from './social-errors';
import type { SocialResult } from './social-rules';
import type { Disability } from './social-wire';

/**
 * Home care (SAD, DOMAIN.md §10.3): the PAI's bounds, the monthly co-payment, the waiting list's
 * order by the comune's dated criteria, and the provider's delivered-hours file. Pure.
 */

const fail = <T>(code: SocialErrorCode, params: Record<string, string | number> = {}): SocialResult<T> => ({
  ok: false,
  refusal: { code, params },
});

/** A PAI: at least one hour a week [issue 15], at most 40 [U], quarter hours; 1-3 operators. */
export function checkPlan(
  hoursPerWeek: number,
  operators: number,
  tasks: readonly string[],
): SocialResult<null> {
  if (!(hoursPerWeek > 0)) return fail('sad_hours_zero', { hours: hoursPerWeek });
  if (hoursPerWeek > 40 || !Number.isInteger(hoursPerWeek * 4))
    return fail('sad_hours_zero', { hours: hoursPerWeek });
  if (!Number.isInteger(operators) || operators < 1 || operators > 3)
    return fail('sad_operators_invalid', { operators });
  if (tasks.length === 0) return fail('sad_tasks_missing');
  return { ok: true, value: null };
}

/**
 * §10.1 (Cassano d'Adda): the hourly rate is per operator; the month's co-payment is hours used
 * × personalised hourly rate × operators, rounded to the cent (hours in quarters, so exact).
 */
export const sadCoPaymentCents = (hours: number, hourlyRateCents: number, operators: number): number =>
  Math.round(hours * hourlyRateCents * operators);

// ─── the waiting list ───

export interface WaitingCriteria {
  comune: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** places the comune funds at once; beyond them an application waits */
  capacity: number;
  livesAlone: number;
  /** points from this age on */
  ageFrom: number;
  age: number;
  l104Grave: number;
  l104: number;
  accompanyingAllowance: number;
  /** points when the ISEE (valid) is at most this */
  lowIseeCents: number;
  lowIsee: number;
  confidence: 'V' | 'K' | 'U';
  note: string;
}

/** [U] DEMO: Casale's regulation on SAD priorities is not known; typical criteria of §10.3. */
export const WAITING_CRITERIA: readonly WaitingCriteria[] = [
  {
    comune: 'B885',
    validFrom: '2026-01-01',
    validTo: null,
    capacity: 20,
    livesAlone: 30,
    ageFrom: 80,
    age: 20,
    l104Grave: 25,
    l104: 10,
    accompanyingAllowance: 15,
    lowIseeCents: 750_000,
    lowIsee: 10,
    confidence: 'U',
    note: 'DEMO: criteri e posti dimostrativi, da sostituire con il regolamento del comune',
  },
];

export function criteriaOn(comune: string, day: IsoDate): WaitingCriteria | null {
  return (
    WAITING_CRITERIA.find(
      (c) =>
        c.comune === comune &&
        compareIsoDates(c.validFrom, day) <= 0 &&
        (c.validTo === null || compareIsoDates(day, c.validTo) <= 0),
    ) ?? null
  );
}

export interface WaitingFacts {
  livesAlone: boolean;
  age: number;
  disability: Disability;
  /** null: no valid ISEE */
  iseeCents: number | null;
}

export interface ScoredCriterion {
  code: string;
  it: string;
  en: string;
  points: number;
}

/** The points of one applicant, criterion by criterion (shown to the supervisor). */
export function waitingPoints(c: WaitingCriteria, f: WaitingFacts): ScoredCriterion[] {
  const out: ScoredCriterion[] = [];
  if (f.livesAlone)
    out.push({ code: 'lives_alone', it: 'Vive solo', en: 'Lives alone', points: c.livesAlone });
  if (f.age >= c.ageFrom)
    out.push({
      code: 'age',
      it: `Età ${c.ageFrom} anni e oltre`,
      en: `Aged ${c.ageFrom} or more`,
      points: c.age,
    });
  if (f.disability.l104 === 'art3c3')
    out.push({ code: 'l104_grave', it: 'L. 104 art. 3 c.3', en: 'L. 104 art. 3(3)', points: c.l104Grave });
  else if (f.disability.l104 === 'art3c1')
    out.push({ code: 'l104', it: 'L. 104 art. 3 c.1', en: 'L. 104 art. 3(1)', points: c.l104 });
  if (f.disability.accompanyingAllowance)
    out.push({
      code: 'accompagnamento',
      it: 'Indennità di accompagnamento',
      en: 'Accompanying allowance',
      points: c.accompanyingAllowance,
    });
  if (f.iseeCents !== null && f.iseeCents <= c.lowIseeCents)
    out.push({
      code: 'low_isee',
      it: `ISEE fino a ${c.lowIseeCents / 100} euro`,
      en: `ISEE up to ${c.lowIseeCents / 100} euros`,
      points: c.lowIsee,
    });
  return out;
}

/** Order: more points first, then the earlier on the list, then the id (stable). */
export function compareWaiting(
  a: { points: number; since: IsoDate; id: string },
  b: { points: number; since: IsoDate; id: string },
): number {
  return b.points - a.points || compareIsoDates(a.since, b.since) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// ─── the provider's delivered hours ───

export interface HoursRow {
  line: number;
  month: string;
  codiceFiscale: string;
  hours: number;
  operators: number;
}

export interface HoursRejection {
  line: number;
  code: 'sad_hours_line_invalid';
  reason_it: string;
  reason_en: string;
}

const rejection = (line: number, it: string, en: string): HoursRejection => ({
  line,
  code: 'sad_hours_line_invalid',
  reason_it: it,
  reason_en: en,
});

/**
 * The provider's CSV `month;beneficiary CF;hours;operators` (a header line is allowed; hours
 * with a dot or a comma, in quarter hours, at most 744 = a month of 31 days). Every bad line is
 * reported by number; the good lines are returned. Whose CF it is, is for the hub to say.
 */
export function parseHoursCsv(text: string, month: string): { rows: HoursRow[]; rejected: HoursRejection[] } {
  const rows: HoursRow[] = [];
  const rejected: HoursRejection[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const l = raw.trim();
    if (l === '') return;
    const f = l.split(';').map((s) => s.trim());
    if (line === 1 && !/^\d{4}-\d{2}$/.test(f[0] ?? '')) return; // header
    if (f.length !== 4) {
      rejected.push(
        rejection(line, `attesi 4 campi, trovati ${f.length}`, `expected 4 fields, found ${f.length}`),
      );
      return;
    }
    const [m, cfRaw, h, o] = f as [string, string, string, string];
    if (m !== month) {
      rejected.push(rejection(line, `mese ${m} diverso da ${month}`, `month ${m} is not ${month}`));
      return;
    }
    const cf = cfRaw.toUpperCase();
    if (!/^[A-Z0-9]{16}$/.test(cf)) {
      rejected.push(
        rejection(
          line,
          `codice fiscale «${cfRaw.slice(0, 20)}» non valido`,
          `invalid codice fiscale “${cfRaw.slice(0, 20)}”`,
        ),
      );
      return;
    }
    const hours = /^\d{1,3}([.,]\d{1,2})?$/.test(h) ? Number(h.replace(',', '.')) : Number.NaN;
    if (!(hours > 0) || hours > 744 || !Number.isInteger(hours * 4)) {
      rejected.push(
        rejection(
          line,
          `ore «${h.slice(0, 12)}» non valide (quarti d’ora, da 0,25 a 744)`,
          `invalid hours “${h.slice(0, 12)}” (quarter hours, 0.25 to 744)`,
        ),
      );
      return;
    }
    const operators = /^[1-3]$/.test(o) ? Number(o) : Number.NaN;
    if (Number.isNaN(operators)) {
      rejected.push(
        rejection(
          line,
          `operatori «${o.slice(0, 6)}» non validi (da 1 a 3)`,
          `invalid operators “${o.slice(0, 6)}” (1 to 3)`,
        ),
      );
      return;
    }
    if (seen.has(cf)) {
      rejected.push(rejection(line, `${cf} già presente nel file`, `${cf} already in the file`));
      return;
    }
    seen.add(cf);
    rows.push({ line, month, codiceFiscale: cf, hours, operators });
  });
  return { rows, rejected };
}
