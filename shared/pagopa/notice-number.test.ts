import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iuvCheckDigits } from './check-digits';
import { formatNoticeNumber, generateNoticeNumber, parseNoticeNumber } from './notice-number';
import type { PagoPaResult } from './pagopa-errors';

const reasonOf = <T>(r: PagoPaResult<T>): string => (r.ok ? 'ok' : r.error.reason);

describe('IUV check digits (N mod 93)', () => {
  it.each([
    // DOMAIN.md §6.2 worked examples
    ['3010000000000001', '44'],
    ['3021234567890123', '56'],
    ['3470000000012345', '92'],
    ['2012345678901200', '74'],
  ])('%s → %s', (n, check) => {
    expect(iuvCheckDigits(n)).toBe(check);
  });

  it('writes a leading zero ("05", not "5") and is exact beyond 2^53', () => {
    expect(iuvCheckDigits('5')).toBe('05');
    expect(iuvCheckDigits('0000000000000000')).toBe('00');
    // 9007199254740993 = 2^53 + 1: a double would read it as 2^53 and get the wrong remainder
    expect(iuvCheckDigits('9007199254740993')).toBe((9007199254740993n % 93n).toString().padStart(2, '0'));
    expect(Number('9007199254740993') % 93).not.toBe(Number(9007199254740993n % 93n));
  });

  it('detects every single-digit change in N: d·10^i is never a multiple of 93 (exhaustive)', () => {
    // N has 16 digits (positions 0..15); |d| ≤ 9 because one digit changes by at most 9.
    for (let i = 0n; i < 16n; i++) {
      for (let d = 1n; d <= 9n; d++) expect((d * 10n ** i) % 93n).not.toBe(0n);
    }
  });
});

describe('parseNoticeNumber', () => {
  it.each([
    ['301000000000000144', '01', '01000000000000144'],
    ['302123456789012356', '02', '02123456789012356'],
    ['347000000001234592', '47', '47000000001234592'],
  ])('aux 3: %s → segregation %s, IUV = last 17 digits', (code, segregation, iuv) => {
    const r = parseNoticeNumber(code);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ auxDigit: 3, segregationCode: segregation, iuv, deprecated: false });
    expect(r.value.iuv).toHaveLength(17);
  });

  it('names the central service of a reserved segregation code (47: Canone Unico)', () => {
    const r = parseNoticeNumber('347000000001234592');
    expect(r.ok && r.value.centralService).toContain('Canone Unico');
    const own = parseNoticeNumber('301000000000000144');
    expect(own.ok && own.value.centralService).toBeNull();
  });

  it('aux 2: IUV = last 17 digits', () => {
    const r = parseNoticeNumber('201234567890120074');
    expect(r.ok && r.value).toMatchObject({
      auxDigit: 2,
      iuv: '01234567890120074',
      base: '012345678901200',
      checkDigits: '74',
      deprecated: true,
    });
  });

  it('aux 0: IUV = last 15 digits, the application code is not part of it', () => {
    const n = '0' + '12' + '0000000012345';
    const code = n + iuvCheckDigits(n);
    const r = parseNoticeNumber(code);
    expect(r.ok && r.value).toMatchObject({
      auxDigit: 0,
      applicationCode: '12',
      segregationCode: null,
      iuv: '0000000012345' + iuvCheckDigits(n),
      deprecated: true,
    });
    expect(r.ok && r.value.iuv).toHaveLength(15);
  });

  it('aux 1: 17-digit IUV with no check digits (legacy)', () => {
    const r = parseNoticeNumber('112345678901234567');
    expect(r.ok && r.value).toMatchObject({ auxDigit: 1, iuv: '12345678901234567', checkDigits: null });
  });

  it('reads the printed form with spaces', () => {
    expect(formatNoticeNumber('301000000000000144')).toBe('3010 0000 0000 0001 44');
    expect(formatNoticeNumber('301000000000000144')).toHaveLength(22);
    expect(parseNoticeNumber(' 3010 0000 0000 0001 44\n').ok).toBe(true);
  });

  it('explains what is wrong', () => {
    expect(reasonOf(parseNoticeNumber(''))).toBe('empty');
    expect(reasonOf(parseNoticeNumber('30100000000000014A'))).toBe('invalid_characters');
    expect(reasonOf(parseNoticeNumber('3010000000000001'))).toBe('wrong_length');
    expect(reasonOf(parseNoticeNumber('401000000000000144'))).toBe('unknown_aux_digit');
    const wrong = parseNoticeNumber('301000000000000145');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error).toMatchObject({ reason: 'wrong_check_digits', expected: '44', found: '45' });
      expect(wrong.error.message.it).toContain('dovrebbero essere «44»');
      expect(wrong.error.message.en).toContain('should be “44”');
    }
  });

  it('rejects the format-only samples of italia-ts-commons (DOMAIN.md §6.2 warning)', () => {
    expect(reasonOf(parseNoticeNumber('244012345678901200'))).toBe('wrong_check_digits');
  });
});

describe('generateNoticeNumber (aux 3, the comune’s own positions)', () => {
  it('reproduces the DOMAIN.md examples', () => {
    const a = generateNoticeNumber({ auxDigit: 3, segregationCode: '01', base: '0000000000001' });
    expect(a.ok && a.value.noticeNumber).toBe('301000000000000144');
    const b = generateNoticeNumber({ auxDigit: 3, segregationCode: 2, base: 1234567890123 });
    expect(b.ok && b.value.noticeNumber).toBe('302123456789012356');
    const c = generateNoticeNumber({ auxDigit: 3, segregationCode: '02', base: 1234567890123n });
    expect(c.ok && c.value.noticeNumber).toBe('302123456789012356');
  });

  it('refuses segregation codes PagoPA does not assign to a body', () => {
    for (const code of ['47', '50', '99', 81]) {
      expect(reasonOf(generateNoticeNumber({ auxDigit: 3, segregationCode: code, base: 1 }))).toBe(
        'segregation_code_not_assignable',
      );
    }
    expect(reasonOf(generateNoticeNumber({ auxDigit: 3, segregationCode: '1', base: 1 }))).toBe(
      'wrong_length',
    );
    expect(reasonOf(generateNoticeNumber({ auxDigit: 3, segregationCode: 1.5, base: 1 }))).toBe(
      'invalid_characters',
    );
  });

  it('refuses a base that is not 13 digits', () => {
    const gen = (base: string | number | bigint) =>
      reasonOf(generateNoticeNumber({ auxDigit: 3, segregationCode: 1, base }));
    expect(gen('123')).toBe('wrong_length');
    expect(gen('12345678901x3')).toBe('invalid_characters');
    expect(gen(10n ** 13n)).toBe('wrong_length');
    expect(gen(-1)).toBe('invalid_characters');
    expect(gen(1.5)).toBe('invalid_characters');
    expect(gen(10 ** 13 - 1)).toBe('ok');
  });

  describe('properties', () => {
    const segregation = fc.integer({ min: 0, max: 49 }).filter((n) => n !== 47);
    const base = fc.bigInt({ min: 0n, max: 10n ** 13n - 1n });

    it('generated codes always validate and give back their parts', () => {
      fc.assert(
        fc.property(segregation, base, (seg, b) => {
          const g = generateNoticeNumber({ auxDigit: 3, segregationCode: seg, base: b });
          if (!g.ok) return false;
          const p = parseNoticeNumber(g.value.noticeNumber);
          return (
            p.ok &&
            p.value.segregationCode === String(seg).padStart(2, '0') &&
            p.value.base === b.toString().padStart(13, '0') &&
            p.value.iuv === g.value.noticeNumber.slice(1)
          );
        }),
      );
    });

    // Any checked code (aux 0, 2, 3): N is its first 16 digits.
    const checkedCode = fc
      .tuple(fc.constantFrom('0', '2', '3'), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }))
      .map(([aux, rest]) => {
        const n = aux + rest.toString().padStart(15, '0');
        return n + iuvCheckDigits(n);
      });

    /*
     * Changing any one digit is detected, with one exception that is a property of the scheme,
     * not of mod 93: turning the aux digit into 1 gives a legacy aux-1 number, which has no check
     * digits, so every 18-digit string starting with 1 is valid. Positions 1-17 and every other
     * aux change are always caught: digits of N by the mod-93 argument above, the check digits
     * because a different two-digit number cannot equal the remainder.
     */
    it('changing any single digit never validates, unless the aux digit becomes 1', () => {
      fc.assert(
        fc.property(checkedCode, (code) => {
          for (let pos = 0; pos < 18; pos++) {
            for (const digit of '0123456789') {
              if (code.charAt(pos) === digit) continue;
              const changed = code.slice(0, pos) + digit + code.slice(pos + 1);
              const valid = parseNoticeNumber(changed).ok;
              if (valid !== (pos === 0 && digit === '1')) return false;
            }
          }
          return true;
        }),
        { numRuns: 200 },
      );
    });

    it('never throws on arbitrary input', () => {
      fc.assert(
        fc.property(fc.string(), (s) => {
          parseNoticeNumber(s);
        }),
      );
    });
  });
});
