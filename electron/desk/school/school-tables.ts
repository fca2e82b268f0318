import type { Selectable } from 'kysely';

/**
 * The counter's mirror of the school services (migration 2026_12_07_0000_school): the hub's
 * records (shared/school/school-wire.ts) as JSON, with the columns the lists search on beside them.
 */
export interface SchoolEnrolmentsTable {
  id: string;
  comune: string;
  school_year: string;
  service: string;
  child_cf: string;
  /** the child when a resident of the registry */
  child_resident_id: string | null;
  payer_cf: string;
  school_code: string;
  class_name: string;
  status: string;
  start_month: string;
  end_month: string | null;
  enrolled_at: string;
  record: string;
  /** 1 once the hub has sent the record back (its change log), 0 while only ours */
  confirmed: number;
}
export type SchoolEnrolmentRow = Selectable<SchoolEnrolmentsTable>;

/** A payer's account (entity `school_account`): only the hub writes it. */
export interface SchoolAccountsTable {
  id: string;
  payer_cf: string;
  payer_name: string;
  owed_cents: number;
  record: string;
}

/** Canteen absences marked at this counter (the hub bills them; kept to show them at once). */
export interface SchoolAbsencesTable {
  enrolment_id: string;
  day: string;
  at: string;
}

export interface SchoolDeskTables {
  school_enrolments: SchoolEnrolmentsTable;
  school_accounts: SchoolAccountsTable;
  school_absences: SchoolAbsencesTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends SchoolDeskTables {}
}
