import type { TariffTable } from '../../shared/isee/tariff-engine';
import { TARIFF_TABLES } from '../../shared/isee/tariff-tables';

/** The canteen and transport tables of the comuni's tariff list (shared/isee/tariff-tables.ts). */
export const schoolTariffTables = (): readonly TariffTable[] =>
  TARIFF_TABLES.filter((t) => t.service === 'mensa' || t.service === 'trasporto');
