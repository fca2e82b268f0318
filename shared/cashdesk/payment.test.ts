import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents';
import type { CashdeskResult } from './cashdesk-errors';
import { validatePayment, type CashdeskSettings, type PaymentRequest } from './payment';

const reasonOf = (r: CashdeskResult<unknown>): string => (r.ok ? 'ok' : r.error.reason);
const CASH_ON: CashdeskSettings = { cashEnabled: true };
const CASH_OFF: CashdeskSettings = { cashEnabled: false };
const DUE = cents(12110);
const base = { amountCents: 12110, amountDueCents: DUE };

describe('validatePayment', () => {
  it('POS: requires the PSP transaction id', () => {
    const ok = validatePayment({ ...base, channel: 'pos', pspTransactionId: ' TRX-2026/000123 ' }, CASH_OFF);
    expect(ok).toEqual({
      ok: true,
      value: { channel: 'pos', amountCents: 12110, pspTransactionId: 'TRX-2026/000123' },
    });
    expect(reasonOf(validatePayment({ ...base, channel: 'pos' }, CASH_OFF))).toBe(
      'psp_transaction_id_required',
    );
    expect(reasonOf(validatePayment({ ...base, channel: 'pos', pspTransactionId: 'a b' }, CASH_OFF))).toBe(
      'invalid_psp_transaction_id',
    );
    expect(
      reasonOf(validatePayment({ ...base, channel: 'pos', pspTransactionId: 'x'.repeat(36) }, CASH_OFF)),
    ).toBe('invalid_psp_transaction_id');
  });

  it('cash: only where the comune enables it, with change and an optional ceiling', () => {
    const cash: PaymentRequest = { ...base, channel: 'cash', tenderedCents: 15000 };
    expect(reasonOf(validatePayment(cash, CASH_OFF))).toBe('cash_not_enabled');
    expect(validatePayment(cash, CASH_ON)).toEqual({
      ok: true,
      value: { channel: 'cash', amountCents: 12110, tenderedCents: 15000, changeCents: 2890 },
    });
    const exact = validatePayment({ ...base, channel: 'cash' }, CASH_ON);
    expect(exact.ok && exact.value).toMatchObject({ tenderedCents: 12110, changeCents: 0 });
    expect(reasonOf(validatePayment({ ...cash, tenderedCents: 10000 }, CASH_ON))).toBe('tendered_too_little');
    expect(reasonOf(validatePayment({ ...cash, tenderedCents: 100.5 }, CASH_ON))).toBe('invalid_amount');
    const limited = validatePayment(cash, { cashEnabled: true, cashLimitCents: cents(10000) });
    expect(reasonOf(limited)).toBe('cash_over_limit');
    expect(!limited.ok && limited.error.message.it).toContain('€ 100,00');
  });

  it('pagoPA notice: requires a valid notice number, the position’s own', () => {
    const notice = validatePayment(
      {
        ...base,
        channel: 'pagopa_notice',
        noticeNumber: '3010 0000 0000 0001 44',
        positionNoticeNumber: '301000000000000144',
      },
      CASH_OFF,
    );
    expect(notice).toEqual({
      ok: true,
      value: {
        channel: 'pagopa_notice',
        amountCents: 12110,
        noticeNumber: '301000000000000144',
        iuv: '01000000000000144',
      },
    });
    expect(reasonOf(validatePayment({ ...base, channel: 'pagopa_notice' }, CASH_OFF))).toBe(
      'notice_number_required',
    );
    const bad = validatePayment(
      { ...base, channel: 'pagopa_notice', noticeNumber: '301000000000000145' },
      CASH_OFF,
    );
    expect(reasonOf(bad)).toBe('invalid_notice_number');
    expect(!bad.ok && bad.error.message.en).toContain('should be “44”');
    expect(
      reasonOf(
        validatePayment(
          {
            ...base,
            channel: 'pagopa_notice',
            noticeNumber: '302123456789012356',
            positionNoticeNumber: '301000000000000144',
          },
          CASH_OFF,
        ),
      ),
    ).toBe('notice_mismatch');
  });

  it('the amount must be positive whole cents and match the amount due exactly', () => {
    const pos = { channel: 'pos', pspTransactionId: 'T1' } as const;
    expect(reasonOf(validatePayment({ ...pos, amountCents: 0, amountDueCents: DUE }, CASH_ON))).toBe(
      'invalid_amount',
    );
    expect(reasonOf(validatePayment({ ...pos, amountCents: -12110, amountDueCents: DUE }, CASH_ON))).toBe(
      'invalid_amount',
    );
    expect(reasonOf(validatePayment({ ...pos, amountCents: 121.1, amountDueCents: DUE }, CASH_ON))).toBe(
      'invalid_amount',
    );
    const mismatch = validatePayment({ ...pos, amountCents: 12100, amountDueCents: DUE }, CASH_ON);
    expect(reasonOf(mismatch)).toBe('amount_mismatch');
    expect(!mismatch.ok && mismatch.error.message.it).toBe(
      'Importo € 121,00 diverso dal dovuto € 121,10: allo sportello si paga l’importo esatto.',
    );
    expect(reasonOf(validatePayment({ ...pos, amountCents: 100, amountDueCents: cents(0) }, CASH_ON))).toBe(
      'nothing_due',
    );
  });

  it('refuses an unknown channel and change on a non-cash payment', () => {
    expect(reasonOf(validatePayment({ ...base, channel: 'cheque' }, CASH_ON))).toBe('unknown_channel');
    expect(
      reasonOf(
        validatePayment({ ...base, channel: 'pos', pspTransactionId: 'T1', tenderedCents: 20000 }, CASH_ON),
      ),
    ).toBe('tendered_not_cash');
  });
});
