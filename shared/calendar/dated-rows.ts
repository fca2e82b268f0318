import { compareIsoDates, isWithin, type IsoDate } from './iso-date';

/** A row of a dated table: in force from `validFrom` to `validTo` (inclusive; null while in force). */
export interface DatedRow {
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export type DatedLookup<R> =
  { ok: true; row: R } | { ok: false; reason: 'no_key' | 'not_in_force' | 'ambiguous' };

/** The one row matching `sameKey` in force on `date`; several is a table error, never a guess. */
export function rowOn<R extends DatedRow>(
  table: readonly R[],
  sameKey: (row: R) => boolean,
  date: IsoDate,
): DatedLookup<R> {
  const rows = table.filter(sameKey);
  if (rows.length === 0) return { ok: false, reason: 'no_key' };
  const matching = rows.filter((r) => isWithin(date, r.validFrom, r.validTo));
  const [row, ...others] = matching;
  if (!row) return { ok: false, reason: 'not_in_force' };
  if (others.length > 0) return { ok: false, reason: 'ambiguous' };
  return { ok: true, row };
}

/** Problems of periods within one key: reversed intervals and overlaps. One string each. */
export function periodProblems<R extends DatedRow>(table: readonly R[], keyOf: (row: R) => string): string[] {
  const problems: string[] = [];
  table.forEach((r, i) => {
    const key = keyOf(r);
    if (r.validTo !== null && compareIsoDates(r.validFrom, r.validTo) > 0) {
      problems.push(`${key}: validFrom after validTo`);
    }
    for (const other of table.slice(i + 1)) {
      if (keyOf(other) !== key) continue;
      const overlaps =
        (r.validTo === null || compareIsoDates(other.validFrom, r.validTo) <= 0) &&
        (other.validTo === null || compareIsoDates(r.validFrom, other.validTo) <= 0);
      if (overlaps) problems.push(`${key}: rows from ${r.validFrom} and ${other.validFrom} overlap`);
    }
  });
  return problems;
}
