import type { IsoDate } from '../calendar/iso-date';
import { periodProblems, rowOn } from '../calendar/dated-rows';
import type { CashdeskSettings } from './payment';

/**
 * Per-comune, dated settings of the cash desk and of the comune's pagoPA positions.
 *
 * - `cashEnabled`: whether the counter may take cash outside pagoPA is [U] in DOMAIN.md §6.5 (it
 *   depends on the comune's treasury arrangement): a setting, off unless the comune says so.
 * - `segregationCode` and `enteFiscalCode` identify the comune's own notices (aux digit 3,
 *   DOMAIN.md §6.1). The values below are DEMO values [U]: replace them with those PagoPA S.p.A.
 *   assigned and the comune's codice fiscale before any real notice is printed.
 */
export interface ComuneCashdeskSetting extends CashdeskSettings {
  comune: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  segregationCode: string;
  enteFiscalCode: string;
}

export const COMUNE_CASHDESK_SETTINGS: readonly ComuneCashdeskSetting[] = [
  {
    comune: 'B885',
    validFrom: '2026-01-01',
    validTo: null,
    cashEnabled: true,
    cashLimitCents: null,
    segregationCode: '01',
    enteFiscalCode: '00190540062',
  },
];

/**
 * The setting in force for `comune` on `date`; a comune with none gets no cash and no notices of
 * its own. Two settings in force on the same day are a table error (see
 * `checkCashdeskSettings`): no guess, the comune gets none either.
 */
export function cashdeskSettingOn(
  comune: string,
  date: IsoDate,
  table: readonly ComuneCashdeskSetting[] = COMUNE_CASHDESK_SETTINGS,
): ComuneCashdeskSetting | null {
  const found = rowOn(table, (s) => s.comune === comune, date);
  return found.ok ? found.row : null;
}

/** Problems in a settings table (reversed or overlapping periods of one comune): one string each. */
export function checkCashdeskSettings(table: readonly ComuneCashdeskSetting[]): string[] {
  return periodProblems(table, (s) => s.comune);
}
