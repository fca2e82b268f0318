import type { IsoDate } from '../calendar/iso-date';
import { cents, type Cents } from '../money/cents';
import { periodProblems, rowOn, type DatedLookup } from '../calendar/dated-rows';

/**
 * Diritti di segreteria on registry certificates, a PER-COMUNE dated setting (DOMAIN.md §1.4):
 * €0.52 on a certificate issued with bollo, €0.26 on one in carta libera [V, 2020s, many comuni];
 * some comuni charge none (Foligno abolished them) — a row with both amounts at 0.
 *
 * The two amounts are the euro conversion (at 1,936.27 lire) of the lire 1,000 / 500 of
 * Tabella D annexed to L. 604/1962 [K], hence the 2002 start of Casale's row. Casale's amounts
 * follow DOMAIN.md §14 fact 7 and the brief; the comune's council resolution is not in DOMAIN.md:
 * confirm it, and add a row (closing this one with `validTo`) when the comune changes them.
 * Other comuni are not listed: a comune with no row gets a configuration error, never a guess.
 */
export interface DirittiSetting {
  /** Belfiore code (DOMAIN.md §7.8) */
  comune: string;
  comuneName: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** on a certificate issued with bollo */
  withBolloCents: Cents;
  /** on a certificate issued exempt from bollo (carta libera) */
  exemptCents: Cents;
  source: string;
}

export const DIRITTI_SETTINGS: readonly DirittiSetting[] = [
  {
    comune: 'B885',
    comuneName: 'Casale Monferrato',
    validFrom: '2002-01-01',
    validTo: null,
    withBolloCents: cents(52),
    exemptCents: cents(26),
    source: 'DOMAIN.md §1.4 and §14 fact 7 (L. 604/1962 Tabella D) — confirm with the comune',
  },
];

export function dirittiSettingOn(
  comune: string,
  date: IsoDate,
  table: readonly DirittiSetting[] = DIRITTI_SETTINGS,
): DatedLookup<DirittiSetting> {
  return rowOn(table, (s) => s.comune === comune, date);
}

export function checkDirittiTable(table: readonly DirittiSetting[]): string[] {
  const problems = periodProblems(table, (s) => s.comune);
  for (const s of table) {
    for (const [field, value] of [
      ['withBolloCents', s.withBolloCents],
      ['exemptCents', s.exemptCents],
    ] as const) {
      if (!Number.isSafeInteger(value) || value < 0) {
        problems.push(`${s.comune} from ${s.validFrom}: ${field} must be non-negative whole cents`);
      }
    }
  }
  return problems;
}
