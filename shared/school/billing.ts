import { isoDate, daysInMonth, type IsoDate } from '../calendar/iso-date';
import type { Fail } from '../isee/problems';
import { iseeOn, type IseeStatement } from '../isee/statement';
import { tableOn, tariffFor, type TariffTable } from '../isee/tariff-engine';
import type { SchoolBand, SchoolBillLine, SchoolService } from './school-wire';

/**
 * The school services' monthly billing rules (issue 15, DOMAIN.md §10.1), pure: the band of a
 * month, the sibling ranks of a household, what an enrolment's month is worth, and a payer's
 * month with the corrections of earlier months. No clock, no I/O; the hub feeds its own data.
 */

export const firstDayOf = (month: string): IsoDate => `${month}-01`;
export const lastDayOf = (month: string): IsoDate => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return isoDate(y, m, daysInMonth(y, m));
};
export const nextMonth = (month: string): string => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
export const monthOf = (day: string): string => day.slice(0, 7);

/** Months in force: from the start (inclusive) to the end (exclusive, null: the year's end). */
export const activeIn = (e: { startMonth: string; endMonth: string | null }, month: string): boolean =>
  e.startMonth <= month && (e.endMonth === null || month < e.endMonth);

export interface IseeHistoryEntry {
  fromMonth: string;
  statement: IseeStatement;
}

/** The statement in force for `month`: the latest one applying from that month or earlier. */
export function statementFor(history: readonly IseeHistoryEntry[], month: string): IseeStatement | null {
  let best: IseeHistoryEntry | null = null;
  for (const h of history)
    if (h.fromMonth <= month && (best === null || h.fromMonth > best.fromMonth)) best = h;
  return best?.statement ?? null;
}

/**
 * A change of ISEE applies from the month after the one it is recorded in (the comune's rule
 * for changes mid-year [U: comuni differ; some apply it from the day of filing]); never before
 * the enrolment's start.
 */
export const iseeFromMonth = (recordedOn: IsoDate, notBefore: string | null): string => {
  const next = nextMonth(monthOf(recordedOn));
  return notBefore !== null && notBefore > next ? notBefore : next;
};

/**
 * The first month no longer billed when a family withdraws on `day`: the month after, since the
 * meals eaten that month and a month's transport already started are due; a withdrawal on the
 * first of a month stops that month [U: the comune's regulation; some prorate transport].
 */
export const withdrawalFromMonth = (day: IsoDate): string =>
  day.endsWith('-01') ? monthOf(day) : nextMonth(monthOf(day));

export interface Sibling {
  id: string;
  household: string;
  birthDate: IsoDate;
  childCf: string;
}

/**
 * Sibling ranks within each household: 1 the eldest enrolled, 2 the next… (ranked by age, eldest
 * first [U: comuni differ; some discount the eldest]). The caller passes the enrolments of one
 * service and school year in force in the month; twins are ordered by tax code, so a rank is
 * always the same for the same children.
 */
export function siblingRanks(list: readonly Sibling[]): Map<string, number> {
  const byHousehold = new Map<string, Sibling[]>();
  for (const s of list) {
    const h = byHousehold.get(s.household);
    if (h) h.push(s);
    else byHousehold.set(s.household, [s]);
  }
  const out = new Map<string, number>();
  for (const group of byHousehold.values()) {
    group.sort((a, b) =>
      a.birthDate !== b.birthDate ? (a.birthDate < b.birthDate ? -1 : 1) : a.childCf < b.childCf ? -1 : 1,
    );
    group.forEach((s, i) => out.set(s.id, i + 1));
  }
  return out;
}

export interface BandInput {
  tables: readonly TariffTable[];
  comune: string;
  service: SchoolService;
  month: string;
  resident: boolean;
  siblingRank: number;
  statement: IseeStatement | null;
}

/**
 * The band and unit price of a month, from the tariff table in force on its first day. An
 * expired statement falls to the no-ISEE band and says so in `warning` (never silently).
 */
export function bandFor(input: BandInput): { ok: true; band: SchoolBand } | Fail {
  const day = firstDayOf(input.month);
  const table = tableOn(input.tables, input.comune, input.service, day);
  if (!table.ok) return table;
  const isee = iseeOn(input.statement, day);
  const choice = tariffFor(table.table, {
    iseeCents: isee.kind === 'valid' ? isee.valueCents : null,
    resident: input.resident,
    siblingRank: input.siblingRank,
  });
  if (!choice.ok) return choice;
  return {
    ok: true,
    band: {
      tableId: table.table.id.slice(0, 60),
      label: choice.bandLabel.slice(0, 120),
      chosenBy: choice.chosenBy,
      unitPriceCents: choice.unitPriceCents,
      unit: input.service === 'mensa' ? 'meal' : 'month',
      exempt: choice.exempt,
      iseeCents: isee.kind === 'valid' ? isee.valueCents : null,
      warning: isee.kind === 'none' && isee.reason === 'expired' ? isee.warning.it.slice(0, 200) : null,
    },
  };
}

/** What one enrolment's month is worth: meals × price for the canteen, the fee for transport. */
export function monthWorth(
  service: SchoolService,
  meals: number,
  band: SchoolBand,
): { meals: number; amountCents: number } {
  if (service === 'mensa') return { meals, amountCents: meals * band.unitPriceCents };
  return { meals: 0, amountCents: band.unitPriceCents };
}

export interface EnrolmentMonth {
  enrolmentId: string;
  childName: string;
  service: SchoolService;
  month: string;
  meals: number;
  band: SchoolBand;
}

export interface Charged {
  meals: number;
  amountCents: number;
}

/**
 * A payer's bill for `month`: a line per enrolment in force (meals × price, or the monthly fee),
 * then a correction line for every earlier month whose worth changed since it was billed (meals
 * imported late, an absence marked after, an ISEE recorded with effect back then), then the
 * credit carried from the previous month. Returns the lines and the month's total (may be ≤ 0).
 */
export function payerMonthLines(input: {
  month: string;
  current: readonly EnrolmentMonth[];
  /** earlier months as worth now, with what was charged for them */
  past: readonly { now: EnrolmentMonth; charged: Charged }[];
  carriedCents: number;
}): { lines: SchoolBillLine[]; totalCents: number } {
  const lines: SchoolBillLine[] = [];
  for (const e of input.current) {
    const w = monthWorth(e.service, e.meals, e.band);
    lines.push({
      enrolmentId: e.enrolmentId,
      childName: e.childName,
      kind: e.service,
      month: e.month,
      meals: e.service === 'mensa' ? w.meals : null,
      unitPriceCents: e.band.unitPriceCents,
      amountCents: w.amountCents,
      note: e.band.warning,
    });
  }
  for (const p of input.past) {
    const w = monthWorth(p.now.service, p.now.meals, p.now.band);
    const delta = w.amountCents - p.charged.amountCents;
    if (delta === 0) continue;
    const mealsDelta = w.meals - p.charged.meals;
    lines.push({
      enrolmentId: p.now.enrolmentId,
      childName: p.now.childName,
      kind: 'correzione',
      month: p.now.month,
      meals: p.now.service === 'mensa' ? Math.max(-100, Math.min(100, mealsDelta)) : null,
      unitPriceCents: p.now.band.unitPriceCents,
      amountCents: delta,
      note:
        delta < 0
          ? `Credito per ${p.now.month}: ${mealsDelta !== 0 ? `${mealsDelta} pasti` : 'tariffa ricalcolata'}`
          : `Conguaglio per ${p.now.month}: ${mealsDelta !== 0 ? `+${mealsDelta} pasti` : 'tariffa ricalcolata'}`,
    });
  }
  if (input.carriedCents !== 0) {
    lines.push({
      enrolmentId: 'riporto',
      childName: '',
      kind: 'correzione',
      month: input.month,
      meals: null,
      unitPriceCents: 0,
      amountCents: input.carriedCents,
      note: 'Credito riportato dal mese precedente',
    });
  }
  return { lines, totalCents: lines.reduce((s, l) => s + l.amountCents, 0) };
}

/** The notice's due date: the last day of the month after the one billed [U: the comune's regulation]. */
export const dueDateOf = (month: string): IsoDate => lastDayOf(nextMonth(month));
