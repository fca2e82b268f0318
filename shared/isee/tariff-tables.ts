import { CASALE_DEMO_TABLES } from './schedules';
import type { TariffTable } from './tariff-engine';

/**
 * The ISEE tariff tables the comuni charge with, for every service (canteen, transport, home
 * care): Casale's DEMO tables of schedules.ts until the office loads the council's own
 * (parseTariffCsv, checked with the line on load). The counter's live price and the hub's
 * enrolment, plan and monthly runs all read this one list, so a band is the same wherever it is
 * computed. The real schedules of other comuni in schedules.ts are test tables, not charged here.
 */
export const TARIFF_TABLES: readonly TariffTable[] = CASALE_DEMO_TABLES;
