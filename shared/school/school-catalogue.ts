import { holidaysOn } from '../calendar/holidays';
import { compareIsoDates, isoWeekday, type IsoDate } from '../calendar/iso-date';
import type { SchoolLevel, SchoolService } from './school-wire';

/**
 * The comune's schools, transport routes and school calendar, as dated data per school year.
 * Casale Monferrato's rows are DEMO values [U]: the real list comes from the comune's education
 * office each spring (schools and routes) and from the Regione's school calendar (Piemonte: DGR
 * each year), to which each school adds its own days off.
 */

export interface SchoolRow {
  comune: string;
  /** codice meccanografico of the plesso (demo codes) */
  code: string;
  name: string;
  level: SchoolLevel;
  services: readonly SchoolService[];
  /** the classes of the plesso: "1A", "2B", … */
  classes: readonly string[];
}

export interface RouteRow {
  comune: string;
  code: string;
  name: string;
  stops: readonly { code: string; name: string }[];
}

export interface SchoolCalendar {
  comune: string;
  schoolYear: string;
  /** first and last day of lessons (inclusive) */
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** days without lessons besides Saturdays, Sundays and public holidays (the Regione's breaks) */
  breaks: readonly { from: IsoDate; to: IsoDate; name: string }[];
  confidence: 'V' | 'K' | 'U';
  note: string;
}

const classes = (years: number, sections: string) =>
  Array.from({ length: years }, (_, i) => [...sections].map((s) => `${i + 1}${s}`)).flat();

/** DEMO [U]: Casale Monferrato (B885). */
export const SCHOOLS: readonly SchoolRow[] = [
  {
    comune: 'B885',
    code: 'ALAA80001',
    name: 'Infanzia «Valentino»',
    level: 'infanzia',
    services: ['mensa'],
    classes: ['SEZA', 'SEZB', 'SEZC'],
  },
  {
    comune: 'B885',
    code: 'ALEE80001',
    name: 'Primaria «Dante Alighieri»',
    level: 'primaria',
    services: ['mensa', 'trasporto'],
    classes: classes(5, 'ABC'),
  },
  {
    comune: 'B885',
    code: 'ALEE80002',
    name: 'Primaria «Galileo Ferraris»',
    level: 'primaria',
    services: ['mensa', 'trasporto'],
    classes: classes(5, 'AB'),
  },
  {
    comune: 'B885',
    code: 'ALMM80001',
    name: 'Secondaria I grado «Leardi»',
    level: 'secondaria_primo_grado',
    services: ['mensa', 'trasporto'],
    classes: classes(3, 'ABCD'),
  },
];

/** DEMO [U]: the school bus routes of Casale and their stops. */
export const ROUTES: readonly RouteRow[] = [
  {
    comune: 'B885',
    code: 'L1',
    name: 'Linea 1 – Frazioni nord',
    stops: [
      { code: 'L1-01', name: 'Terranova, piazza' },
      { code: 'L1-02', name: 'Popolo, chiesa' },
      { code: 'L1-03', name: 'Roncaglia' },
    ],
  },
  {
    comune: 'B885',
    code: 'L2',
    name: 'Linea 2 – Frazioni sud',
    stops: [
      { code: 'L2-01', name: 'San Germano' },
      { code: 'L2-02', name: 'Casale Popolo' },
      { code: 'L2-03', name: 'Oltreponte' },
    ],
  },
];

/** DEMO [U]: the 2026/27 calendar as Piemonte usually sets it (start mid-September, end early June). */
export const SCHOOL_CALENDARS: readonly SchoolCalendar[] = [
  {
    comune: 'B885',
    schoolYear: '2026/27',
    firstDay: '2026-09-14',
    lastDay: '2027-06-09',
    breaks: [
      { from: '2026-11-02', to: '2026-11-02', name: 'Commemorazione dei defunti' },
      { from: '2026-12-23', to: '2027-01-06', name: 'Vacanze di Natale' },
      { from: '2027-02-15', to: '2027-02-17', name: 'Carnevale' },
      { from: '2027-03-25', to: '2027-03-30', name: 'Vacanze di Pasqua' },
    ],
    confidence: 'U',
    note: 'DEMO: dates modelled on the Piemonte calendar; to be replaced with the DGR of the year',
  },
];

export const schoolsOf = (comune: string): SchoolRow[] => SCHOOLS.filter((s) => s.comune === comune);
export const routesOf = (comune: string): RouteRow[] => ROUTES.filter((r) => r.comune === comune);
export const calendarOf = (comune: string, schoolYear: string): SchoolCalendar | null =>
  SCHOOL_CALENDARS.find((c) => c.comune === comune && c.schoolYear === schoolYear) ?? null;

export type NoSchoolReason = 'outside_year' | 'weekend' | 'holiday' | 'break' | 'no_calendar';

/**
 * Whether lessons (and so meals) are held on `day`: inside the year, Monday to Friday, not a
 * public holiday of the comune (national or patron, shared/calendar) nor a school break.
 */
export function noSchoolReason(comune: string, schoolYear: string, day: IsoDate): NoSchoolReason | null {
  const cal = calendarOf(comune, schoolYear);
  if (!cal) return 'no_calendar';
  if (compareIsoDates(day, cal.firstDay) < 0 || compareIsoDates(day, cal.lastDay) > 0) return 'outside_year';
  if (isoWeekday(day) > 5) return 'weekend';
  if (holidaysOn(day, comune).length > 0) return 'holiday';
  if (cal.breaks.some((b) => compareIsoDates(day, b.from) >= 0 && compareIsoDates(day, b.to) <= 0))
    return 'break';
  return null;
}

/** The school year a month belongs to: September–August ("2026-10" → "2026/27"). */
export function schoolYearOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const start = m >= 9 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Billable months of a school year: September to June. */
export function monthsOfSchoolYear(schoolYear: string): string[] {
  const start = Number(schoolYear.slice(0, 4));
  const out: string[] = [];
  for (let m = 9; m <= 12; m++) out.push(`${start}-${String(m).padStart(2, '0')}`);
  for (let m = 1; m <= 6; m++) out.push(`${start + 1}-${String(m).padStart(2, '0')}`);
  return out;
}
