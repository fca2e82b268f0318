import type { Selectable } from 'kysely';
import type { DebtPositionWireKind } from '../../../../shared/cashdesk/wire';

/** The desk's fines, notices and cash desk tables (migration 2026_11_26_1500). Money in cents. */
export interface DeskVerbaliTable {
  key: string;
  number: string;
  series: string;
  plate: string;
  violation_date: string;
  violation_time: string;
  article: string;
  comma: string | null;
  violation_id: string | null;
  notification: string | null;
  notification_costs_cents: number;
  licence_points: number;
  driver_identified: number;
  notice_number: string;
  status: 'open' | 'paid';
  paid_receipt: string | null;
}
export type DeskVerbaleRow = Selectable<DeskVerbaliTable>;

export interface DeskDebtPositionsTable {
  notice_number: string;
  debtor_cf: string;
  description: string;
  kind: DebtPositionWireKind;
  amount_cents: number;
  due_date: string;
  instalment: number | null;
  status: 'open' | 'paid';
  paid_receipt: string | null;
}
export type DeskDebtPositionRow = Selectable<DeskDebtPositionsTable>;

export interface DeskPaymentsTable {
  id: string;
  /** null for another counter's payment */
  session_id: string | null;
  receipt_number: string;
  debt_kind: 'fine' | 'notice';
  debt_key: string;
  channel: 'pos' | 'cash' | 'pagopa_notice';
  amount_cents: number;
  psp_transaction_id: string | null;
  paid_at: string;
  clerk: string;
  workstation: string;
  /** pending: not yet at the hub */
  status: 'pending' | 'accepted' | 'duplicate';
  reversed_cents: number;
  refund_proposal: string | null;
  /** JSON breakdown printed on the receipt; ours only */
  breakdown: string | null;
  receipt_pdf: Uint8Array | null;
}
export type DeskPaymentRow = Selectable<DeskPaymentsTable>;

export interface DeskReversalsTable {
  id: string;
  payment_id: string;
  session_id: string;
  kind: 'refund' | 'correction';
  channel: 'pos' | 'cash' | 'pagopa_notice';
  amount_cents: number;
  refund_method: 'pos' | 'cash' | 'bank_transfer' | null;
  reason: string;
  requested_by: string;
  approved_by: string;
  at: string;
}

export interface DeskCounterSessionsTable {
  id: string;
  clerk: string;
  clerk_name: string;
  business_date: string;
  opening_float_cents: number;
  opened_at: string;
  status: 'open' | 'closing' | 'closed';
  /** JSON SessionClosing */
  closing: string | null;
  /** JSON SessionSignOff */
  sign_off: string | null;
  report_pdf: Uint8Array | null;
}
export type DeskCounterSessionRow = Selectable<DeskCounterSessionsTable>;

/** Diritti collected with a certificate: a cash line of the clerk's till (migration 2026_12_06_1630). */
export interface DeskCertificateFeesTable {
  id: string;
  session_id: string;
  certificate_id: string;
  channel: 'cash';
  amount_cents: number;
  paid_at: string;
  clerk: string;
}
export type DeskCertificateFeeRow = Selectable<DeskCertificateFeesTable>;

export interface CashdeskDeskTables {
  certificate_fees: DeskCertificateFeesTable;
  verbali: DeskVerbaliTable;
  debt_positions: DeskDebtPositionsTable;
  payments: DeskPaymentsTable;
  reversals: DeskReversalsTable;
  counter_sessions: DeskCounterSessionsTable;
}
