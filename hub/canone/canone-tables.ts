import type { Selectable } from 'kysely';

/**
 * The canone unico at the hub, the authority (one partition per comune, column `comune`).
 * An application's whole wire record (shared/canone/canone-wire.ts) is kept as JSON in `record`
 * except its notices, which are rows of `canone_notices` (the yearly run adds them by the
 * thousand without rewriting records); the columns beside it are what the hub searches on.
 */
export interface CanoneApplicationsTable {
  id: string;
  comune: string;
  case_id: string;
  procedure_code: string;
  status: string;
  regime: string;
  category: string;
  /** the street as the registry writes it, "Via Roma": the spot and the list by street */
  street: string;
  civic: string;
  start_date: string;
  end_date: string | null;
  /** the declared measure in hundredths (12.5 m² → 1250): no float in an index */
  measure_hundredths: number;
  /** 0/1: a sign or advertising medium (on a wall: takes no room on the spot) */
  advertising: number;
  concession_number: string | null;
  verification_key: string | null;
  /** JSON CanoneApplicationRecord without its notices */
  record: string;
  workstation_id: string;
  updated_at: string;
}
export type CanoneApplicationRow = Selectable<CanoneApplicationsTable>;

/**
 * One pagoPA notice of a concession (aux 3, segregation code 47), unique per concession, year and
 * instalment: issuing the same year twice finds them and adds nothing. The same notice number is a
 * row of `debt_positions` (kind CANONE), which the cash desk collects and marks paid.
 */
export interface CanoneNoticesTable {
  comune: string;
  notice_number: string;
  application_id: string;
  year: number;
  instalment: number;
  of_count: number;
  iuv: string;
  amount_cents: number;
  due_date: string;
  /** 'open' | 'cancelled'; paid is the debt position's status */
  status: string;
  issued_at: string;
}
export type CanoneNoticeRow = Selectable<CanoneNoticesTable>;

/**
 * The IUV bases under segregation code 47, per comune: apart from the comune's own
 * `notice_counters` (its own segregation code), so the two series never meet.
 */
export interface CanoneNoticeCountersTable {
  comune: string;
  /** 13 digits, as text: beyond a JS number's safe range */
  last_base: string;
}

/** Concession numbers CUS-<Belfiore>-<year>-<n>: one sequence per comune and year, at the hub. */
export interface CanoneConcessionCountersTable {
  comune: string;
  year: number;
  last: number;
}

/** A request to the local police for a traffic ordinance, made by an approval. */
export interface CanonePoliceRequestsTable {
  id: string;
  comune: string;
  application_id: string;
  requested_on: string;
  /** 'open' | 'done' */
  status: string;
  created_at: string;
}

export interface CanoneHubTables {
  canone_applications: CanoneApplicationsTable;
  canone_notices: CanoneNoticesTable;
  canone_notice_counters: CanoneNoticeCountersTable;
  canone_concession_counters: CanoneConcessionCountersTable;
  canone_police_requests: CanonePoliceRequestsTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubDatabase extends CanoneHubTables {}
}
