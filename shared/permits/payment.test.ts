import { describe, expect, it } from 'vitest';
import { permitPaymentOf } from './payment';

const number = 'PRM-B885-P1-2026-000007';

describe('how a permit fee was paid', () => {
  it('takes cash into a till under the permit’s number, or a pagoPA notice by its IUV', () => {
    expect(permitPaymentOf({ feeCents: 0, paymentRef: null, number })).toEqual({ way: 'free' });
    expect(permitPaymentOf({ feeCents: 3000, paymentRef: number, tillSessionId: 's-1', number })).toEqual({
      way: 'cash',
      tillSessionId: 's-1',
    });
    expect(permitPaymentOf({ feeCents: 3000, paymentRef: '01000000000000007', number })).toEqual({
      way: 'pagopa',
      iuv: '01000000000000007',
    });
  });

  it('refuses a fee said to be paid that the hub cannot see', () => {
    // a receipt number nobody issued, cash without a till, a till under another reference
    expect(permitPaymentOf({ feeCents: 3000, paymentRef: 'RIC-B885-P1-2026-000099', number })).toBeNull();
    expect(permitPaymentOf({ feeCents: 3000, paymentRef: number, number })).toBeNull();
    expect(permitPaymentOf({ feeCents: 3000, paymentRef: 'X', tillSessionId: 's-1', number })).toBeNull();
    expect(permitPaymentOf({ feeCents: 3000, paymentRef: null, number })).toBeNull();
    expect(permitPaymentOf({ feeCents: 3000, paymentRef: '301000000000000144', number })).toBeNull();
  });
});
