import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from './cents';
import { formatEuro, parseEuro } from './euro-format';

describe('formatEuro', () => {
  it('writes Italian and English amounts', () => {
    expect(formatEuro(cents(12110), 'it')).toBe('€ 121,10');
    expect(formatEuro(cents(12110), 'en')).toBe('€121.10');
    expect(formatEuro(cents(0), 'it')).toBe('€ 0,00');
    expect(formatEuro(cents(5), 'en')).toBe('€0.05');
  });

  it('groups thousands', () => {
    expect(formatEuro(cents(116600), 'it')).toBe('€ 1.166,00');
    expect(formatEuro(cents(116600), 'en')).toBe('€1,166.00');
    expect(formatEuro(cents(123456789), 'it')).toBe('€ 1.234.567,89');
  });

  it('puts the minus before the symbol', () => {
    expect(formatEuro(cents(-500), 'it')).toBe('-€ 5,00');
    expect(formatEuro(cents(-500), 'en')).toBe('-€5.00');
  });
});

describe('parseEuro', () => {
  const value = (raw: string, locale: 'it' | 'en' = 'it') => {
    const r = parseEuro(raw, locale);
    return r.ok ? r.value : r.error.reason;
  };

  it('reads Italian amounts', () => {
    expect(value('121,10')).toBe(12110);
    expect(value('121,1')).toBe(12110);
    expect(value('121')).toBe(12100);
    expect(value('0,05')).toBe(5);
    expect(value('1.166,00')).toBe(116600);
    expect(value('1.166')).toBe(116600);
    expect(value('1 166,00')).toBe(116600);
    expect(value('€ 121,10')).toBe(12110);
    expect(value('121,10 €')).toBe(12110);
    expect(value('  EUR 42 ')).toBe(4200);
    expect(value('42 euro')).toBe(4200);
  });

  it('reads English amounts', () => {
    expect(value('121.10', 'en')).toBe(12110);
    expect(value('€1,166.00', 'en')).toBe(116600);
    expect(value('1,166', 'en')).toBe(116600);
  });

  it('reads a keypad decimal point in Italian (121.10) since it cannot be a thousands group', () => {
    expect(value('121.10')).toBe(12110);
    expect(value('121.1')).toBe(12110);
    expect(value('121,10', 'en')).toBe(12110);
  });

  it('refuses what it cannot read unambiguously, with a reason', () => {
    expect(value('')).toBe('empty');
    expect(value('   ')).toBe('empty');
    expect(value('€')).toBe('empty');
    expect(value('12a')).toBe('invalid_characters');
    expect(value('1e3')).toBe('invalid_characters');
    expect(value('121,101')).toBe('too_many_decimals');
    expect(value('1,166', 'it')).toBe('too_many_decimals');
    expect(value('1,2,3')).toBe('misplaced_separator');
    expect(value('12.34.5')).toBe('misplaced_separator');
    expect(value('1.2345,00')).toBe('misplaced_separator');
    expect(value(',50')).toBe('misplaced_separator');
    expect(value('121,')).toBe('misplaced_separator');
    expect(value('-5,00')).toBe('negative');
    expect(value('99999999999999999999')).toBe('too_large');
  });

  it('accepts a negative amount only when asked', () => {
    expect(parseEuro('-5,00', 'it', { allowNegative: true })).toEqual({ ok: true, value: -500 });
    expect(parseEuro('€ -5,00', 'it', { allowNegative: true })).toEqual({ ok: true, value: -500 });
  });

  it('explains the error in Italian and English', () => {
    const r = parseEuro('12a');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message.it).toContain('«a»');
      expect(r.error.message.en).toContain('“a”');
    }
  });

  it('property: parse(format(x)) is x in both locales', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.constantFrom('it', 'en'), (n, locale) => {
        const r = parseEuro(formatEuro(cents(n), locale), locale);
        return r.ok && r.value === n;
      }),
    );
  });

  it('property: never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        parseEuro(s);
        parseEuro(s, 'en');
      }),
    );
  });
});
