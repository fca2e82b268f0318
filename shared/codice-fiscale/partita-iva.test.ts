import { describe, expect, it } from 'vitest';
import { checkPartitaIva, partitaIvaCheckDigit } from './partita-iva';

describe('partita IVA', () => {
  // Check digits computed by hand with the rule (odd positions as they are, even ones doubled
  // minus 9 when over 9): 0+0+9+0+1+4+0+0+0+3 = 18 → (10 − 8) mod 10 = 2.
  it.each(['00190540062', '12345670017', '01234560124', '00000001206', '07999900967'])(
    '%s is valid',
    (piva) => {
      expect(checkPartitaIva(piva)).toEqual({ ok: true, value: piva });
    },
  );

  it('spaces and the IT prefix are forgiven', () => {
    expect(checkPartitaIva(' IT 001 905 400 62 ')).toEqual({ ok: true, value: '00190540062' });
    expect(checkPartitaIva('it00190540062')).toEqual({ ok: true, value: '00190540062' });
  });

  it('a wrong check digit says which digit it should be', () => {
    expect(checkPartitaIva('00190540063')).toEqual({
      ok: false,
      error: { code: 'partita_iva_check_digit', params: { value: '00190540063', expected: '2', found: '3' } },
    });
    expect(partitaIvaCheckDigit('0019054006')).toBe('2');
  });

  it('two swapped neighbouring digits are caught', () => {
    expect(checkPartitaIva('00195040062').ok).toBe(false);
  });

  it.each([
    ['0019054006A', 'characters'],
    ['O0190540062', 'characters'],
    ['0019054006', 'length'],
    ['001905400622', 'length'],
    ['', 'length'],
    ['12345672000', 'office'],
    ['00000000000', 'office'],
  ])('%s is refused (%s)', (piva, reason) => {
    const result = checkPartitaIva(piva);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('partita_iva_invalid');
      expect(result.error.params.reason).toBe(reason);
    }
  });
});
