import { describe, expect, it } from 'vitest';
import { periodProblems } from '../calendar/dated-rows';
import { CANONE_CATEGORIES, categoriesOn, categoryOn } from './categories';
import { CANONE_RULE_CODES, CANONE_RULE_MESSAGES } from './problems';
import { CANONE_COMUNE_SETTINGS, canoneSettingOn, checkCanoneSettings, populationClass } from './tariffs';

describe('standard tariffs by population class (c.826-827)', () => {
  it.each([
    [600_000, 7000, 200],
    [500_001, 7000, 200],
    [500_000, 6000, 130],
    [100_001, 6000, 130],
    [100_000, 5000, 120],
    [32_282, 5000, 120],
    [30_001, 5000, 120],
    [30_000, 4000, 70],
    [10_001, 4000, 70],
    [10_000, 3000, 60],
    [123, 3000, 60],
  ])('%s residents → €%s/100 a year, €%s/100 a day', (residents, annual, daily) => {
    expect(populationClass(residents)).toMatchObject({
      annualCents: annual,
      dailyCents: daily,
      confidence: 'U',
    });
  });

  it('a count that is not a whole number of people is a programming error', () => {
    expect(() => populationClass(-1)).toThrow(RangeError);
    expect(() => populationClass(1.5)).toThrow(RangeError);
  });
});

describe('per-comune settings', () => {
  it('Casale is in the 30,001-100,000 class (€50.00 / €1.20) until 2026, then its 2027 version', () => {
    expect(canoneSettingOn('B885', '2026-12-31')).toMatchObject({
      version: '2021',
      annualTariffCents: 5000,
      dailyTariffCents: 120,
    });
    expect(canoneSettingOn('B885', '2027-01-01')).toMatchObject({ version: '2027', tariffOverridden: true });
  });

  it('every partner comune is in the ≤10,000 class (€30.00 / €0.60)', () => {
    const partners = CANONE_COMUNE_SETTINGS.filter((s) => s.comune !== 'B885');
    expect(partners.length).toBeGreaterThanOrEqual(20);
    for (const s of partners) expect([s.annualTariffCents, s.dailyTariffCents]).toEqual([3000, 60]);
    expect(canoneSettingOn('G204', '2026-06-01')?.comune).toBe('G204');
  });

  it('uncertain values are marked for the admin view', () => {
    for (const s of CANONE_COMUNE_SETTINGS) expect(Object.values(s.confidence)).toContain('U');
  });

  it('the tables have no overlapping periods', () => {
    expect(checkCanoneSettings(CANONE_COMUNE_SETTINGS)).toEqual([]);
    expect(periodProblems(CANONE_CATEGORIES, (r) => `${r.comune}/${r.code}`)).toEqual([]);
  });
});

describe('categories', () => {
  it('a comune’s own row replaces the default, the others stay', () => {
    const own = { ...CANONE_CATEGORIES[0]!, comune: 'B885', permanentThousandths: 500 };
    const table = [...CANONE_CATEGORIES, own];
    expect(categoryOn('B885', own.code, '2026-01-01', table)?.permanentThousandths).toBe(500);
    expect(categoryOn('A605', own.code, '2026-01-01', table)?.permanentThousandths).toBe(420);
    expect(categoriesOn('B885', '2026-01-01', table)).toHaveLength(CANONE_CATEGORIES.length);
  });

  it('advertising media are marked as such, and every row has both coefficients', () => {
    expect(CANONE_CATEGORIES.filter((c) => c.advertising).map((c) => c.code)).toEqual([
      'striscione',
      'insegna',
      'cartello',
      'impianto_pubblicitario',
    ]);
    for (const c of CANONE_CATEGORIES) {
      expect(c.permanentThousandths).toBeGreaterThan(0);
      expect(c.temporaryThousandths).toBeGreaterThan(c.permanentThousandths);
    }
  });
});

describe('rule codes', () => {
  it('every code has Italian and English wording', () => {
    for (const code of CANONE_RULE_CODES) {
      expect(CANONE_RULE_MESSAGES[code].it.length).toBeGreaterThan(10);
      expect(CANONE_RULE_MESSAGES[code].en.length).toBeGreaterThan(10);
    }
  });
});
