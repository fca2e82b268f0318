import type { Selectable } from 'kysely';

/**
 * The counter's mirror of the comune's canone applications (migration 2026_12_06_2300_canone):
 * the hub's record (shared/canone/canone-wire.ts `canoneApplicationRecordSchema`) as JSON, with
 * the columns the lists and the spot check search on beside it.
 */
export interface CanoneApplicationsTable {
  id: string;
  case_id: string;
  comune: string;
  status: string;
  /** zones.ts `streetKey` of "Via Roma": the spot check's and the street list's key */
  street_key: string;
  civic: string;
  start: string;
  end: string | null;
  /** the applicant when a resident of the registry */
  resident_id: string | null;
  submitted_at: string;
  record: string;
  /** 1 once the hub has sent the record back (its change log), 0 while only ours */
  confirmed: number;
}
export type CanoneApplicationRow = Selectable<CanoneApplicationsTable>;

export interface CanoneDeskTables {
  canone_applications: CanoneApplicationsTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends CanoneDeskTables {}
}
