import { compareIsoDates, isoDate, yearOf, type IsoDate } from '../calendar/iso-date';
import { annualFeeAndSetting, type CanoneFee } from './fee';
import { noticeInstalments, type Instalment } from './instalments';
import type { CanoneProblem } from './problems';
import type { CanoneTables } from './tariffs';

/**
 * What a permanent concession owes for a calendar year: what the hub's yearly run calls for every
 * concession (50,000 of them), so it does only the fee arithmetic and a few table look-ups.
 *
 * Nothing is due (null) for a revoked concession, one that ended before 1 January of the year,
 * one that starts after the year, or a fee of zero (an own sign within 5 m²). Otherwise the fee is
 * `annualFee` at the tariff row in force on 1 January (on the first day for a concession starting
 * during the year: its first year, per the part-year rule) and its instalments on the year's due
 * dates. The approval's notice for the first year and a run for that same year compute the same
 * due: the caller keys notices by (concession, year) so the first year is never billed twice.
 * A concession whose data the rules refuse (no tariff row, unknown category) is reported, not
 * skipped in silence.
 */

export type ConcessionStatus = 'active' | 'ended' | 'revoked';

export interface PermanentConcessionFacts {
  comune: string;
  category: string;
  zone: string;
  measure: number;
  start: IsoDate;
  end: IsoDate | null;
  status: ConcessionStatus;
  ownSign?: boolean;
}

export type YearlyDue =
  | { ok: true; totalCents: number; instalments: Instalment[]; fee: CanoneFee }
  | { ok: false; error: CanoneProblem };

export function yearlyDue(
  concession: PermanentConcessionFacts,
  year: number,
  tables: CanoneTables = {},
): YearlyDue | null {
  if (concession.status === 'revoked') return null;
  // an ended concession without its end date: we cannot tell which years it covered
  if (concession.status === 'ended' && concession.end === null) return null;
  if (yearOf(concession.start) > year) return null;
  const firstOfYear = isoDate(year, 1, 1);
  if (concession.end !== null && compareIsoDates(concession.end, firstOfYear) < 0) return null;

  const result = annualFeeAndSetting(
    {
      comune: concession.comune,
      category: concession.category,
      regime: 'permanent',
      zone: concession.zone,
      measure: concession.measure,
      start: concession.start,
      end: concession.end,
      ownSign: concession.ownSign ?? false,
    },
    year,
    tables,
  );
  if (!result.ok) return { ok: false, error: result.error };
  const { fee, setting } = result.value;
  if (fee.totalCents === 0) return null;
  const startsInYear = compareIsoDates(concession.start, firstOfYear) > 0;
  const instalments = noticeInstalments(
    fee.totalCents,
    'permanent',
    startsInYear ? concession.start : year,
    setting,
  );
  return { ok: true, totalCents: fee.totalCents, instalments, fee };
}
