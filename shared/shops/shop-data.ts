import { rowOn, type DatedRow } from '../calendar/dated-rows';
import type { IsoDate } from '../calendar/iso-date';
import type { SourceStatus } from '../fines/tariffs';

/**
 * Dated per-comune data of commercio di vicinato (DOMAIN.md §11, §7.8). Status labels follow
 * DOMAIN.md: V found in a source, K background knowledge, U uncertain (to confirm per comune).
 */

/**
 * Residents of a comune, from a date. Which date's population decides the class of a shop is
 * not settled [U]: we take the figure in force on the event's effective date (the last ISTAT
 * figure the comune adopted), so a comune crossing 10,000 changes class on a known day.
 */
export interface PopulationRow extends DatedRow {
  comune: string;
  residents: number;
  status: SourceStatus;
  source: string;
}

export const POPULATION: readonly PopulationRow[] = [
  // Casale Monferrato: 34,812 in 2011, about 32.3k in 2024 (DOMAIN.md §7.8): above 10,000 both ways
  {
    comune: 'B885',
    validFrom: '2012-01-01',
    validTo: '2024-08-30',
    residents: 34_812,
    status: 'V',
    source: 'ISTAT census 2011',
  },
  {
    comune: 'B885',
    validFrom: '2024-08-31',
    validTo: null,
    residents: 32_282,
    status: 'V',
    source: 'residents on 31 Aug 2024',
  },
  {
    comune: 'A859',
    validFrom: '2012-01-01',
    validTo: null,
    residents: 43_818,
    status: 'V',
    source: 'ISTAT census 2011',
  },
  {
    comune: 'A794',
    validFrom: '2012-01-01',
    validTo: null,
    residents: 115_349,
    status: 'V',
    source: 'ISTAT census 2011',
  },
];

/**
 * The partner comuni around Casale all have fewer than 10,000 residents (DOMAIN.md §7.8): a
 * comune without a row is taken as small, the stricter class (150 m²), never the larger one.
 */
export const SMALL_COMUNE_DEFAULT_RESIDENTS = 9_999;

export function residentsOn(comune: string, date: IsoDate): { residents: number; status: SourceStatus } {
  const found = rowOn(POPULATION, (r) => r.comune === comune, date);
  if (found.ok) return { residents: found.row.residents, status: found.row.status };
  return { residents: SMALL_COMUNE_DEFAULT_RESIDENTS, status: 'U' };
}

/**
 * Fees of a filing, in cents, per comune and date. Codogno 2023 (DOMAIN.md §11.2): SCIA diritti
 * €40, ASL (ATS) €20 for food [V there]; Casale's own figures are not known [U]. The bollo of €16
 * on the SUAP filing [U]. Comunicazioni: no diritti found in the sources [U], kept at zero.
 */
export interface ShopFeeRow extends DatedRow {
  /** Belfiore code, or null for every comune without a row of its own */
  comune: string | null;
  sciaDirittiCents: number;
  aslFoodCents: number;
  bolloCents: number;
  comunicazioneDirittiCents: number;
  status: SourceStatus;
}

export const SHOP_FEES: readonly ShopFeeRow[] = [
  {
    comune: null,
    validFrom: '2023-01-01',
    validTo: null,
    sciaDirittiCents: 4_000,
    aslFoodCents: 2_000,
    bolloCents: 1_600,
    comunicazioneDirittiCents: 0,
    status: 'U',
  },
];

export function shopFeeRowOn(comune: string, date: IsoDate): ShopFeeRow | null {
  const own = rowOn(SHOP_FEES, (r) => r.comune === comune, date);
  if (own.ok) return own.row;
  const national = rowOn(SHOP_FEES, (r) => r.comune === null, date);
  return national.ok ? national.row : null;
}

/**
 * Suspension and resumption: Piedmont's rules (notice threshold, longest suspension before the
 * title lapses) are not known [U]; we treat both as comunicazioni, and the longest suspension as
 * one year, a comune's setting here.
 */
export interface SuspensionRow extends DatedRow {
  comune: string | null;
  asComunicazione: boolean;
  maxSuspensionDays: number;
  status: SourceStatus;
}

export const SUSPENSION_RULES: readonly SuspensionRow[] = [
  {
    comune: null,
    validFrom: '2000-01-01',
    validTo: null,
    asComunicazione: true,
    maxSuspensionDays: 365,
    status: 'U',
  },
];

export function suspensionRuleOn(comune: string, date: IsoDate): SuspensionRow {
  const own = rowOn(SUSPENSION_RULES, (r) => r.comune === comune, date);
  if (own.ok) return own.row;
  const national = rowOn(SUSPENSION_RULES, (r) => r.comune === null, date);
  if (national.ok) return national.row;
  return {
    comune: null,
    validFrom: date,
    validTo: null,
    asComunicazione: true,
    maxSuspensionDays: 365,
    status: 'U',
  };
}

/**
 * The health authority the SUAP forwards a food shop's notifica sanitaria to (Reg. CE 852/2004;
 * DOMAIN.md §11.2 "passed by the SUAP to the ASL"). Casale and the comuni around it are in the
 * province of Alessandria (ASL AL) [K]; Biella has ASL BI, Bergamo ATS Bergamo [K]; elsewhere the
 * name is the comune's to set [U].
 */
const HEALTH_AUTHORITIES: Record<string, string> = { A859: 'ASL BI', A794: 'ATS Bergamo' };
export const healthAuthorityOf = (comune: string): string => HEALTH_AUTHORITIES[comune] ?? 'ASL AL';
