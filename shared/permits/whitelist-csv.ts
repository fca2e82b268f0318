import { compareIsoDates, isWithin, type IsoDate } from '../calendar/iso-date';
import { localDateOf } from '../protocol/local-date-time';
import { familyOf } from './permit-kinds';
import type { PermitRecord } from './permit-wire';

/**
 * The camera vendor's whitelist: the plates allowed through the ZTL gates on a day. Sosta
 * permits do not open the gates and are left out. One row per plate and permit:
 * `plate;country;kind;valid_from;valid_to`, dates as YYYY-MM-DD, or local date-times
 * (YYYY-MM-DDTHH:mm) for temporary tickets. Lines end with CRLF (RFC 4180), sorted, so two
 * files of the same permits are byte-identical and a delta is meaningful.
 */

export const WHITELIST_CSV_HEADER = 'plate;country;kind;valid_from;valid_to';

export interface WhitelistRow {
  plate: string;
  country: string;
  kind: string;
  validFrom: string;
  validTo: string;
}

/** Whether the permit may let a car through at some moment of day `on`. */
function onTheList(p: PermitRecord, on: IsoDate): boolean {
  if (familyOf(p.kind) === 'sosta') return false;
  if (!isWithin(on, p.validFrom, p.validTo)) return false;
  if (p.status === 'superseded') return false;
  // revoked during the day `on`: still on that day's list (passages before the revocation are
  // covered, and transit matching tells them apart); revoked before it: off
  if (p.status === 'revoked')
    return p.revokedAt !== null && compareIsoDates(localDateOf(p.revokedAt), on) >= 0;
  return true;
}

const rowKey = (r: WhitelistRow): string => [r.plate, r.country, r.kind, r.validFrom, r.validTo].join(';');

/** The whitelist rows for day `on`, sorted and without duplicates. */
export function whitelistRows(permits: readonly PermitRecord[], on: IsoDate): WhitelistRow[] {
  const rows = new Map<string, WhitelistRow>();
  for (const p of permits) {
    if (!onTheList(p, on)) continue;
    for (const { plate, country } of p.plates) {
      const row = {
        plate,
        country,
        kind: p.kind,
        validFrom: p.validFromAt ?? p.validFrom,
        validTo: p.validToAt ?? p.validTo,
      };
      rows.set(rowKey(row), row);
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

/** The CSV text the vendor imports for day `on`. */
export function whitelistCsv(permits: readonly PermitRecord[], on: IsoDate): string {
  const lines = [WHITELIST_CSV_HEADER, ...whitelistRows(permits, on).map(rowKey)];
  return `${lines.join('\r\n')}\r\n`;
}

/** Reads a whitelist file back (ours): header skipped, blank and short lines ignored. */
export function parseWhitelistCsv(text: string): WhitelistRow[] {
  return text
    .split(/\r\n|\n/)
    .slice(1)
    .map((line) => line.split(';'))
    .filter((cells) => cells.length === 5)
    .map(([plate = '', country = '', kind = '', validFrom = '', validTo = '']) => ({
      plate,
      country,
      kind,
      validFrom,
      validTo,
    }));
}

/**
 * What changed between two whitelists (rows or CSV text): rows to add and rows to remove. A
 * permit whose dates changed shows as one removal and one addition, which is what the vendor's
 * import needs.
 */
export function whitelistDelta(
  prev: readonly WhitelistRow[] | string,
  next: readonly WhitelistRow[] | string,
): { added: WhitelistRow[]; removed: WhitelistRow[] } {
  const before = typeof prev === 'string' ? parseWhitelistCsv(prev) : prev;
  const after = typeof next === 'string' ? parseWhitelistCsv(next) : next;
  const beforeKeys = new Set(before.map(rowKey));
  const afterKeys = new Set(after.map(rowKey));
  return {
    added: after.filter((r) => !beforeKeys.has(rowKey(r))),
    removed: before.filter((r) => !afterKeys.has(rowKey(r))),
  };
}
