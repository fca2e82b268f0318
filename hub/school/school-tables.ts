import type { Selectable } from 'kysely';

/**
 * The school services at the hub, the authority (one partition per comune, column `comune`).
 * An enrolment's whole wire record (shared/school/school-wire.ts) is kept as JSON in `record`;
 * the columns beside it are what the billing run and the sibling rank read, no JSON parsing.
 */
export interface SchoolEnrolmentsTable {
  id: string;
  comune: string;
  school_year: string;
  service: string;
  child_cf: string;
  birth_date: string;
  payer_cf: string;
  /** the household the sibling rank counts in: the payer's registry family, or the payer's code */
  household: string;
  school_code: string;
  /** 0/1 from the registry: a child entered by hand is not resident */
  resident: number;
  start_month: string;
  /** the first month no longer billed, or null */
  end_month: string | null;
  status: string;
  record: string;
  workstation_id: string;
  updated_at: string;
}
export type SchoolEnrolmentRow = Selectable<SchoolEnrolmentsTable>;

/** A payer's ISEE statements, each with the month it applies from (history kept). */
export interface SchoolIseeTable {
  comune: string;
  payer_cf: string;
  from_month: string;
  /** JSON IseeStatement */
  statement: string;
  recorded_at: string;
}

/** Meals served, as the canteen operator's file says, per school, day and child. */
export interface SchoolAttendanceTable {
  comune: string;
  school_code: string;
  day: string;
  child_cf: string;
  meals: number;
  imported_at: string;
}

/** A canteen day marked absent at the counter: no meal billed that day. */
export interface SchoolAbsencesTable {
  comune: string;
  enrolment_id: string;
  day: string;
  at: string;
}

/**
 * A month billed to a payer: unique per payer and month, so a second run issues nothing new.
 * `lines` is JSON SchoolBillLine[]; `notice_number` null when the month netted to zero or less.
 */
export interface SchoolBillsTable {
  comune: string;
  payer_cf: string;
  month: string;
  notice_number: string | null;
  amount_cents: number;
  carried_cents: number;
  due_date: string | null;
  lines: string;
  billed_at: string;
}

/**
 * What was charged so far for an enrolment's month (first billing plus corrections): the next
 * month's run compares it with what the month is worth now and bills the difference.
 */
export interface SchoolChargedTable {
  comune: string;
  enrolment_id: string;
  month: string;
  meals: number;
  amount_cents: number;
}

export interface SchoolHubTables {
  school_enrolments: SchoolEnrolmentsTable;
  school_isee: SchoolIseeTable;
  school_attendance: SchoolAttendanceTable;
  school_absences: SchoolAbsencesTable;
  school_bills: SchoolBillsTable;
  school_charged: SchoolChargedTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubDatabase extends SchoolHubTables {}
}
