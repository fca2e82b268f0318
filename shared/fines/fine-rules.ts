import { isWithin, type IsoDate } from '../calendar/iso-date';
import { FINE_ROUNDING, type RoundingMode } from '../money/cents';

/**
 * The procedural rules of a fine (term lengths, percentages) as dated parameters rather than
 * constants, because the law changes them (the 30% reduction itself only dates from
 * DL 69/2013) and DOMAIN.md marks some as uncertain. The set in force on the NOTIFICATION date
 * applies, since these rules govern the procedure that notification opens; the amounts follow
 * the violation date (tariffs.ts).
 */
export interface FineRules {
  validFrom: IsoDate;
  /** last day in force (inclusive); null while in force */
  validTo: IsoDate | null;
  /** art. 202 c.1 CdS: the minimum is reduced by this percentage … */
  reducedPercent: number;
  /** … if paid within this many days of contestation or notification */
  reducedDays: number;
  /** art. 202 c.1 CdS: the minimum within this many days */
  minimumDays: number;
  /**
   * CAD / compiuta giacenza (L. 890/1982 art. 8; DOMAIN.md §4.1): an envelope not collected is
   * deemed notified this many days after the deposit (the dispatch of the CAD notice).
   */
  cadPerfectedAfterDays: number;
  /** art. 203 c.1 CdS: appeal to the Prefetto */
  prefettoAppealDays: number;
  /** art. 204-bis CdS + D.Lgs. 150/2011 art. 7: appeal to the Giudice di Pace [U]: 30, one source says 60 */
  giudiceDiPaceAppealDays: number;
  /** the same for people residing abroad */
  giudiceDiPaceAppealDaysAbroad: number;
  /** art. 126-bis c.2 CdS: the owner gives the driver's data within this many days */
  driverIdentificationDays: number;
  /**
   * Whether a payment deadline falling on Saturday stands (true) or moves to the next working
   * day (false). Art. 2963 c.c. moves only deadlines falling on a holiday, and DOMAIN.md §4.1's
   * example (20 Dec 2025 → Saturday 27 Dec) keeps Saturday: default true. The Giudice di Pace
   * term is a court term and always moves off Saturday (art. 155 c.5 c.p.c.).
   */
  saturdayIsWorkingDay: boolean;
  /** rounding of the 30% reduction, half of the maximum and +1/3 */
  rounding: RoundingMode;
}

/**
 * Dated default. It starts in 2019 because that is as far back as the tariffs of DOMAIN.md go;
 * earlier fines are out of scope, not governed by other rules we know of.
 */
export const FINE_RULES: readonly FineRules[] = [
  {
    validFrom: '2019-01-01',
    validTo: null,
    reducedPercent: 30,
    reducedDays: 5,
    minimumDays: 60,
    cadPerfectedAfterDays: 10,
    prefettoAppealDays: 60,
    giudiceDiPaceAppealDays: 30,
    giudiceDiPaceAppealDaysAbroad: 60,
    driverIdentificationDays: 60,
    saturdayIsWorkingDay: true,
    rounding: FINE_ROUNDING,
  },
];

/** The rule set in force on `date`, or null (several matching sets: the latest starting one). */
export function fineRulesOn(date: IsoDate, table: readonly FineRules[] = FINE_RULES): FineRules | null {
  const matching = table.filter((r) => isWithin(date, r.validFrom, r.validTo));
  return matching.sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0] ?? null;
}
