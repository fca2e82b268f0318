import type { Selectable } from 'kysely';

/**
 * The counter's mirror of the comune's cases. The record (JSON, shared/cases/case-record.ts) is
 * the truth; the columns beside it are what the queue filters and sorts on, kept in step by the
 * single writer (case-store.ts).
 */
export interface CasesTable {
  id: string;
  comune: string;
  procedure_code: string;
  office: string;
  status: string;
  /** 1 while submitted and undecided (OPEN_STATUSES): the queue's default scope */
  is_open: number;
  subject: string;
  applicant_id: string | null;
  applicant_name: string;
  assignee: string | null;
  created_at: string;
  created_by: string;
  /** '2026/0000123'; null = awaiting protocol (taken offline, numbered at sync) */
  protocol: string | null;
  received_on: string | null;
  due_date: string;
  amber_from: string;
  term_days: number;
  /** the day due_date was computed: a running suspension moves it every day */
  deadline_asof: string;
  concluded_on: string | null;
  handling_days: number | null;
  last_event_at: string;
  counter_seconds: number | null;
  visits: number;
  receipt_delivery: string;
  /** key into case_procedures: the catalogue version the case runs under */
  procedure_key: string;
  /** JSON CaseRecord without the procedure (kept once per version in case_procedures) */
  record: string;
}
export type CaseRow = Selectable<CasesTable>;

/** Catalogue versions the local cases run under (tempus regit actum), stored once each. */
export interface CaseProceduresTable {
  key: string;
  definition: string;
}

/** Who each case is about: resident ids and codici fiscali, for "already in an open case". */
export interface CasePersonsTable {
  case_id: string;
  person_key: string;
}

/** Attachment contents by SHA-256 (content-addressed: the same scan attached twice is stored once). */
export interface CaseFilesTable {
  sha256: string;
  content: Uint8Array;
  size: number;
  media_type: string;
  /** 1 once the hub has it (uploaded before the mutation that references it is pushed) */
  at_hub: number;
}
