import type { Selectable } from 'kysely';

/**
 * The comune's cases at the hub, the authority (one partition per comune, column `comune`).
 * The record (JSON, shared/cases/case-record.ts) is the truth; the columns beside it serve the
 * silence-assent job, the open-case check and the burden meter.
 */
export interface HubCasesTable {
  id: string;
  comune: string;
  procedure_code: string;
  status: string;
  /** 1 while the procedure's silence may still turn into consent (the daily job looks here) */
  silence_watch: number;
  /** the day the case was taken (intake), for the burden meter's months */
  opened_on: string;
  counter_seconds: number | null;
  visits: number;
  receipt_delivery: string;
  record: string;
  updated_at: string;
}
export type HubCaseRow = Selectable<HubCasesTable>;

export interface HubCasePersonsTable {
  comune: string;
  case_id: string;
  person_key: string;
}

/** Attachment contents by SHA-256, per comune (a comune never reads another's files). */
export interface HubCaseFilesTable {
  comune: string;
  sha256: string;
  content: Uint8Array;
  size: number;
  media_type: string;
  uploaded_at: string;
}

/** The comune's starting point for the burden meter (the -25% target is drawn from it). */
export interface CaseBaselinesTable {
  comune: string;
  procedure_code: string;
  counter_seconds: number;
  visits_x100: number;
  printed_pages_x100: number;
  set_on: string;
  set_by: string;
}
