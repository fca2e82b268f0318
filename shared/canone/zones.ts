import { rowOn, type DatedRow } from '../calendar/dated-rows';
import { isWithin, type IsoDate } from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import { ANY_COMUNE } from './categories';
import type { Confidence } from './problems';

/**
 * Tariff zones (DOMAIN.md §5.4: "category 1 main streets, category 2 secondary streets"), dated
 * per comune, with a coefficient in integer thousandths (0.8 → 800).
 *
 * DEMO DATA [U]. Casale: zone 1 = the centre (1.0), zone 2 = the rest of the town (0.8), zone 3
 * = the frazioni (0.6). Zone 1's streets are real central streets of Casale
 * (shared/data/casale_streets.tsv) but the list is NOT the comune's regulation, which DOMAIN.md
 * does not give. Partner comuni: one zone, coefficient 1.0 (the default row '*').
 */

export interface CanoneZoneRow extends DatedRow {
  /** Belfiore code, or '*' for every comune without its own zones */
  comune: string;
  zone: string;
  label: Record<Locale, string>;
  coefficientThousandths: number;
  confidence: Confidence;
}

export const SINGLE_ZONE = 'U';

export const CANONE_ZONES: readonly CanoneZoneRow[] = [
  {
    comune: 'B885',
    zone: '1',
    label: { it: 'Zona 1 – centro', en: 'Zone 1 – centre' },
    coefficientThousandths: 1000,
    validFrom: '2021-01-01',
    validTo: null,
    confidence: 'U',
  },
  {
    comune: 'B885',
    zone: '2',
    label: { it: 'Zona 2 – resto del concentrico', en: 'Zone 2 – rest of the town' },
    coefficientThousandths: 800,
    validFrom: '2021-01-01',
    validTo: null,
    confidence: 'U',
  },
  {
    comune: 'B885',
    zone: '3',
    label: { it: 'Zona 3 – frazioni', en: 'Zone 3 – hamlets (frazioni)' },
    coefficientThousandths: 600,
    validFrom: '2021-01-01',
    validTo: null,
    confidence: 'U',
  },
  {
    comune: ANY_COMUNE,
    zone: SINGLE_ZONE,
    label: { it: 'Zona unica', en: 'Single zone' },
    coefficientThousandths: 1000,
    validFrom: '2021-01-01',
    validTo: null,
    confidence: 'U',
  },
];

/** Which streets are in which zone, per comune (dated, like the zone rows). */
export interface CanoneStreetZoneRow extends DatedRow {
  comune: string;
  /** the full street name as the registry writes it: "Via Roma", "Piazza Mazzini" */
  street: string;
  zone: string;
}

/** Casale's zone-1 streets and squares (DEMO list, see above). */
const CASALE_CENTRE = [
  'Via Roma',
  'Piazza Mazzini',
  'Via Lanza',
  'Piazza Castello',
  'Via del Duomo',
  'Via Saffi',
  'Via Paleologi',
  'Via Alfieri',
  'Via Mameli',
  'Via Trevigi',
  'Piazza Santo Stefano',
  'Piazza San Francesco',
  'Via Cavour',
  'Piazza Statuto',
  'Piazza Cesare Battisti',
  'Via Magnocavallo',
  'Corso Indipendenza',
];

export const CANONE_STREET_ZONES: readonly CanoneStreetZoneRow[] = CASALE_CENTRE.map((street) => ({
  comune: 'B885',
  street,
  zone: '1',
  validFrom: '2021-01-01',
  validTo: null,
}));

/** The zone of a street in a frazione, and of the other streets, for comuni with zones. */
const ZONING: Readonly<Record<string, { frazione: string; other: string }>> = {
  B885: { frazione: '3', other: '2' },
};

/**
 * The comparable form of a street name: case, repeated spaces and the typographic apostrophe are
 * forgiven ("piazza  d’Armi" = "Piazza d'Armi"); abbreviations ("P.zza") are not, so a typo never
 * lands in a cheaper zone by a guess.
 */
export function streetKey(street: string): string {
  return street.toLocaleLowerCase('it').replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
}

export interface CanoneZoneTables {
  zones?: readonly CanoneZoneRow[];
  streetZones?: readonly CanoneStreetZoneRow[];
}

/** The zone row for `zone` in force for `comune` on `date` (or, without a date, the open-ended one). */
export function zoneRowOn(
  comune: string,
  zone: string,
  date: IsoDate | null,
  table: readonly CanoneZoneRow[] = CANONE_ZONES,
): CanoneZoneRow | null {
  const ownComune = table.some((r) => r.comune === comune);
  const key = ownComune ? comune : ANY_COMUNE;
  if (date === null) {
    return table.find((r) => r.comune === key && r.zone === zone && r.validTo === null) ?? null;
  }
  const found = rowOn(table, (r) => r.comune === key && r.zone === zone, date);
  return found.ok ? found.row : null;
}

export interface StreetZone {
  zone: string;
  /** the zone coefficient as a decimal (0.8); fee.ts uses the row's thousandths */
  coefficient: number;
  confidence: Confidence;
}

/**
 * The tariff zone of an occupation at `street` (the registry's full name, "Via Roma"), in
 * `frazione` (null or '' in the town itself). Casale: a listed street → its zone; any other
 * street in a frazione → zone 3; the rest → zone 2. A comune without zones: the single zone.
 * Whether the street exists in the comune is the caller's check (the street table), not this.
 * Null only when the zone has no row in force (a table error).
 */
export function zoneOfStreet(
  comune: string,
  street: string,
  frazione: string | null,
  onDate: IsoDate | null = null,
  tables: CanoneZoneTables = {},
): StreetZone | null {
  const zones = tables.zones ?? CANONE_ZONES;
  const streetZones = tables.streetZones ?? CANONE_STREET_ZONES;
  const zoning = ZONING[comune];
  let zone = SINGLE_ZONE;
  if (zoning) {
    const key = streetKey(street);
    const listed = streetZones.find(
      (r) =>
        r.comune === comune &&
        streetKey(r.street) === key &&
        (onDate === null ? r.validTo === null : isWithin(onDate, r.validFrom, r.validTo)),
    );
    const inFrazione = frazione !== null && frazione.trim() !== '';
    zone = listed ? listed.zone : inFrazione ? zoning.frazione : zoning.other;
  }
  const row = zoneRowOn(comune, zone, onDate, zones);
  if (!row) return null;
  return { zone, coefficient: row.coefficientThousandths / 1000, confidence: row.confidence };
}
