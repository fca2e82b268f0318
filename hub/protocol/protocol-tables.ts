/**
 * The protocol register (DPR 445/2000 arts. 53-57): one yearly, gap-free sequence per comune
 * (the comune is the AOO), numbers assigned only here, inside the transaction that registers.
 */
export interface ProtocolCountersTable {
  comune: string;
  year: number;
  last_number: number;
}

export interface ProtocolRegisterTable {
  comune: string;
  year: number;
  number: number;
  /** Europe/Rome wall clock (letter b) */
  registered_at: string;
  direction: 'incoming' | 'outgoing' | 'internal';
  /** JSON array of names (letter c) */
  correspondents: string;
  /** letter d */
  subject: string;
  case_id: string | null;
  registered_by: string;
  /** art. 54: a cancellation keeps the row; these say when, who and on which act */
  cancelled_at: string | null;
  cancelled_by: string | null;
  /** JSON {act, reason} */
  cancellation: string | null;
}

/** Corrections of a non-automatic field: the old value is kept for ever with date and author. */
export interface ProtocolCorrectionsTable {
  id: string;
  comune: string;
  year: number;
  number: number;
  field: string;
  /** JSON of the old and new value */
  old_value: string;
  new_value: string;
  corrected_at: string;
  operator: string;
  reason: string;
}
