import type { TariffTable } from '../../shared/isee/tariff-engine';
import { CASALE_DEMO_TABLES } from '../../shared/isee/schedules';

/**
 * The canteen and transport tariff tables the hub bills with: Casale's DEMO tables of
 * shared/isee/schedules.ts until the office loads the council's own (parseTariffCsv, checked
 * with the line on load). Both the enrolment and the monthly run read them from here, so a band
 * is the same wherever it is computed.
 */
export const schoolTariffTables = (): readonly TariffTable[] =>
  CASALE_DEMO_TABLES.filter((t) => t.service === 'mensa' || t.service === 'trasporto');
