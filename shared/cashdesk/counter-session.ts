import { can } from '../auth/policy';
import type { Actor } from '../cases/case-model';
import { compareIsoDates, isIsoDate, type IsoDate } from '../calendar/iso-date';
import { cents, isCents, ZERO_CENTS, type Cents } from '../money/cents';
import {
  compareLocalDateTimes,
  isLocalDateTime,
  localDateOf,
  type LocalDateTime,
} from '../protocol/local-date-time';
import { cashdeskFail, cashdeskOk, type CashdeskResult } from './cashdesk-errors';
import {
  PAYMENT_CHANNELS,
  type PaymentChannel,
  type RefundMethod,
  type SessionStatus,
  type SessionStep,
} from './cashdesk-messages';

export type { SessionStatus } from './cashdesk-messages';

/**
 * A counter session (sessione di cassa): one per clerk and business day, on one workstation.
 *
 *   open ──count──▶ closing ──sign_off──▶ closed
 *     ▲               │ ▲
 *     └────reopen─────┘ └─count (recount)
 *
 * - open: with an opening float (fondo cassa) in cents, ≥ 0. Payments and reversals are recorded
 *   only while open and only on the session's own day.
 * - count: the clerk (or a supervisor) enters the cash counted in the till; the totals by channel,
 *   the expected cash and the discrepancy are fixed from the session's entries. No entry can be
 *   added while closing, so what the supervisor signs is what was counted.
 * - reopen: back to open before sign-off (a citizen at the door, a miscount); the count is dropped.
 * - sign_off: a supervisor who is NOT the session's clerk checks the count and signs. Our choice,
 *   as a comune's cashier rules would expect: whoever handled the cash does not also certify it
 *   (four eyes, like the reversals). A comune with a single supervisor who also works a counter
 *   names a deputy for that day. A discrepancy (positive: surplus, negative: shortfall) is kept,
 *   never adjusted, and needs an explanation.
 * - closed: final. Every step is refused with `session_closed`; later corrections are reversing
 *   entries in a later session.
 *
 * The session's clerk may count and reopen; so may a supervisor (the clerk fell ill). Other
 * clerks may not.
 */

export interface CounterSession {
  id: string;
  /** Belfiore code */
  comune: string;
  workstation: string;
  clerkId: string;
  /** the civil day the session belongs to (Europe/Rome) */
  businessDate: IsoDate;
  status: SessionStatus;
  openingFloatCents: Cents;
  openedAt: LocalDateTime;
  /** set by `count`, dropped by `reopen` */
  closing: SessionClosing | null;
  /** set by `sign_off` */
  signOff: SessionSignOff | null;
}

export interface SessionClosing {
  at: LocalDateTime;
  by: string;
  countedCashCents: Cents;
  totals: ClosingTotals;
  /** counted − expected: positive surplus, negative shortfall */
  discrepancyCents: Cents;
  note: string | null;
}

export interface SessionSignOff {
  at: LocalDateTime;
  by: string;
  note: string | null;
}

/**
 * One movement of the session. A reversal (reversal.ts) carries the channel of the payment it
 * reverses, so channel totals are net of reversals; its till effect depends on how money moved.
 */
export type SessionEntry =
  | { id: string; kind: 'payment'; channel: PaymentChannel; amountCents: Cents }
  | {
      id: string;
      kind: 'refund';
      channel: PaymentChannel;
      amountCents: Cents;
      refundMethod: RefundMethod;
      reverses: string;
    }
  | { id: string; kind: 'correction'; channel: PaymentChannel; amountCents: Cents; reverses: string };

export interface ChannelTotals {
  paymentsCount: number;
  paymentsCents: Cents;
  reversalsCount: number;
  reversalsCents: Cents;
  /** payments − reversals; negative when the day refunded more than it took on the channel */
  netCents: Cents;
}

export interface ClosingTotals {
  byChannel: Readonly<Record<PaymentChannel, ChannelTotals>>;
  /** all channels */
  paymentsCents: Cents;
  reversalsCents: Cents;
  netCents: Cents;
  openingFloatCents: Cents;
  /** cash payments put in the till */
  cashInCents: Cents;
  /** cash taken out of the till: cash refunds, and corrections of cash payments (never there) */
  cashOutCents: Cents;
  /** float + cash in − cash out */
  expectedCashCents: Cents;
}

/** A till's rows as either side stores them (amounts as the driver returns them). */
export interface TillRows {
  payments: readonly { id: string; channel: PaymentChannel; amount_cents: number | string }[];
  /** certificate diritti: cash taken at the counter */
  fees: readonly { id: string; amount_cents: number | string }[];
  reversals: readonly {
    id: string;
    kind: 'refund' | 'correction';
    channel: PaymentChannel;
    amount_cents: number | string;
    refund_method: string | null;
    payment_id: string;
  }[];
}

/** The entries of a till, from its stored rows: the same on the desk (shown) and the hub (checked). */
export function tillEntries(rows: TillRows): SessionEntry[] {
  return [
    ...rows.payments.map((p) => ({
      id: p.id,
      kind: 'payment' as const,
      channel: p.channel,
      amountCents: cents(Number(p.amount_cents)),
    })),
    ...rows.fees.map((f) => ({
      id: f.id,
      kind: 'payment' as const,
      channel: 'cash' as const,
      amountCents: cents(Number(f.amount_cents)),
    })),
    ...rows.reversals.map((r): SessionEntry => {
      const base = {
        id: r.id,
        channel: r.channel,
        amountCents: cents(Number(r.amount_cents)),
        reverses: r.payment_id,
      };
      return r.kind === 'refund'
        ? { ...base, kind: 'refund', refundMethod: (r.refund_method ?? 'bank_transfer') as RefundMethod }
        : { ...base, kind: 'correction' };
    }),
  ];
}

/**
 * What an entry does to the till: a cash payment puts money in; a cash refund takes it out; a
 * correction of a cash payment removes money that was never really there (the entry was wrong).
 * A cash payment refunded by bank transfer stays in the till: the treasury pays the refund.
 */
export function tillEffectCents(entry: SessionEntry): number {
  switch (entry.kind) {
    case 'payment':
      return entry.channel === 'cash' ? entry.amountCents : 0;
    case 'refund':
      return entry.refundMethod === 'cash' ? -entry.amountCents : 0;
    case 'correction':
      return entry.channel === 'cash' ? -entry.amountCents : 0;
  }
}

function assertAmount(value: number, what: string): void {
  if (!isCents(value) || value < 0) throw new RangeError(`${what} must be whole cents ≥ 0: ${value}`);
}

/**
 * Totals of a session by channel, reversals included, and the cash the till should hold. Entries
 * come from storage, already validated: a negative or fractional amount is a programming error
 * and throws.
 */
export function closingTotals(
  entries: readonly SessionEntry[],
  openingFloatCents: Cents = ZERO_CENTS,
): ClosingTotals {
  assertAmount(openingFloatCents, 'opening float');
  const sums = Object.fromEntries(
    PAYMENT_CHANNELS.map((c) => [
      c,
      { paymentsCount: 0, paymentsCents: 0, reversalsCount: 0, reversalsCents: 0 },
    ]),
  ) as Record<
    PaymentChannel,
    { paymentsCount: number; paymentsCents: number; reversalsCount: number; reversalsCents: number }
  >;
  let cashIn = 0;
  let cashOut = 0;
  for (const entry of entries) {
    assertAmount(entry.amountCents, `entry ${entry.id}`);
    const sum = sums[entry.channel];
    if (entry.kind === 'payment') {
      sum.paymentsCount++;
      sum.paymentsCents += entry.amountCents;
    } else {
      sum.reversalsCount++;
      sum.reversalsCents += entry.amountCents;
    }
    const effect = tillEffectCents(entry);
    if (effect > 0) cashIn += effect;
    else cashOut -= effect;
  }
  const byChannel = Object.fromEntries(
    PAYMENT_CHANNELS.map((c) => {
      const s = sums[c];
      const totals: ChannelTotals = {
        paymentsCount: s.paymentsCount,
        paymentsCents: cents(s.paymentsCents),
        reversalsCount: s.reversalsCount,
        reversalsCents: cents(s.reversalsCents),
        netCents: cents(s.paymentsCents - s.reversalsCents),
      };
      return [c, totals];
    }),
  ) as Record<PaymentChannel, ChannelTotals>;
  const paymentsCents = PAYMENT_CHANNELS.reduce((t, c) => t + byChannel[c].paymentsCents, 0);
  const reversalsCents = PAYMENT_CHANNELS.reduce((t, c) => t + byChannel[c].reversalsCents, 0);
  return {
    byChannel,
    paymentsCents: cents(paymentsCents),
    reversalsCents: cents(reversalsCents),
    netCents: cents(paymentsCents - reversalsCents),
    openingFloatCents,
    cashInCents: cents(cashIn),
    cashOutCents: cents(cashOut),
    expectedCashCents: cents(openingFloatCents + cashIn - cashOut),
  };
}

/** counted − expected, signed: positive surplus (eccedenza), negative shortfall (ammanco). */
export function cashDiscrepancy(countedCashCents: Cents, expectedCashCents: Cents): Cents {
  return cents(countedCashCents - expectedCashCents);
}

// ---- opening -----------------------------------------------------------------------------------

export interface OpenSessionRequest {
  id: string;
  comune: string;
  workstation: string;
  clerk: Actor;
  businessDate: IsoDate;
  openingFloatCents: number;
  at: LocalDateTime;
}

/**
 * Opens a session, given the sessions storage knows of (this clerk's and this workstation's are
 * enough). One per clerk and day; none while the workstation has another session not closed
 * (one till, one person accountable); none while the clerk has a session of an earlier day not
 * closed (yesterday's cash is counted before today's mixes with it).
 */
export function openSession(
  request: OpenSessionRequest,
  existing: readonly CounterSession[],
): CashdeskResult<CounterSession> {
  const { clerk, businessDate, at } = request;
  if (!can(clerk.role, 'cashdesk.openSession')) {
    return cashdeskFail({ reason: 'role_not_allowed', step: 'open', role: clerk.role });
  }
  if (!isIsoDate(businessDate)) {
    return cashdeskFail({ reason: 'invalid_date', field: 'businessDate', value: String(businessDate) });
  }
  if (!isLocalDateTime(at))
    return cashdeskFail({ reason: 'invalid_timestamp', field: 'at', value: String(at) });
  if (localDateOf(at) !== businessDate) {
    return cashdeskFail({ reason: 'session_of_other_day', businessDate, date: localDateOf(at) });
  }
  if (!isCents(request.openingFloatCents) || request.openingFloatCents < 0) {
    return cashdeskFail({
      reason: 'invalid_amount',
      field: 'openingFloatCents',
      value: String(request.openingFloatCents),
    });
  }
  const sameDay = existing.find((s) => s.clerkId === clerk.id && s.businessDate === businessDate);
  if (sameDay) {
    return cashdeskFail({
      reason: 'session_already_exists',
      clerkId: clerk.id,
      businessDate,
      sessionId: sameDay.id,
    });
  }
  const earlier = existing.find(
    (s) =>
      s.clerkId === clerk.id && s.status !== 'closed' && compareIsoDates(s.businessDate, businessDate) < 0,
  );
  if (earlier) {
    return cashdeskFail({
      reason: 'previous_session_open',
      sessionId: earlier.id,
      businessDate: earlier.businessDate,
    });
  }
  const busy = existing.find((s) => s.workstation === request.workstation && s.status !== 'closed');
  if (busy) {
    return cashdeskFail({
      reason: 'workstation_busy',
      workstation: request.workstation,
      clerkId: busy.clerkId,
      sessionId: busy.id,
    });
  }
  return cashdeskOk({
    id: request.id,
    comune: request.comune,
    workstation: request.workstation,
    clerkId: clerk.id,
    businessDate,
    status: 'open',
    openingFloatCents: cents(request.openingFloatCents),
    openedAt: at,
    closing: null,
    signOff: null,
  });
}

// ---- steps ---------------------------------------------------------------------------------------

export type SessionEvent =
  | {
      type: 'count';
      countedCashCents: number;
      /** every entry of this session */
      entries: readonly SessionEntry[];
      note?: string | null;
    }
  | { type: 'reopen'; reason?: string | null }
  | { type: 'sign_off'; note?: string | null };

const STEP_OF: Record<SessionEvent['type'], SessionStep> = {
  count: 'count',
  reopen: 'reopen',
  sign_off: 'sign_off',
};

const ALLOWED_FROM: Record<SessionEvent['type'], readonly SessionStatus[]> = {
  count: ['open', 'closing'],
  reopen: ['closing'],
  sign_off: ['closing'],
};

function lastTimestamp(session: CounterSession): LocalDateTime {
  return session.closing?.at ?? session.openedAt;
}

const cleanNote = (note: string | null | undefined): string | null => {
  const text = (note ?? '').trim().replace(/\s+/g, ' ');
  return text === '' ? null : text;
};

function checkActor(session: CounterSession, actor: Actor, step: SessionStep): CashdeskResult<true> {
  if (step === 'sign_off') {
    if (!can(actor.role, 'cashdesk.closeSession'))
      return cashdeskFail({ reason: 'role_not_allowed', step, role: actor.role });
    if (actor.id === session.clerkId)
      return cashdeskFail({ reason: 'own_session_sign_off', actorId: actor.id });
    return cashdeskOk(true);
  }
  if (!can(actor.role, 'cashdesk.recordPayment')) {
    return cashdeskFail({ reason: 'role_not_allowed', step, role: actor.role });
  }
  // a clerk works in their own till; a supervisor may step in
  if (!can(actor.role, 'cashdesk.closeSession') && actor.id !== session.clerkId) {
    return cashdeskFail({ reason: 'not_session_clerk', actorId: actor.id, clerkId: session.clerkId });
  }
  return cashdeskOk(true);
}

/**
 * Whether an entry (payment or reversal) may be recorded in the session at `at`: open, and the
 * session's own day, by its clerk or a supervisor.
 */
export function canRecordEntry(
  session: CounterSession,
  actor: Actor,
  at: LocalDateTime,
): CashdeskResult<true> {
  if (session.status === 'closed') return cashdeskFail({ reason: 'session_closed', sessionId: session.id });
  if (session.status !== 'open') {
    return cashdeskFail({ reason: 'illegal_session_step', step: 'record', status: session.status });
  }
  const who = checkActor(session, actor, 'record');
  if (!who.ok) return who;
  if (!isLocalDateTime(at))
    return cashdeskFail({ reason: 'invalid_timestamp', field: 'at', value: String(at) });
  if (localDateOf(at) !== session.businessDate) {
    return cashdeskFail({
      reason: 'session_of_other_day',
      businessDate: session.businessDate,
      date: localDateOf(at),
    });
  }
  if (compareLocalDateTimes(at, session.openedAt) < 0) {
    return cashdeskFail({ reason: 'time_goes_backwards', at, last: session.openedAt });
  }
  return cashdeskOk(true);
}

/** Applies one step to a session and returns the new session. Never throws on what people do. */
export function applySessionEvent(
  session: CounterSession,
  event: SessionEvent,
  actor: Actor,
  at: LocalDateTime,
): CashdeskResult<CounterSession> {
  if (session.status === 'closed') return cashdeskFail({ reason: 'session_closed', sessionId: session.id });
  const step = STEP_OF[event.type];
  if (!ALLOWED_FROM[event.type].includes(session.status)) {
    return cashdeskFail({ reason: 'illegal_session_step', step, status: session.status });
  }
  const who = checkActor(session, actor, step);
  if (!who.ok) return who;
  if (!isLocalDateTime(at))
    return cashdeskFail({ reason: 'invalid_timestamp', field: 'at', value: String(at) });
  const last = lastTimestamp(session);
  if (compareLocalDateTimes(at, last) < 0) return cashdeskFail({ reason: 'time_goes_backwards', at, last });

  switch (event.type) {
    case 'count': {
      if (!isCents(event.countedCashCents) || event.countedCashCents < 0) {
        return cashdeskFail({
          reason: 'invalid_amount',
          field: 'countedCashCents',
          value: String(event.countedCashCents),
        });
      }
      const counted = cents(event.countedCashCents);
      const totals = closingTotals(event.entries, session.openingFloatCents);
      return cashdeskOk({
        ...session,
        status: 'closing',
        closing: {
          at,
          by: actor.id,
          countedCashCents: counted,
          totals,
          discrepancyCents: cashDiscrepancy(counted, totals.expectedCashCents),
          note: cleanNote(event.note),
        },
      });
    }
    case 'reopen':
      return cashdeskOk({ ...session, status: 'open', closing: null });
    case 'sign_off': {
      const closing = session.closing;
      if (closing === null)
        return cashdeskFail({ reason: 'illegal_session_step', step, status: session.status });
      const note = cleanNote(event.note);
      if (closing.discrepancyCents !== 0 && closing.note === null && note === null) {
        return cashdeskFail({
          reason: 'discrepancy_note_required',
          discrepancyCents: closing.discrepancyCents,
        });
      }
      return cashdeskOk({ ...session, status: 'closed', signOff: { at, by: actor.id, note } });
    }
  }
}
