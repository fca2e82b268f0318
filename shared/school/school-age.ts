import { compareIsoDates, isIsoDate, isoDate, parseIsoDate, type IsoDate } from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import type { Confidence } from '../isee/problems';
import type { SchoolYearLabel } from '../isee/tariff-engine';

/**
 * Who may be enrolled at each school level in a school year (1 September → 31 August),
 * by birth date. Ages count in the calendar year the school year starts (Y):
 * - infanzia: 3 by 31 December Y; early entry (anticipo) if 3 by 30 April Y+1; at most 5 in Y
 *   (who turns 6 in Y is of primaria age) [K: DPR 89/2009 art. 2];
 * - primaria: 6 by 31 December Y, early if 6 by 30 April Y+1; at most 11 in Y (repeaters) [K];
 * - secondaria di primo grado: at least 10 in Y (early entrants), at most 14 [K/U].
 * Kept as dated rows so a reform changes a row, not the code.
 */
export const SCHOOL_LEVELS = ['infanzia', 'primaria', 'secondaria_primo_grado'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export interface SchoolAgeRule {
  level: SchoolLevel;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** the age reached by 31 December of Y */
  minAge: number;
  /** early entry: `minAge` reached by this MM-DD of Y+1; null when there is none */
  earlyBy: string | null;
  /** the highest age reached in Y */
  maxAge: number;
  confidence: Confidence;
  note: string;
}

export const SCHOOL_AGE_RULES: readonly SchoolAgeRule[] = [
  {
    level: 'infanzia',
    validFrom: '2009-09-01',
    validTo: null,
    minAge: 3,
    earlyBy: '04-30',
    maxAge: 5,
    confidence: 'K',
    note: 'DPR 89/2009 art. 2: 3 by 31 December, early entry by 30 April',
  },
  {
    level: 'primaria',
    validFrom: '2009-09-01',
    validTo: null,
    minAge: 6,
    earlyBy: '04-30',
    maxAge: 11,
    confidence: 'K',
    note: 'DPR 89/2009 art. 4: 6 by 31 December, early entry by 30 April; 11 allows for repeaters',
  },
  {
    level: 'secondaria_primo_grado',
    validFrom: '2009-09-01',
    validTo: null,
    minAge: 10,
    earlyBy: null,
    maxAge: 14,
    confidence: 'U',
    note: 'our reading: 10 for early entrants, 14 for repeaters',
  },
];

export const SCHOOL_AGE_MESSAGES = {
  school_age_invalid: {
    it: 'Il bambino nato il {birthDate} non ha l’età per la scuola {levelName} nell’anno scolastico {schoolYear} (nati dal {earliest} al {latest}).',
    en: 'The child born on {birthDate} is not of age for {levelName} in school year {schoolYear} (born from {earliest} to {latest}).',
  },
} as const satisfies Record<'school_age_invalid', Record<Locale, string>>;

export const SCHOOL_LEVEL_NAMES: Record<SchoolLevel, Record<Locale, string>> = {
  infanzia: { it: 'dell’infanzia', en: 'pre-school' },
  primaria: { it: 'primaria', en: 'primary school' },
  secondaria_primo_grado: { it: 'secondaria di primo grado', en: 'lower secondary school' },
};

export interface SchoolAgeProblem {
  code: 'school_age_invalid';
  params: {
    birthDate: string;
    level: SchoolLevel;
    levelName: string;
    schoolYear: string;
    reason: 'too_young' | 'too_old' | 'bad_date' | 'bad_school_year';
    earliest: string;
    latest: string;
  };
}

/** '2026/27' for any day from 1 September 2026 to 31 August 2027. */
export function schoolYearOf(day: IsoDate): SchoolYearLabel {
  const parts = parseIsoDate(day);
  if (!parts) throw new RangeError(`Not an ISO calendar date: ${day}`);
  const start = parts.month >= 9 ? parts.year : parts.year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}` as SchoolYearLabel;
}

/** The first and last day of a school year label, or null when it is not one ('2026/28'). */
export function schoolYearDays(label: string): { start: IsoDate; end: IsoDate; startYear: number } | null {
  const m = /^(\d{4})\/(\d{2})$/.exec(label);
  if (!m) return null;
  const startYear = Number(m[1]);
  if ((startYear + 1) % 100 !== Number(m[2])) return null;
  return { start: isoDate(startYear, 9, 1), end: isoDate(startYear + 1, 8, 31), startYear };
}

/** The birth dates admitted, inclusive: the earliest (oldest child) and the latest (youngest, early entry included). */
export function admittedBirthDates(
  rule: SchoolAgeRule,
  startYear: number,
): { earliest: IsoDate; latest: IsoDate; latestRegular: IsoDate } {
  const latestRegular = isoDate(startYear - rule.minAge, 12, 31);
  let latest = latestRegular;
  if (rule.earlyBy) {
    const [mm, dd] = rule.earlyBy.split('-').map(Number);
    latest = isoDate(startYear + 1 - rule.minAge, mm ?? 4, dd ?? 30);
  }
  return { earliest: isoDate(startYear - rule.maxAge, 1, 1), latest, latestRegular };
}

function ruleFor(level: SchoolLevel, day: IsoDate): SchoolAgeRule | undefined {
  return SCHOOL_AGE_RULES.find(
    (r) =>
      r.level === level &&
      compareIsoDates(r.validFrom, day) <= 0 &&
      (r.validTo === null || compareIsoDates(day, r.validTo) <= 0),
  );
}

/** Whether the child enters early (anticipo), for the enrolment's record; null if not of age. */
export function isEarlyEntry(birthDate: IsoDate, level: SchoolLevel, schoolYear: string): boolean | null {
  if (schoolAgeProblem(birthDate, level, schoolYear) !== null) return null;
  const days = schoolYearDays(schoolYear);
  const rule = days ? ruleFor(level, days.start) : undefined;
  if (!days || !rule) return null;
  return compareIsoDates(birthDate, admittedBirthDates(rule, days.startYear).latestRegular) > 0;
}

/** null when the child may be enrolled at `level` in `schoolYear`; otherwise the problem. */
export function schoolAgeProblem(
  birthDate: IsoDate,
  level: SchoolLevel,
  schoolYear: string,
): SchoolAgeProblem | null {
  const days = schoolYearDays(schoolYear);
  const rule = days ? ruleFor(level, days.start) : undefined;
  const base = { birthDate, level, levelName: SCHOOL_LEVEL_NAMES[level].it, schoolYear };
  if (!days || !rule)
    return {
      code: 'school_age_invalid',
      params: { ...base, reason: 'bad_school_year', earliest: '', latest: '' },
    };
  const { earliest, latest } = admittedBirthDates(rule, days.startYear);
  const params = { ...base, earliest, latest };
  if (!isIsoDate(birthDate)) return { code: 'school_age_invalid', params: { ...params, reason: 'bad_date' } };
  if (compareIsoDates(birthDate, latest) > 0)
    return { code: 'school_age_invalid', params: { ...params, reason: 'too_young' } };
  if (compareIsoDates(birthDate, earliest) < 0)
    return { code: 'school_age_invalid', params: { ...params, reason: 'too_old' } };
  return null;
}
