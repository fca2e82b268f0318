import type { DebtPositionWireKind } from '../../../shared/cashdesk/wire';

/** Fines, notices and the cash desk at the hub (migration 2026_11_26_1500). Money in cents. */
export interface VerbaliTable {
  comune: string;
  key: string;
  number: string;
  series: string;
  plate: string;
  violation_date: string;
  violation_time: string;
  article: string;
  comma: string | null;
  violation_id: string | null;
  /** JSON VerbaleNotification, null while not notified */
  notification: string | null;
  notification_costs_cents: number;
  licence_points: number;
  /** 0/1 */
  driver_identified: number;
  notice_number: string;
  status: 'open' | 'paid';
  paid_receipt: string | null;
  imported_at: string;
}

export interface DebtPositionsTable {
  comune: string;
  notice_number: string;
  debtor_cf: string;
  description: string;
  kind: DebtPositionWireKind;
  amount_cents: number;
  due_date: string;
  instalment: number | null;
  status: 'open' | 'paid';
  paid_receipt: string | null;
  imported_at: string;
}

export interface NoticeCountersTable {
  comune: string;
  /** 13 digits, as text: beyond a JS number's safe range */
  last_base: string;
}

export interface PaymentsTable {
  id: string;
  comune: string;
  hub_seq: number;
  workstation_id: string;
  workstation: string;
  clerk: string;
  session_id: string;
  receipt_number: string;
  debt_kind: 'fine' | 'notice';
  debt_key: string;
  channel: 'pos' | 'cash' | 'pagopa_notice';
  amount_cents: number;
  psp_transaction_id: string | null;
  paid_at: string;
  status: 'accepted' | 'duplicate';
  reversed_cents: number;
  /** JSON {amountCents, method, reason, acceptedReceipt} for a duplicate */
  refund_proposal: string | null;
}

export interface ReversalsTable {
  id: string;
  comune: string;
  payment_id: string;
  session_id: string;
  kind: 'refund' | 'correction';
  amount_cents: number;
  refund_method: string | null;
  reason: string;
  requested_by: string;
  approved_by: string;
  at: string;
}

export interface CounterSessionsTable {
  id: string;
  comune: string;
  workstation_id: string;
  clerk: string;
  business_date: string;
  opening_float_cents: number;
  opened_at: string;
  status: 'open' | 'closed';
  counted_cash_cents: number | null;
  expected_cash_cents: number | null;
  discrepancy_cents: number | null;
  totals: string | null;
  note: string | null;
  signed_off_by: string | null;
  closed_at: string | null;
}

export interface CashdeskHubTables {
  verbali: VerbaliTable;
  debt_positions: DebtPositionsTable;
  notice_counters: NoticeCountersTable;
  payments: PaymentsTable;
  reversals: ReversalsTable;
  counter_sessions: CounterSessionsTable;
}
