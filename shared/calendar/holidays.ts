import type { Locale } from '../i18n/locale';
import { easterSunday } from './easter';
import { addDays, compareIsoDates, isoDate, isWithin, yearOf, type IsoDate } from './iso-date';

/**
 * Public holidays ("giorni festivi") as dated data. The national list comes from L. 27 May 1949
 * n. 260 art. 2 as amended by L. 54/1977 (which abolished several religious holidays),
 * DPR 792/1985 (Epiphany back from 1986), L. 336/2000 (2 June back from 2001) and L. 151/2025
 * (4 October, San Francesco d'Assisi, national holiday from 2026). Every Sunday is also a
 * holiday (L. 260/1949 art. 2); working-days.ts handles Sundays, this table only named days.
 *
 * The table is complete from NATIONAL_HOLIDAYS_COMPLETE_FROM: before 1986 it lacks the holidays
 * L. 54/1977 abolished (19 March, Ascension, Corpus Domini, 29 June, 4 November).
 */

export type HolidayDateRule =
  | { kind: 'fixed'; month: number; day: number }
  /** days after Easter Sunday: 0 Easter, 1 Easter Monday */
  | { kind: 'easter'; offsetDays: number };

export interface HolidayRule {
  id: string;
  name: Record<Locale, string>;
  date: HolidayDateRule;
  /** first day the rule applies (inclusive) */
  validFrom: IsoDate;
  /** last day the rule applies (inclusive); null while in force */
  validTo: IsoDate | null;
  law: string;
}

export const NATIONAL_HOLIDAYS_COMPLETE_FROM: IsoDate = '1986-01-01';

const L260 = 'L. 260/1949 art. 2';
const SINCE_1949 = '1949-05-27';

export const NATIONAL_HOLIDAYS: readonly HolidayRule[] = [
  {
    id: 'capodanno',
    name: { it: 'Capodanno', en: "New Year's Day" },
    date: { kind: 'fixed', month: 1, day: 1 },
    validFrom: SINCE_1949,
    validTo: null,
    law: L260,
  },
  {
    id: 'epifania',
    name: { it: 'Epifania', en: 'Epiphany' },
    date: { kind: 'fixed', month: 1, day: 6 },
    validFrom: '1986-01-01',
    validTo: null,
    law: 'DPR 792/1985 (abolished by L. 54/1977, restored from 1986)',
  },
  {
    id: 'pasqua',
    name: { it: 'Pasqua', en: 'Easter Sunday' },
    date: { kind: 'easter', offsetDays: 0 },
    validFrom: SINCE_1949,
    validTo: null,
    law: L260,
  },
  {
    id: 'pasquetta',
    name: { it: "Lunedì dell'Angelo", en: 'Easter Monday' },
    date: { kind: 'easter', offsetDays: 1 },
    validFrom: SINCE_1949,
    validTo: null,
    law: L260,
  },
  {
    id: 'liberazione',
    name: { it: 'Festa della Liberazione', en: 'Liberation Day' },
    date: { kind: 'fixed', month: 4, day: 25 },
    validFrom: SINCE_1949,
    validTo: null,
    law: L260,
  },
  {
    id: 'lavoro',
    name: { it: 'Festa del Lavoro', en: 'Labour Day' },
    date: { kind: 'fixed', month: 5, day: 1 },
    validFrom: SINCE_1949,
    validTo: null,
    law: L260,
  },
  {
    id: 'repubblica',
    name: { it: 'Festa della Repubblica', en: 'Republic Day' },
    date: { kind: 'fixed', month: 6, day: 2 },
    validFrom: '2001-01-01',
    validTo: null,
    law: 'L. 336/2000 (moved to a Sunday 1977-2000 by L. 54/1977)',
  },
  {
    id: 'ferragosto',
    name: { it: 'Assunzione (Ferragosto)', en: 'Assumption Day' },
    date: { kind: 'fixed', month: 8, day: 15 },
    validFrom: SINCE_1949,
    validTo: null,
    law: L260,
  },
  {
    id: 'san-francesco',
    name: { it: "San Francesco d'Assisi, patrono d'Italia", en: 'Saint Francis of Assisi' },
    date: { kind: 'fixed', month: 10, day: 4 },
    validFrom: '2026-01-01',
    validTo: null,
    law: 'L. 151/2025 (GU n. 236/2025), in force from 1 January 2026',
  },
  {
    id: 'ognissanti',
    name: { it: 'Ognissanti', en: "All Saints' Day" },
    date: { kind: 'fixed', month: 11, day: 1 },
    validFrom: SINCE_1949,
    validTo: null,
    law: L260,
  },
  {
    id: 'immacolata',
    name: { it: 'Immacolata Concezione', en: 'Immaculate Conception' },
    date: { kind: 'fixed', month: 12, day: 8 },
    validFrom: SINCE_1949,
    validTo: null,
    law: L260,
  },
  {
    id: 'natale',
    name: { it: 'Natale', en: 'Christmas Day' },
    date: { kind: 'fixed', month: 12, day: 25 },
    validFrom: SINCE_1949,
    validTo: null,
    law: L260,
  },
  {
    id: 'santo-stefano',
    name: { it: 'Santo Stefano', en: "St Stephen's Day" },
    date: { kind: 'fixed', month: 12, day: 26 },
    validFrom: SINCE_1949,
    validTo: null,
    law: L260,
  },
];

export interface PatronSaint {
  /** Belfiore code of the comune (DOMAIN.md §7.8) */
  comune: string;
  comuneName: string;
  saint: Record<Locale, string>;
  month: number;
  day: number;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/**
 * The patron saint's day is a holiday in that comune only. DOMAIN.md lists no patron saints;
 * only Casale Monferrato's is recorded here. Biella (A859), Bergamo (A794) and the partner
 * comuni are left out on purpose: add each one from the comune's own statute or calendar (or
 * pass `patronSaints` in the calendar options) rather than from memory.
 */
export const PATRON_SAINTS: readonly PatronSaint[] = [
  {
    comune: 'B885',
    comuneName: 'Casale Monferrato',
    saint: { it: "Sant'Evasio", en: 'Saint Evasius' },
    month: 11,
    day: 12,
    validFrom: SINCE_1949,
    validTo: null,
  },
];

export interface Holiday {
  date: IsoDate;
  id: string;
  name: Record<Locale, string>;
  scope: 'national' | 'patron';
}

export interface HolidayTables {
  nationalHolidays?: readonly HolidayRule[];
  patronSaints?: readonly PatronSaint[];
}

function dateOfRule(rule: HolidayDateRule, year: number): IsoDate {
  return rule.kind === 'fixed'
    ? isoDate(year, rule.month, rule.day)
    : addDays(easterSunday(year), rule.offsetDays);
}

/** Every named holiday of `year` (national, plus the comune's patron), sorted by date. */
export function holidaysInYear(year: number, comune?: string, tables: HolidayTables = {}): Holiday[] {
  const national = tables.nationalHolidays ?? NATIONAL_HOLIDAYS;
  const patrons = tables.patronSaints ?? PATRON_SAINTS;
  const found: Holiday[] = [];
  for (const rule of national) {
    const date = dateOfRule(rule.date, year);
    if (isWithin(date, rule.validFrom, rule.validTo)) {
      found.push({ date, id: rule.id, name: rule.name, scope: 'national' });
    }
  }
  if (comune !== undefined) {
    for (const patron of patrons) {
      if (patron.comune !== comune) continue;
      const date = isoDate(year, patron.month, patron.day);
      if (isWithin(date, patron.validFrom, patron.validTo)) {
        found.push({ date, id: `patrono-${patron.comune}`, name: patron.saint, scope: 'patron' });
      }
    }
  }
  return found.sort((a, b) => compareIsoDates(a.date, b.date));
}

/** The named holidays falling on `date` (usually none or one; 26 Dec in a comune of Santo Stefano: two). */
export function holidaysOn(date: IsoDate, comune?: string, tables: HolidayTables = {}): Holiday[] {
  return holidaysInYear(yearOf(date), comune, tables).filter((h) => h.date === date);
}

/**
 * Whether `date` is a named public holiday: national, or the patron saint of `comune` (Belfiore
 * code) when one is given. Sundays are not "named" holidays: see `isWorkingDay`.
 */
export function isHoliday(date: IsoDate, comune?: string, tables: HolidayTables = {}): boolean {
  return holidaysOn(date, comune, tables).length > 0;
}
