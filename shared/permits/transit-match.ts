import { isIsoDate } from '../calendar/iso-date';
import { romeDateTimeOf } from '../calendar/rome-date';
import { compareLocalDateTimes, isLocalDateTime, type LocalDateTime } from '../protocol/local-date-time';
import { familyOf } from './permit-kinds';
import { permitStatusAt } from './in-force';
import type { PermitRecord, PermitVerificationStatus } from './permit-wire';
import { normalizeCountry, normalizePlate, parsePlate, samePlate } from './plate';
import { minutesBetweenLocal } from './validity';

/**
 * A day of ZTL camera transits against the permits: which passages were covered, and why each
 * other one was not, so the Polizia Locale reviews only the rest before any fine (the camera's
 * plate reading can be wrong, and a CUDE holder may report the car afterwards).
 *
 * After-the-fact reports: a CUDE holder travelling in a car not among the card's plates (a taxi,
 * a friend's car) reports its plate to the comune after the passage; a report covers passages in
 * the `reportHours` before it (48 by default [U]: each comune sets the term). A report made
 * before the passage does not count here [U].
 */

export interface Transit {
  plate: string;
  /** 'I' or ISO alpha-2; missing: Italy */
  country?: string | null;
  /** the camera's moment, wall clock in Italy */
  at: LocalDateTime;
  gate: string;
}

/** A CUDE holder's report of a plate used for a passage (after the fact). */
export interface CudeReport {
  plate: string;
  country?: string | null;
  /** the CUDE permit it is reported under */
  cudePermitId: string;
  reportedAt: LocalDateTime;
}

export const CUDE_REPORT_HOURS = 48;

export type UnmatchedReason =
  | 'plate_invalid'
  | 'no_permit'
  /** the plate has only permits that do not open the ZTL (sosta residenti) */
  | 'permit_not_for_ztl'
  /** a temporary ticket for the plate, but not at that time */
  | 'outside_window'
  | 'permit_revoked'
  | 'permit_expired'
  | 'permit_not_yet_valid'
  | 'permit_superseded'
  /** a CUDE report for the plate came later than `reportHours` after the passage */
  | 'report_too_late';

export interface MatchedTransit {
  transit: Transit;
  permitId: string;
  via: 'permit' | 'cude_report';
}

export interface UnmatchedTransit {
  transit: Transit;
  reason: UnmatchedReason;
  /** the permit that came closest, when there is one */
  permitId: string | null;
}

export interface MatchOptions {
  reports?: readonly CudeReport[];
  reportHours?: number;
}

/** Why a candidate permit did not cover the passage, worst news last. */
const STATUS_REASON: Record<Exclude<PermitVerificationStatus, 'valid'>, UnmatchedReason> = {
  superseded: 'permit_superseded',
  not_yet_valid: 'permit_not_yet_valid',
  expired: 'permit_expired',
  revoked: 'permit_revoked',
};
const REASON_RANK: UnmatchedReason[] = [
  'permit_superseded',
  'permit_not_yet_valid',
  'permit_expired',
  'permit_revoked',
  'outside_window',
];

export function matchTransits(
  transits: readonly Transit[],
  permits: readonly PermitRecord[],
  options: MatchOptions = {},
): { matched: MatchedTransit[]; unmatched: UnmatchedTransit[] } {
  const reports = options.reports ?? [];
  const windowMinutes = (options.reportHours ?? CUDE_REPORT_HOURS) * 60;
  const byId = new Map(permits.map((p) => [p.id, p]));
  const matched: MatchedTransit[] = [];
  const unmatched: UnmatchedTransit[] = [];

  for (const transit of transits) {
    const parsed = parsePlate(transit.plate, transit.country ?? undefined);
    if (!parsed.ok) {
      unmatched.push({ transit, reason: 'plate_invalid', permitId: null });
      continue;
    }
    const vehicle = { plate: parsed.plate, country: parsed.country };
    const withPlate = permits.filter((p) => p.plates.some((q) => samePlate(q, vehicle)));
    const opening = withPlate.filter((p) => familyOf(p.kind) !== 'sosta');
    const covering = opening.find((p) => permitStatusAt(p, transit.at) === 'valid');
    if (covering) {
      matched.push({ transit, permitId: covering.id, via: 'permit' });
      continue;
    }

    let reported: CudeReport | null = null;
    let lateReport: CudeReport | null = null;
    for (const r of reports) {
      if (!samePlate({ plate: r.plate, country: normalizeCountry(r.country) }, vehicle)) continue;
      const cude = byId.get(r.cudePermitId);
      if (!cude || familyOf(cude.kind) !== 'cude' || permitStatusAt(cude, transit.at) !== 'valid') continue;
      const after = minutesBetweenLocal(transit.at, r.reportedAt);
      if (after < 0) continue;
      if (after > windowMinutes) lateReport = r;
      else {
        reported = r;
        break;
      }
    }
    if (reported !== null) {
      matched.push({ transit, permitId: reported.cudePermitId, via: 'cude_report' });
      continue;
    }

    let reason: UnmatchedReason =
      withPlate.length > 0 && opening.length === 0 ? 'permit_not_for_ztl' : 'no_permit';
    let closest: string | null = null;
    for (const p of opening) {
      const status = permitStatusAt(p, transit.at);
      if (status === 'valid') continue;
      const temporaryMiss = p.validFromAt !== null && (status === 'expired' || status === 'not_yet_valid');
      const r = temporaryMiss ? 'outside_window' : STATUS_REASON[status];
      if (closest === null || REASON_RANK.indexOf(r) > REASON_RANK.indexOf(reason)) {
        reason = r;
        closest = p.id;
      }
    }
    if (lateReport !== null && closest === null) {
      reason = 'report_too_late';
      closest = lateReport.cudePermitId;
    }
    unmatched.push({ transit, reason, permitId: closest });
  }
  return { matched, unmatched };
}

// --- the vendor's CSV ---

export const TRANSITS_CSV_HEADER = 'plate;country;timestamp;gate';

export type TransitCsvErrorCode =
  'csv_header' | 'csv_columns' | 'plate_missing' | 'timestamp_invalid' | 'gate_missing';

export interface TransitCsvError {
  /** 1-based line number in the file */
  line: number;
  code: TransitCsvErrorCode;
  /** the offending text, for the clerk */
  value: string;
}

const ITALIAN_STAMP = /^(\d{2})\/(\d{2})\/(\d{4})[ T](\d{2}:\d{2}(?::\d{2})?)$/;
const OFFSET_STAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * The camera's timestamp as a local date-time: '2026-03-02T08:10:05', '2026-03-02 08:10:05',
 * '02/03/2026 08:10:05' (wall clock in Italy), or with a zone ('…Z', '…+01:00'), converted to
 * Italian time. Null when it is none of these.
 */
export function parseTransitTimestamp(raw: string): LocalDateTime | null {
  const text = raw.trim();
  const italian = ITALIAN_STAMP.exec(text);
  const candidate = italian
    ? `${italian[3]}-${italian[2]}-${italian[1]}T${italian[4]}`
    : text.replace(' ', 'T');
  if (isLocalDateTime(candidate)) return candidate;
  if (OFFSET_STAMP.test(text)) {
    const instant = new Date(text.replace(' ', 'T'));
    if (!Number.isNaN(instant.getTime()) && isIsoDate(text.slice(0, 10))) return romeDateTimeOf(instant);
  }
  return null;
}

/**
 * Reads the vendor's export: a header line `plate;country;timestamp;gate`, then one transit per
 * line, `;`-separated. A bad line is reported with its number and skipped: one bad line never
 * stops the file. A plate the camera misread is kept (normalised) and left to `matchTransits`,
 * which reports it as `plate_invalid` for a person to look at the photo.
 */
export function parseTransitsCsv(text: string): { transits: Transit[]; errors: TransitCsvError[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const transits: Transit[] = [];
  const errors: TransitCsvError[] = [];
  const header = (lines[0] ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s*;\s*/g, ';');
  if (header !== TRANSITS_CSV_HEADER) errors.push({ line: 1, code: 'csv_header', value: lines[0] ?? '' });
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (raw.trim() === '') return;
    const cells = raw.split(';').map((c) => c.trim());
    if (cells.length !== 4) {
      errors.push({ line, code: 'csv_columns', value: raw });
      return;
    }
    const [plateCell = '', countryCell = '', stampCell = '', gate = ''] = cells;
    const plate = normalizePlate(plateCell);
    if (plate === '') {
      errors.push({ line, code: 'plate_missing', value: raw });
      return;
    }
    const at = parseTransitTimestamp(stampCell);
    if (at === null) {
      errors.push({ line, code: 'timestamp_invalid', value: stampCell });
      return;
    }
    if (gate === '') {
      errors.push({ line, code: 'gate_missing', value: raw });
      return;
    }
    transits.push({ plate, country: normalizeCountry(countryCell), at, gate });
  });
  return { transits, errors };
}

/** Transits sorted by time, for a stable review list. */
export function byTime(a: Transit, b: Transit): number {
  return compareLocalDateTimes(a.at, b.at);
}
