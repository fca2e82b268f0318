import type { Selectable } from 'kysely';
import type { PermitColumns } from '../../../shared/permits/permit-columns';

/**
 * The counter's mirror of the comune's permits (migration 2026_12_06_2000_permits). The columns
 * are the wire record's (shared/permits/permit-wire.ts `permitRecordSchema`), plates in their
 * own table so a plate is one indexed lookup (the camera question, offline at the counter).
 */
export interface PermitsTable extends PermitColumns {
  /** 1 once the hub has sent the record back (its change log), 0 while only ours */
  confirmed: number;
}
export type PermitRow = Selectable<PermitsTable>;

/** One row per plate of a permit: the index the plate check reads. */
export interface PermitPlatesTable {
  permit_id: string;
  plate: string;
  country: string;
}

/** The printed documents of permits issued at this counter: A4 and the card-size pass. */
export interface PermitDocumentsTable {
  permit_id: string;
  pdf_a4: Uint8Array;
  pdf_card: Uint8Array;
  /** SHA-256 of the A4 PDF, hex */
  sha256: string;
  /** pagoPA notice number when the fee is paid by notice */
  notice_number: string | null;
}

/** The fee of a permit taken in cash at this counter: a line of the clerk's till. */
export interface PermitFeesTable {
  permit_id: string;
  session_id: string;
  amount_cents: number;
  paid_at: string;
  clerk: string;
}

export interface PermitDeskTables {
  permits: PermitsTable;
  permit_plates: PermitPlatesTable;
  permit_documents: PermitDocumentsTable;
  permit_fees: PermitFeesTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends PermitDeskTables {}
}
