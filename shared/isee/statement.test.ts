import { describe, expect, it } from 'vitest';
import { MANFREDONIA_MENSA_2019 } from './schedules';
import {
  checkIseeStatement,
  defaultIseeExpiry,
  iseeOn,
  iseeStatementSchema,
  parseIseeAmount,
  type IseeStatement,
} from './statement';
import { tariffFor } from './tariff-engine';

describe('parseIseeAmount', () => {
  it.each([
    ['6.000,01', 600_001],
    ['6000,01', 600_001],
    ['6000.01', 600_001],
    ['6000', 600_000],
    ['0', 0],
    ['€ 13.061,99', 1_306_199],
    ['10.000.000,00', 1_000_000_000],
  ])('%j → %i cents', (text, value) => {
    expect(parseIseeAmount(text)).toEqual({ ok: true, cents: value });
  });

  it.each([
    ['-1,00', 'negative'],
    ['6000,011', 'too_many_decimals'],
    ['10.000.000,01', 'too_large'],
    ['', 'empty'],
    ['seimila', 'not_a_number'],
    ['6,000.01', 'not_a_number'],
  ])('%j is refused (%s)', (text, reason) => {
    expect(parseIseeAmount(text)).toEqual({
      ok: false,
      error: { code: 'isee_value_invalid', params: { value: text.trim(), reason } },
    });
  });
});

describe('the statement', () => {
  const statement: IseeStatement = {
    type: 'ordinario',
    valueCents: 600_000,
    dsuProtocol: 'INPS-ISEE-2026-000123456-00',
    issuedOn: '2026-02-10',
    expiresOn: defaultIseeExpiry('2026-02-10'),
  };

  it('expires on 31 December of the year it was filed', () => {
    expect(defaultIseeExpiry('2026-02-10')).toBe('2026-12-31');
    expect(defaultIseeExpiry('2026-12-31')).toBe('2026-12-31');
  });

  it('is checked at the counter: protocol, type, value, dates', () => {
    expect(
      checkIseeStatement({
        type: 'minorenni',
        valueCents: 1,
        dsuProtocol: ' inps-isee-2026-000123456-00',
        issuedOn: '2026-03-01',
      }),
    ).toEqual({
      ok: true,
      statement: {
        type: 'minorenni',
        valueCents: 1,
        dsuProtocol: 'INPS-ISEE-2026-000123456-00',
        issuedOn: '2026-03-01',
        expiresOn: '2026-12-31',
      },
    });
    const base = {
      type: 'ordinario',
      valueCents: 1,
      dsuProtocol: 'INPS-ISEE-2026-000123456-00',
      issuedOn: '2026-03-01',
    };
    expect(checkIseeStatement({ ...base, type: 'speciale' })).toMatchObject({
      error: { code: 'isee_type_unknown' },
    });
    expect(checkIseeStatement({ ...base, valueCents: -1 })).toMatchObject({
      error: { code: 'isee_value_invalid', params: { reason: 'negative' } },
    });
    expect(checkIseeStatement({ ...base, dsuProtocol: 'ISEE 2026' })).toMatchObject({
      error: { code: 'isee_protocol_invalid' },
    });
    expect(checkIseeStatement({ ...base, expiresOn: '2026-02-01' })).toMatchObject({
      error: { code: 'isee_dates_invalid' },
    });
  });

  it('the wire schema accepts a statement and refuses an overlong protocol or fractional cents', () => {
    expect(iseeStatementSchema.safeParse(statement).success).toBe(true);
    expect(iseeStatementSchema.safeParse({ ...statement, valueCents: 10.5 }).success).toBe(false);
    expect(
      iseeStatementSchema.safeParse({ ...statement, dsuProtocol: `INPS-ISEE-2026-${'1'.repeat(40)}-00` })
        .success,
    ).toBe(false);
    expect(iseeStatementSchema.safeParse({ ...statement, expiresOn: '2025-12-31' }).success).toBe(false);
  });

  it('counts while valid, to its last day included', () => {
    expect(iseeOn(statement, '2026-12-31')).toEqual({
      kind: 'valid',
      valueCents: 600_000,
      type: 'ordinario',
    });
    expect(iseeOn(null, '2026-12-31')).toEqual({ kind: 'none', reason: 'missing' });
  });

  it('once expired the family falls in the no-ISEE band, with a warning to show', () => {
    const day = iseeOn(statement, '2027-01-01');
    expect(day).toMatchObject({ kind: 'none', reason: 'expired', expiredOn: '2026-12-31' });
    if (day.kind !== 'none' || day.reason !== 'expired') throw new Error('expected expired');
    expect(day.warning.it).toContain('scaduta');
    expect(day.warning.it).toContain('2026');
    expect(day.warning.en).toContain('expired');
    const price = tariffFor(MANFREDONIA_MENSA_2019, { iseeCents: null, resident: true });
    expect(price).toMatchObject({ ok: true, unitPriceCents: 450, chosenBy: 'no_isee' });
  });
});
