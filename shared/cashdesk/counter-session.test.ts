import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../cases/case-model';
import { cents } from '../money/cents';
import type { CashdeskResult } from './cashdesk-errors';
import { PAYMENT_CHANNELS } from './cashdesk-messages';
import {
  applySessionEvent,
  canRecordEntry,
  cashDiscrepancy,
  closingTotals,
  openSession,
  tillEffectCents,
  type CounterSession,
  type SessionEntry,
} from './counter-session';

function value<T>(r: CashdeskResult<T>): T {
  if (!r.ok) throw new Error(`unexpected: ${r.error.reason} ${r.error.message.en}`);
  return r.value;
}
const reasonOf = (r: CashdeskResult<unknown>): string => (r.ok ? 'ok' : r.error.reason);

const ANNA: Actor = { id: 'a.bianchi', role: 'clerk' };
const LUCA: Actor = { id: 'l.verdi', role: 'clerk' };
const SARA: Actor = { id: 's.neri', role: 'supervisor' };
const PIETRO: Actor = { id: 'p.rosa', role: 'supervisor' };
const DAY = '2026-03-10';

const open = (existing: CounterSession[] = [], over: Partial<Parameters<typeof openSession>[0]> = {}) =>
  openSession(
    {
      id: 'S1',
      comune: 'B885',
      workstation: 'P1',
      clerk: ANNA,
      businessDate: DAY,
      openingFloatCents: 10000,
      at: `${DAY}T08:00`,
      ...over,
    },
    existing,
  );

const ENTRIES: SessionEntry[] = [
  { id: 'e1', kind: 'payment', channel: 'cash', amountCents: cents(4200) },
  { id: 'e2', kind: 'payment', channel: 'cash', amountCents: cents(12110) },
  { id: 'e3', kind: 'payment', channel: 'pos', amountCents: cents(17300) },
  { id: 'e4', kind: 'payment', channel: 'pagopa_notice', amountCents: cents(12050) },
  {
    id: 'e5',
    kind: 'refund',
    channel: 'cash',
    amountCents: cents(4200),
    refundMethod: 'cash',
    reverses: 'e1',
  },
  { id: 'e6', kind: 'refund', channel: 'pos', amountCents: cents(1000), refundMethod: 'pos', reverses: 'e3' },
];

describe('closingTotals', () => {
  it('totals by channel, reversals included, and the cash the till should hold', () => {
    const t = closingTotals(ENTRIES, cents(10000));
    expect(t.byChannel.cash).toEqual({
      paymentsCount: 2,
      paymentsCents: 16310,
      reversalsCount: 1,
      reversalsCents: 4200,
      netCents: 12110,
    });
    expect(t.byChannel.pos).toMatchObject({ paymentsCents: 17300, reversalsCents: 1000, netCents: 16300 });
    expect(t.byChannel.pagopa_notice).toMatchObject({
      paymentsCents: 12050,
      reversalsCount: 0,
      netCents: 12050,
    });
    expect(t).toMatchObject({
      paymentsCents: 45660,
      reversalsCents: 5200,
      netCents: 40460,
      openingFloatCents: 10000,
      cashInCents: 16310,
      cashOutCents: 4200,
      expectedCashCents: 10000 + 16310 - 4200,
    });
  });

  it('till effect: a cash payment refunded by bank transfer stays in the till; a corrected cash entry leaves it', () => {
    const transfer: SessionEntry = {
      id: 'r',
      kind: 'refund',
      channel: 'cash',
      amountCents: cents(500),
      refundMethod: 'bank_transfer',
      reverses: 'p',
    };
    const correction: SessionEntry = {
      id: 'c',
      kind: 'correction',
      channel: 'cash',
      amountCents: cents(500),
      reverses: 'p',
    };
    const posCorrection: SessionEntry = { ...correction, channel: 'pos' };
    expect([transfer, correction, posCorrection].map(tillEffectCents)).toEqual([0, -500, 0]);
    const t = closingTotals([
      { id: 'p', kind: 'payment', channel: 'cash', amountCents: cents(500) },
      transfer,
    ]);
    expect(t.byChannel.cash.netCents).toBe(0);
    expect(t.expectedCashCents).toBe(500);
  });

  it('empty session: the float only', () => {
    expect(closingTotals([], cents(5000)).expectedCashCents).toBe(5000);
  });

  it('refuses malformed stored amounts (programming error)', () => {
    expect(() =>
      closingTotals([{ id: 'x', kind: 'payment', channel: 'cash', amountCents: -1 as never }]),
    ).toThrow(RangeError);
  });

  it('property: the channel nets add up to payments − reversals, and expected cash = float + in − out', () => {
    const entry = fc.oneof(
      fc.record({
        id: fc.string(),
        kind: fc.constant('payment' as const),
        channel: fc.constantFrom(...PAYMENT_CHANNELS),
        amountCents: fc.integer({ min: 1, max: 10_000_000 }).map(cents),
      }),
      fc.record({
        id: fc.string(),
        kind: fc.constant('refund' as const),
        channel: fc.constantFrom(...PAYMENT_CHANNELS),
        amountCents: fc.integer({ min: 1, max: 10_000_000 }).map(cents),
        refundMethod: fc.constantFrom('cash' as const, 'pos' as const, 'bank_transfer' as const),
        reverses: fc.string(),
      }),
      fc.record({
        id: fc.string(),
        kind: fc.constant('correction' as const),
        channel: fc.constantFrom(...PAYMENT_CHANNELS),
        amountCents: fc.integer({ min: 1, max: 10_000_000 }).map(cents),
        reverses: fc.string(),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 40 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (entries, float) => {
          const t = closingTotals(entries, cents(float));
          const signed = entries.reduce(
            (s, e) => s + (e.kind === 'payment' ? e.amountCents : -e.amountCents),
            0,
          );
          const byChannel = PAYMENT_CHANNELS.reduce((s, c) => s + t.byChannel[c].netCents, 0);
          const till = entries.reduce((s, e) => s + tillEffectCents(e), 0);
          const counts = PAYMENT_CHANNELS.reduce(
            (s, c) => s + t.byChannel[c].paymentsCount + t.byChannel[c].reversalsCount,
            0,
          );
          return (
            byChannel === signed &&
            t.netCents === signed &&
            counts === entries.length &&
            t.expectedCashCents === float + t.cashInCents - t.cashOutCents &&
            t.expectedCashCents === float + till
          );
        },
      ),
    );
  });
});

describe('counter session state machine', () => {
  it('opens with a float ≥ 0, one session per clerk and day', () => {
    const s = value(open());
    expect(s).toMatchObject({ status: 'open', clerkId: ANNA.id, openingFloatCents: 10000, closing: null });
    expect(reasonOf(open([], { openingFloatCents: -1 }))).toBe('invalid_amount');
    expect(reasonOf(open([], { openingFloatCents: 10.5 }))).toBe('invalid_amount');
    expect(value(open([], { openingFloatCents: 0 })).openingFloatCents).toBe(0);
    const closed: CounterSession = { ...s, status: 'closed' };
    expect(reasonOf(open([closed], { id: 'S2', workstation: 'P2' }))).toBe('session_already_exists');
  });

  it('refuses a second open session on the workstation and a clerk’s unclosed earlier session', () => {
    const s = value(open());
    expect(reasonOf(open([s], { id: 'S2', clerk: LUCA }))).toBe('workstation_busy');
    expect(value(open([s], { id: 'S2', clerk: LUCA, workstation: 'P2' })).status).toBe('open');
    const yesterday: CounterSession = { ...s, id: 'S0', businessDate: '2026-03-09', workstation: 'P9' };
    const r = open([yesterday]);
    expect(reasonOf(r)).toBe('previous_session_open');
    expect(!r.ok && r.error.message.it).toContain('La cassa del 2026-03-09 (S0) non è stata chiusa');
    expect(reasonOf(open([{ ...yesterday, status: 'closed' }]))).toBe('ok');
    expect(reasonOf(open([], { at: '2026-03-11T08:00' }))).toBe('session_of_other_day');
    expect(reasonOf(open([], { clerk: { id: 'x', role: 'citizen' } }))).toBe('role_not_allowed');
  });

  it('open → closing (count) → closed (sign-off by another supervisor)', () => {
    const s = value(open());
    expect(reasonOf(canRecordEntry(s, ANNA, `${DAY}T09:00`))).toBe('ok');
    const counted = value(
      applySessionEvent(
        s,
        { type: 'count', countedCashCents: 22110, entries: ENTRIES },
        ANNA,
        `${DAY}T18:00`,
      ),
    );
    expect(counted.status).toBe('closing');
    expect(counted.closing).toMatchObject({ countedCashCents: 22110, discrepancyCents: 0, by: ANNA.id });
    expect(counted.closing?.totals.expectedCashCents).toBe(22110);
    expect(reasonOf(canRecordEntry(counted, ANNA, `${DAY}T18:05`))).toBe('illegal_session_step');
    const closed = value(applySessionEvent(counted, { type: 'sign_off' }, SARA, `${DAY}T18:30`));
    expect(closed).toMatchObject({ status: 'closed', signOff: { by: SARA.id, note: null } });
  });

  it('a closed session cannot change', () => {
    const s = value(open());
    const counted = value(
      applySessionEvent(
        s,
        { type: 'count', countedCashCents: 22110, entries: ENTRIES },
        ANNA,
        `${DAY}T18:00`,
      ),
    );
    const closed = value(applySessionEvent(counted, { type: 'sign_off' }, SARA, `${DAY}T18:30`));
    for (const event of [
      { type: 'count', countedCashCents: 0, entries: [] },
      { type: 'reopen' },
      { type: 'sign_off' },
    ] as const) {
      const r = applySessionEvent(closed, event, PIETRO, `${DAY}T19:00`);
      expect(reasonOf(r)).toBe('session_closed');
      expect(!r.ok && r.error.message.en).toContain('can no longer change');
    }
    expect(reasonOf(canRecordEntry(closed, ANNA, `${DAY}T19:00`))).toBe('session_closed');
  });

  it('discrepancy is counted − expected, signed, and needs a note before sign-off', () => {
    expect(cashDiscrepancy(cents(21900), cents(22110))).toBe(-210);
    expect(cashDiscrepancy(cents(22200), cents(22110))).toBe(90);
    const s = value(open());
    const short = value(
      applySessionEvent(
        s,
        { type: 'count', countedCashCents: 21900, entries: ENTRIES },
        ANNA,
        `${DAY}T18:00`,
      ),
    );
    expect(short.closing?.discrepancyCents).toBe(-210);
    const refused = applySessionEvent(short, { type: 'sign_off' }, SARA, `${DAY}T18:30`);
    expect(reasonOf(refused)).toBe('discrepancy_note_required');
    expect(!refused.ok && refused.error.message.it).toContain('-€ 2,10');
    const signed = value(
      applySessionEvent(
        short,
        { type: 'sign_off', note: 'resto errato a un cittadino' },
        SARA,
        `${DAY}T18:30`,
      ),
    );
    expect(signed.signOff?.note).toBe('resto errato a un cittadino');
    const surplus = value(
      applySessionEvent(
        s,
        {
          type: 'count',
          countedCashCents: 22200,
          entries: ENTRIES,
          note: 'moneta trovata sotto il cassetto',
        },
        ANNA,
        `${DAY}T18:00`,
      ),
    );
    expect(surplus.closing?.discrepancyCents).toBe(90);
    expect(reasonOf(applySessionEvent(surplus, { type: 'sign_off' }, SARA, `${DAY}T18:30`))).toBe('ok');
  });

  it('sign-off: a supervisor, never the session’s own clerk', () => {
    const supervisorsOwn = value(open([], { clerk: SARA }));
    const counted = value(
      applySessionEvent(
        supervisorsOwn,
        { type: 'count', countedCashCents: 10000, entries: [] },
        SARA,
        `${DAY}T18:00`,
      ),
    );
    expect(reasonOf(applySessionEvent(counted, { type: 'sign_off' }, SARA, `${DAY}T18:30`))).toBe(
      'own_session_sign_off',
    );
    expect(reasonOf(applySessionEvent(counted, { type: 'sign_off' }, LUCA, `${DAY}T18:30`))).toBe(
      'role_not_allowed',
    );
    expect(reasonOf(applySessionEvent(counted, { type: 'sign_off' }, PIETRO, `${DAY}T18:30`))).toBe('ok');
  });

  it('reopen and recount before sign-off; other clerks may not touch the session', () => {
    const s = value(open());
    const counted = value(
      applySessionEvent(s, { type: 'count', countedCashCents: 100, entries: [] }, ANNA, `${DAY}T17:00`),
    );
    const recounted = value(
      applySessionEvent(
        counted,
        { type: 'count', countedCashCents: 10000, entries: [] },
        ANNA,
        `${DAY}T17:05`,
      ),
    );
    expect(recounted.closing?.discrepancyCents).toBe(0);
    const reopened = value(applySessionEvent(recounted, { type: 'reopen' }, SARA, `${DAY}T17:10`));
    expect(reopened).toMatchObject({ status: 'open', closing: null });
    expect(reasonOf(applySessionEvent(s, { type: 'reopen' }, ANNA, `${DAY}T17:10`))).toBe(
      'illegal_session_step',
    );
    expect(reasonOf(applySessionEvent(s, { type: 'sign_off' }, SARA, `${DAY}T17:10`))).toBe(
      'illegal_session_step',
    );
    expect(
      reasonOf(
        applySessionEvent(s, { type: 'count', countedCashCents: 0, entries: [] }, LUCA, `${DAY}T17:10`),
      ),
    ).toBe('not_session_clerk');
    expect(reasonOf(canRecordEntry(s, LUCA, `${DAY}T10:00`))).toBe('not_session_clerk');
  });

  it('entries only on the session’s day, time never backwards', () => {
    const s = value(open());
    expect(reasonOf(canRecordEntry(s, ANNA, '2026-03-11T08:30'))).toBe('session_of_other_day');
    expect(reasonOf(canRecordEntry(s, ANNA, `${DAY}T07:59`))).toBe('time_goes_backwards');
    expect(reasonOf(canRecordEntry(s, ANNA, 'soon'))).toBe('invalid_timestamp');
    const counted = value(
      applySessionEvent(s, { type: 'count', countedCashCents: 10000, entries: [] }, ANNA, `${DAY}T18:00`),
    );
    expect(reasonOf(applySessionEvent(counted, { type: 'sign_off' }, SARA, `${DAY}T17:00`))).toBe(
      'time_goes_backwards',
    );
  });
});
