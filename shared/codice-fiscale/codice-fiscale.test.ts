import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCfProblem } from './cf-messages';
import { checkCodiceFiscale, isPlausibleCfPrefix } from './codice-fiscale';

// DOMAIN.md §7.7: the first is the published example, the others computed for fictional people.
const VECTORS = [
  { cf: 'RSSMRA72L09H501S', sex: 'M', day: 9, month: 7, place: 'H501', omocodia: false },
  { cf: 'RSSMRA72L09H50MK', sex: 'M', day: 9, month: 7, place: 'H501', omocodia: true },
  { cf: 'BNCNNA80A41B885M', sex: 'F', day: 1, month: 1, place: 'B885', omocodia: false },
  { cf: 'FOXGFR01T31A859W', sex: 'M', day: 31, month: 12, place: 'A859', omocodia: false },
  { cf: 'RSSMRA85C55A794K', sex: 'F', day: 15, month: 3, place: 'A794', omocodia: false },
] as const;

describe('codice fiscale', () => {
  it.each(VECTORS)('accepts $cf and decodes sex, date and place', (v) => {
    const check = checkCodiceFiscale(v.cf);
    expect(check.problems).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.decoded).toMatchObject({
      sex: v.sex,
      day: v.day,
      month: v.month,
      placeCode: v.place,
      omocodia: v.omocodia,
    });
  });

  it("reads women's day +40 as the day of birth, not the 41st", () => {
    const check = checkCodiceFiscale('BNCNNA80A41B885M');
    expect(check.decoded?.sex).toBe('F');
    expect(check.decoded?.day).toBe(1);
  });

  it('accepts input typed in lower case with spaces', () => {
    expect(checkCodiceFiscale(' rssmra 72l09 h501s ').valid).toBe(true);
  });

  it('names the expected check character when the last one is wrong', () => {
    const check = checkCodiceFiscale('RSSMRA72L09H501T');
    expect(check.valid).toBe(false);
    expect(check.problems).toEqual([{ kind: 'check_char', expected: 'S', found: 'T' }]);
    expect(describeCfProblem(check.problems[0]!, 'it')).toContain('dovrebbe essere «S»');
  });

  it('explains an impossible date (31 February) instead of a bare "invalid"', () => {
    // B = February, 31: the check character is made valid so only the date is wrong
    const check = checkCodiceFiscale('RSSMRA72B31H501' + 'X');
    const date = check.problems.find((p) => p.kind === 'impossible_date');
    expect(date).toEqual({ kind: 'impossible_date', day: 31, month: 2, year: '72' });
    expect(describeCfProblem(date!, 'it')).toBe('Data di nascita impossibile: 31 febbraio (anno ..72).');
    expect(describeCfProblem(date!, 'en')).toBe('Impossible date of birth: February 31 (year ..72).');
  });

  it('rejects a day between 32 and 40 and above 71', () => {
    expect(checkCodiceFiscale('RSSMRA72L35H501X').problems.some((p) => p.kind === 'day')).toBe(true);
    expect(checkCodiceFiscale('RSSMRA72L75H501X').problems.some((p) => p.kind === 'day')).toBe(true);
  });

  it('rejects a month letter outside ABCDEHLMPRST', () => {
    expect(checkCodiceFiscale('RSSMRA72F09H501S').problems).toContainEqual({ kind: 'month', found: 'F' });
  });

  it('reports the length when the code is not 16 characters', () => {
    expect(checkCodiceFiscale('RSSMRA72L09H501').problems).toEqual([{ kind: 'length', length: 15 }]);
  });

  it('points at the position of a digit where a letter is required', () => {
    expect(checkCodiceFiscale('R5SMRA72L09H501S').problems).toContainEqual({
      kind: 'letter_expected',
      position: 2,
      found: '5',
    });
  });

  it('recognises prefixes a clerk types', () => {
    expect(isPlausibleCfPrefix('RSSMRA72')).toBe(true);
    expect(isPlausibleCfPrefix('RSSMRA72L0')).toBe(true);
    expect(isPlausibleCfPrefix('RSS1')).toBe(false);
  });

  describe('properties', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const months = 'ABCDEHLMPRST';
    const codeArb = fc
      .record({
        name: fc.array(fc.constantFrom(...letters), { minLength: 6, maxLength: 6 }),
        yy: fc.integer({ min: 0, max: 99 }),
        month: fc.integer({ min: 0, max: 11 }),
        day: fc.integer({ min: 1, max: 28 }),
        female: fc.boolean(),
        place: fc.tuple(fc.constantFrom(...letters), fc.integer({ min: 0, max: 999 })),
      })
      .map((r) => {
        const body =
          r.name.join('') +
          String(r.yy).padStart(2, '0') +
          months.charAt(r.month) +
          String(r.day + (r.female ? 40 : 0)).padStart(2, '0') +
          r.place[0] +
          String(r.place[1]).padStart(3, '0');
        // The check character every valid code carries: the one the checker says it expects.
        const probe = checkCodiceFiscale(body + 'A');
        const expected = probe.problems.find((p) => p.kind === 'check_char');
        return body + (expected && expected.kind === 'check_char' ? expected.expected : 'A');
      });

    it('every well-formed code with its check character validates', () => {
      fc.assert(fc.property(codeArb, (code) => checkCodiceFiscale(code).valid));
    });

    it('changing any one character of a valid code is always detected', () => {
      fc.assert(
        fc.property(
          codeArb,
          fc.integer({ min: 0, max: 15 }),
          fc.constantFrom(...letters, ...'0123456789'),
          (code, pos, ch) => {
            fc.pre(code.charAt(pos) !== ch);
            const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
            // An omocodia letter swapped for its digit (or back) describes the same person: not a typo.
            const omocodiaSwap =
              [6, 7, 9, 10, 12, 13, 14].includes(pos) &&
              'LMNPQRSTUV'.indexOf(ch) === Number(code.charAt(pos));
            fc.pre(!omocodiaSwap);
            return !checkCodiceFiscale(changed).valid;
          },
        ),
      );
    });
  });
});
