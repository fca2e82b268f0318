import type { DatedRow } from '../calendar/dated-rows';
import { isWithin, type IsoDate } from '../calendar/iso-date';

/**
 * Which streets are inside a ZTL or a resident-parking sector, per comune, dated (the perimeter
 * changes by ordinance).
 *
 * DEMO DATA. The streets are real streets of Casale's centro storico
 * (shared/data/casale_streets.tsv), but the perimeter and the sectors are NOT the comune's: the
 * ZTL ordinance's street list is not in DOMAIN.md. Replace the rows with the ordinance's list
 * before any real use. A street may be split by house numbers in reality; we match whole streets.
 */

export type ZoneKind = 'ztl' | 'sosta';

export interface ZoneStreetRow extends DatedRow {
  /** Belfiore code */
  comune: string;
  kind: ZoneKind;
  /** the zone or sector code printed on the permit */
  zone: string;
  /** "Via", "Piazza", … as in the registry address */
  streetType: string;
  streetName: string;
  demo: boolean;
}

export const CASALE_ZTL = 'ZTL-CENTRO';

const CASALE_ZTL_STREETS: readonly [string, string][] = [
  ['Via', 'Roma'],
  ['Piazza', 'Mazzini'],
  ['Via', 'Lanza'],
  ['Piazza', 'Castello'],
  ['Via', 'del Duomo'],
  ['Via', 'Saffi'],
  ['Via', 'Paleologi'],
  ['Via', 'Alfieri'],
  ['Via', 'Mameli'],
  ['Via', 'Trevigi'],
  ['Piazza', 'Santo Stefano'],
  ['Piazza', 'San Francesco'],
];

/** Paid-parking sectors around the ZTL (blue lines), also demo. */
const CASALE_SOSTA_STREETS: readonly [string, string, string][] = [
  ['A', 'Via', 'Cavour'],
  ['A', 'Piazza', 'Statuto'],
  ['A', 'Via', 'Magnocavallo'],
  ['B', 'Piazza', 'Venezia'],
  ['B', 'Piazza', 'Cesare Battisti'],
  ['B', 'Piazza', 'XXV Aprile'],
  ['B', 'Piazza', 'Coppa'],
];

export const ZONE_STREET_ROWS: readonly ZoneStreetRow[] = [
  ...CASALE_ZTL_STREETS.map(([streetType, streetName]) => ({
    comune: 'B885',
    kind: 'ztl' as const,
    zone: CASALE_ZTL,
    streetType,
    streetName,
    validFrom: '2017-01-01',
    validTo: null,
    demo: true,
  })),
  ...CASALE_SOSTA_STREETS.map(([sector, streetType, streetName]) => ({
    comune: 'B885',
    kind: 'sosta' as const,
    zone: `SOSTA-${sector}`,
    streetType,
    streetName,
    validFrom: '2017-01-01',
    validTo: null,
    demo: true,
  })),
];

/**
 * The comparable form of a street: case, repeated spaces and the typographic apostrophe are
 * forgiven ("piazza  d’Armi" = "Piazza d'Armi"); abbreviations ("P.zza") are not. The registry's
 * street names are clean, and a guess could put a street inside a ZTL it is not in.
 */
export function streetKey(streetType: string, streetName: string): string {
  return `${streetType} ${streetName}`
    .toLocaleLowerCase('it')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The zones a street belongs to on `onDate`: at most one ZTL and one sosta sector. */
export interface ZoneOf {
  ztl: string | null;
  sosta: string | null;
}

export function zoneOf(
  comune: string,
  street: { streetType: string; streetName: string },
  onDate: IsoDate,
  table: readonly ZoneStreetRow[] = ZONE_STREET_ROWS,
): ZoneOf {
  const key = streetKey(street.streetType, street.streetName);
  const rows = table.filter(
    (r) =>
      r.comune === comune &&
      streetKey(r.streetType, r.streetName) === key &&
      isWithin(onDate, r.validFrom, r.validTo),
  );
  return {
    ztl: rows.find((r) => r.kind === 'ztl')?.zone ?? null,
    sosta: rows.find((r) => r.kind === 'sosta')?.zone ?? null,
  };
}

/** The zone codes of a kind in force for `comune` on `onDate`, sorted. */
export function zonesOf(
  comune: string,
  kind: ZoneKind,
  onDate: IsoDate,
  table: readonly ZoneStreetRow[] = ZONE_STREET_ROWS,
): string[] {
  const zones = table
    .filter((r) => r.comune === comune && r.kind === kind && isWithin(onDate, r.validFrom, r.validTo))
    .map((r) => r.zone);
  return [...new Set(zones)].sort();
}
