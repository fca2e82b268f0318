import { describe, expect, it } from 'vitest';
import { partitaIvaProblem, withCheckDigit } from './partita-iva';

describe('partita IVA check digit', () => {
  it('accepts a real-format number and the IT prefix and spaces a clerk types', () => {
    // 00743110157 is the published VAT number of Telecom Italia (a known valid example)
    expect(partitaIvaProblem('00743110157')).toBeNull();
    expect(partitaIvaProblem('IT 007 431 101 57')).toBeNull();
    expect(partitaIvaProblem(withCheckDigit('0123456789'))).toBeNull();
  });

  it('refuses a wrong check digit and a wrong length', () => {
    expect(partitaIvaProblem('00743110158')).toBe('check_digit');
    expect(partitaIvaProblem('0074311015')).toBe('format');
    expect(partitaIvaProblem('00000000000')).toBe('format');
  });
});
