import type { IsoDate } from '../../../shared/calendar/iso-date';
import type { Locale } from '../../../shared/i18n/locale';
import { TARIFF_TABLES } from '../../../shared/isee/tariff-tables';
import { iseeOn } from '../../../shared/isee/statement';
import { tableOn, tariffFor } from '../../../shared/isee/tariff-engine';
import type { SocialIsee } from '../../../shared/social/social-wire';
import { iseeRefusal } from './social-request';

/** The SAD tariffs the counter prices with: the same list the hub recomputes the plan with. */
const SAD_TABLES = TARIFF_TABLES;

export interface SadRate {
  /** per hour and operator: the PAI's personalised rate (the hub bills hours × rate × operators) */
  hourlyRateCents: number;
  /** per hour with all the plan's operators */
  allOperatorsCents: number;
  operators: number;
  bandLabel: string;
  chosenBy: 'isee' | 'no_isee' | 'non_resident';
  exempt: boolean;
  /** an expired ISEE priced as none, said aloud (issue 15: never silently) */
  warning: string | null;
  lines: string[];
  source: string;
  uncertain: boolean;
}

/**
 * The personalised hourly co-payment (DOMAIN.md §10.3 step 5, §10.1 Cassano d'Adda): the comune's
 * SAD table in force on the day, the band of the beneficiary's ISEE valid that day (an expired
 * one counts as none, with the warning), × operators where the table is per operator. The hub
 * recomputes the same from its data and refuses a plan whose rate differs.
 */
export function sadRate(
  comune: string,
  isee: SocialIsee | null,
  operators: number,
  day: IsoDate,
  locale: Locale,
): SadRate {
  const table = tableOn(SAD_TABLES, comune, 'sad', day);
  if (!table.ok) throw iseeRefusal(table.error);
  const valid = iseeOn(isee, day);
  const choice = tariffFor(table.table, {
    iseeCents: valid.kind === 'valid' ? valid.valueCents : null,
    resident: true,
    operators,
  });
  if (!choice.ok) throw iseeRefusal(choice.error);
  return {
    hourlyRateCents: choice.bandPriceCents,
    allOperatorsCents: choice.unitPriceCents,
    operators: choice.operators,
    bandLabel: choice.bandLabel,
    chosenBy: choice.chosenBy,
    exempt: choice.exempt,
    warning: valid.kind === 'none' && valid.reason === 'expired' ? valid.warning[locale] : null,
    lines: choice.lines.map((l) => l[locale]),
    source: table.table.source,
    uncertain: table.table.confidence !== 'V',
  };
}

/** A month at a weekly rhythm: hours × 52 weeks / 12 months × rate (all operators), to the cent. */
export const monthlyEstimateCents = (hoursPerWeek: number, allOperatorsCents: number): number =>
  Math.round((hoursPerWeek * allOperatorsCents * 52) / 12);
