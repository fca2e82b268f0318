import { describe, expect, it } from 'vitest';
import { normalizeCountry, normalizePlate, parsePlate, samePlate } from './plate';

describe('parsePlate', () => {
  it.each([
    ['AB123CD', 'AB123CD', 'current'],
    ['ab 123 cd', 'AB123CD', 'current'],
    ['AB-123-CD', 'AB123CD', 'current'],
    ['  gz 567 hk ', 'GZ567HK', 'current'],
    ['ZZ999ZZ', 'ZZ999ZZ', 'current'],
    ['AB12345', 'AB12345', 'motorcycle'],
    ['ab 12 345', 'AB12345', 'motorcycle'],
    ['AL 123456', 'AL123456', 'legacy'],
    ['AL1234', 'AL1234', 'legacy'],
    ['TO A12345', 'TOA12345', 'legacy'],
    ['ROMA A12345', 'ROMAA12345', 'legacy'],
    ['roma 123456', 'ROMA123456', 'legacy'],
    ['MI 5B1234', 'MI5B1234', 'legacy'],
  ] as const)('accepts %j as %s (%s)', (input, plate, format) => {
    expect(parsePlate(input)).toEqual({ ok: true, plate, country: 'I', format });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['AI123BC'], // I is not used
    ['AO123BC'], // O is not used (and AO + letters is not a legacy plate)
    ['AB123QD'], // Q
    ['AB123UD'], // U
    ['AB1234CD'],
    ['A123BCD'],
    ['AB12CD'],
    ['AB123C'],
    ['AB123456'], // AB is not a province
    ['XX123456'],
    ['ALABCDEF'], // no digit
    ['AL1234567'], // 7 after the province
    ['TO12A345'], // letter in third place
    ['ROMA'],
    ['AB.123.CD'],
    ['AB_123_CD'],
    ['ÀB123CD'],
  ])('refuses %j', (input, detail?: string) => {
    const result = parsePlate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('plate_invalid');
      expect(result.params.country).toBe('I');
      if (detail) expect(result.detail).toBe(detail);
    }
  });

  it('reads IT, lower case and blank country as Italy', () => {
    expect(parsePlate('AB123CD', 'IT')).toMatchObject({ ok: true, country: 'I' });
    expect(parsePlate('AB123CD', ' it ')).toMatchObject({ ok: true, country: 'I' });
    expect(parsePlate('AB123CD', '')).toMatchObject({ ok: true, country: 'I' });
  });

  it.each([
    ['B-AB 1234', 'DE', 'BAB1234'],
    ['1-ABC-123', 'BE', '1ABC123'],
    ['GE 123456', 'CH', 'GE123456'],
    ['AB 12', 'FR', 'AB12'],
    ['1234567890', 'NL', '1234567890'],
    ['AB123CD', 'fr', 'AB123CD'],
  ])('accepts the foreign plate %j of %s', (input, country, plate) => {
    expect(parsePlate(input, country)).toEqual({
      ok: true,
      plate,
      country: country.toUpperCase(),
      format: 'foreign',
    });
  });

  it.each([
    ['A', 'DE'],
    ['12345678901', 'DE'],
    ['AB123CD', 'D'],
    ['AB123CD', 'DEU'],
    ['AB123CD', '12'],
    ['AB/123', 'FR'],
  ])('refuses %j of %j', (input, country) => {
    expect(parsePlate(input, country)).toMatchObject({ ok: false, code: 'plate_invalid' });
  });

  it('normalises and compares', () => {
    expect(normalizePlate('ab – 123 – cd')).toBe('AB123CD');
    expect(normalizeCountry(null)).toBe('I');
    expect(samePlate({ plate: 'ab 123 cd', country: 'IT' }, { plate: 'AB123CD', country: 'I' })).toBe(true);
    expect(samePlate({ plate: 'AB123CD', country: 'I' }, { plate: 'AB123CD', country: 'FR' })).toBe(false);
  });
});
