import type { Selectable } from 'kysely';
import type { PermitColumns } from '../../shared/permits/permit-columns';

/**
 * The permits of every comune at the hub, the authority (one partition per comune, column
 * `comune`). A row holds every field of the wire record (shared/permits/permit-wire.ts
 * `permitRecordSchema`); plates are JSON on the row for the change log and, one row each, in
 * `permit_plates` for the camera check's indexed lookup.
 */
export interface PermitsTable extends PermitColumns {
  /** the workstation that issued it (for the supervisors' queue and statistics) */
  workstation_id: string;
  /** hub instant of the last change */
  updated_at: string;
}
export type PermitRow = Selectable<PermitsTable>;

/** One row per plate of a permit: the ZTL cameras' and wardens' check reads only this index. */
export interface PermitPlatesTable {
  permit_id: string;
  comune: string;
  plate: string;
  country: string;
}

export const TRANSIT_STATUSES = ['matched', 'unmatched', 'confirmed', 'dismissed'] as const;
export type TransitStatus = (typeof TRANSIT_STATUSES)[number];

/** Camera passages imported from the vendor's CSV, and the reviewer's decision on each. */
export interface PermitTransitsTable {
  id: string;
  comune: string;
  plate: string;
  country: string;
  /** wall clock in Italy (LocalDateTime) */
  at: string;
  gate: string;
  status: TransitStatus;
  /** why unmatched (transit-match.ts `UnmatchedReason`); null when matched */
  reason: string | null;
  /** the permit that covered it, or came closest */
  permit_id: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  /** confirmed: the verbale key it becomes in the fines import */
  verbale_key: string | null;
  imported_at: string;
}
export type PermitTransitRow = Selectable<PermitTransitsTable>;

/** The whitelist as sent on a day, so the next day's delta is against what the vendor has. */
export interface PermitWhitelistSnapshotsTable {
  comune: string;
  day: string;
  sha256: string;
  body: string;
  created_at: string;
}

export interface PermitFeesTable {
  permit_id: string;
  comune: string;
  workstation_id: string;
  session_id: string;
  amount_cents: number;
  paid_at: string;
  clerk: string;
}

export interface CudePlatformTable {
  permit_id: string;
  comune: string;
  code: string;
  /** JSON array of at most 2 `{ plate, country }`, in order of preference */
  plates: string;
  valid_to: string;
  status: 'registered' | 'withdrawn';
  updated_at: string;
}

export interface PermitHubTables {
  cude_platform: CudePlatformTable;
  permit_fees: PermitFeesTable;
  permits: PermitsTable;
  permit_plates: PermitPlatesTable;
  permit_transits: PermitTransitsTable;
  permit_whitelist_snapshots: PermitWhitelistSnapshotsTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubDatabase extends PermitHubTables {}
}
