import { describe, expect, it } from 'vitest';
import { checkIban, formatIban } from './iban';

describe('checkIban', () => {
  it.each([
    'IT60X0542811101000000123456',
    'IT66A0306909606100000012345',
    'IT18K0760101600000012345678',
    'DE89370400440532013000',
  ])('accepts %s', (iban) => {
    expect(checkIban(iban)).toMatchObject({ ok: true, iban });
  });

  it('normalizes spaces and lower case as typed, and prints groups of four', () => {
    const result = checkIban(' it60 x054 2811 1010 0000 0123 456 ');
    expect(result).toEqual({
      ok: true,
      iban: 'IT60X0542811101000000123456',
      formatted: 'IT60 X054 2811 1010 0000 0123 456',
      country: 'IT',
    });
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });

  it('a swapped pair of digits fails the check digits', () => {
    expect(checkIban('IT60X0542811101000000123465')).toMatchObject({
      ok: false,
      error: { code: 'iban_check_digits' },
    });
    expect(checkIban('IT61X0542811101000000123456')).toMatchObject({
      ok: false,
      error: { code: 'iban_check_digits' },
    });
  });

  it.each([
    ['', 'empty'],
    ['IT60X05428111010000001234', 'length'],
    ['IT60X05428111010000001234567', 'length'],
    ['IT60X0542811101000000123_56', 'characters'],
    ['XX60X0542811101000000123456', 'country'],
    ['ITXXX0542811101000000123456', 'format'],
    ['IT6000542811101000000123456', 'bban'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(checkIban(text)).toMatchObject({ ok: false, error: { code: 'iban_invalid', params: { reason } } });
  });
});
