import { describe, expect, it } from 'vitest';
import { ISEE_RULE_CODES, ISEE_RULE_MESSAGES } from './problems';
import {
  CASALE_DEMO_TABLES,
  CASSANO_SAD_2023,
  GASPERINA_MENSA_2025,
  MANFREDONIA_MENSA_2019,
  MASSAROSA_MENSA_2023,
  MASSAROSA_TRASPORTO_2023,
  REAL_SCHEDULES,
  SAN_GIORGIO_MENSA_2024,
} from './schedules';
import { checkTariffTable, tableOn, tariffFor, type TariffInput, type TariffTable } from './tariff-engine';

function price(table: TariffTable, input: Partial<TariffInput> & { iseeCents: number | null }): number {
  const result = tariffFor(table, { resident: true, ...input });
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.unitPriceCents;
}

describe('every encoded schedule passes the table check', () => {
  it.each([...REAL_SCHEDULES, ...CASALE_DEMO_TABLES].map((t) => [t.id, t] as const))('%s', (_id, table) => {
    expect(checkTariffTable(table)).toEqual([]);
  });

  it('each code has Italian and English wording', () => {
    for (const code of ISEE_RULE_CODES) {
      expect(ISEE_RULE_MESSAGES[code].it).not.toBe('');
      expect(ISEE_RULE_MESSAGES[code].en).not.toBe('');
    }
  });
});

describe('Manfredonia canteen 2019/20, per meal', () => {
  it.each([
    [0, 200],
    [600_000, 200],
    [600_001, 350],
    [936_000, 350],
    [936_001, 400],
    [1_500_000, 400],
    [1_500_001, 450],
    [5_000_000, 450],
  ])('ISEE %i cents → %i cents', (isee, cents) => {
    expect(price(MANFREDONIA_MENSA_2019, { iseeCents: isee })).toBe(cents);
  });

  it('no ISEE and non-residents pay the top price, saying why', () => {
    expect(tariffFor(MANFREDONIA_MENSA_2019, { iseeCents: null, resident: true })).toMatchObject({
      unitPriceCents: 450,
      chosenBy: 'no_isee',
      bandIndex: null,
    });
    const nonResident = tariffFor(MANFREDONIA_MENSA_2019, { iseeCents: 0, resident: false });
    expect(nonResident).toMatchObject({ unitPriceCents: 450, chosenBy: 'non_resident' });
    if (!nonResident.ok) throw new Error();
    expect(nonResident.lines[0]?.it).toBe('Tariffa non residenti: € 4,50');
  });

  it('the breakdown names the band and the ISEE', () => {
    const result = tariffFor(MANFREDONIA_MENSA_2019, { iseeCents: 600_001, resident: true });
    if (!result.ok) throw new Error();
    expect(result.bandLabel).toBe('ISEE da € 6.000,01 a € 9.360,00');
    expect(result.lines.map((l) => l.it)).toEqual([
      'ISEE da € 6.000,01 a € 9.360,00 (ISEE € 6.000,01): € 3,50',
      'Totale € 3,50 a pasto',
    ]);
    expect(result.lines[1]?.en).toBe('Total €3.50 per meal');
  });
});

describe('Gasperina canteen 2025: flat price, sibling prices by ISEE band', () => {
  it('first child €1.40 whatever the ISEE; non-residents €2.60', () => {
    expect(price(GASPERINA_MENSA_2025, { iseeCents: 0 })).toBe(140);
    expect(price(GASPERINA_MENSA_2025, { iseeCents: 9_000_000 })).toBe(140);
    expect(price(GASPERINA_MENSA_2025, { iseeCents: 0, resident: false })).toBe(260);
    expect(price(GASPERINA_MENSA_2025, { iseeCents: 0, resident: false, siblingRank: 2 })).toBe(260);
  });

  it.each([
    [2, 300_000, 90],
    [2, 300_001, 100],
    [2, 500_000, 100],
    [2, 500_001, 110],
    [3, 300_000, 0],
    [3, 300_001, 90],
    [3, 500_001, 90],
    [4, 300_000, 0],
  ])('child no. %i with ISEE %i cents → %i cents', (rank, isee, cents) => {
    expect(price(GASPERINA_MENSA_2025, { iseeCents: isee, siblingRank: rank })).toBe(cents);
  });

  it('a third child under €3,000 is exempt; a second child without ISEE pays the top sibling price', () => {
    expect(tariffFor(GASPERINA_MENSA_2025, { iseeCents: 100, resident: true, siblingRank: 3 })).toMatchObject(
      {
        exempt: true,
        siblingApplied: true,
        bandPriceCents: 140,
      },
    );
    expect(price(GASPERINA_MENSA_2025, { iseeCents: null, siblingRank: 2 })).toBe(110);
  });
});

describe('San Giorgio su Legnano canteen: linear reduction below €13,062', () => {
  it.each([
    [0, 295],
    [653_100, 439],
    [1_306_199, 583],
    [1_306_200, 583],
  ])('ISEE %i cents → %i cents (end points exact, middle rounded half-up)', (isee, cents) => {
    expect(price(SAN_GIORGIO_MENSA_2024, { iseeCents: isee })).toBe(cents);
  });

  it('from the second sibling €5.67, never more than the child’s own band price', () => {
    expect(price(SAN_GIORGIO_MENSA_2024, { iseeCents: 2_000_000, siblingRank: 2 })).toBe(567);
    expect(price(SAN_GIORGIO_MENSA_2024, { iseeCents: null, siblingRank: 3 })).toBe(567);
    expect(price(SAN_GIORGIO_MENSA_2024, { iseeCents: 0, siblingRank: 2 })).toBe(295);
    expect(price(SAN_GIORGIO_MENSA_2024, { iseeCents: 0, resident: false })).toBe(606);
  });
});

describe('Massarosa 2023: the same bands for canteen and transport', () => {
  it.each([
    [449_999, 50, 500],
    [450_000, 250, 2800],
    [900_000, 250, 2800],
    [900_001, 400, 4000],
    [1_650_000, 400, 4000],
    [1_650_001, 500, 5000],
  ])('ISEE %i cents → meal %i, transport %i cents', (isee, meal, transport) => {
    expect(price(MASSAROSA_MENSA_2023, { iseeCents: isee })).toBe(meal);
    expect(price(MASSAROSA_TRASPORTO_2023, { iseeCents: isee })).toBe(transport);
  });
});

describe("Cassano d'Adda home care: per hour, per operator", () => {
  it.each([
    [0, 0],
    [300_000, 0],
    [300_001, 200],
    [525_000, 350],
    [750_000, 500],
    [750_001, 500],
    [1_375_000, 1150],
    [2_000_000, 1800],
    [2_000_001, 1800],
  ])('ISEE %i cents → %i cents an hour', (isee, cents) => {
    expect(price(CASSANO_SAD_2023, { iseeCents: isee })).toBe(cents);
  });

  it('two operators double the hourly rate; no ISEE is €20.00 an operator', () => {
    const two = tariffFor(CASSANO_SAD_2023, { iseeCents: 2_000_001, resident: true, operators: 2 });
    expect(two).toMatchObject({ unitPriceCents: 3600, bandPriceCents: 1800, operators: 2 });
    if (!two.ok) throw new Error();
    expect(two.lines.map((l) => l.it)).toContain('€ 18,00 × 2 operatori = € 36,00');
    expect(price(CASSANO_SAD_2023, { iseeCents: null, operators: 2 })).toBe(4000);
    expect(tariffFor(CASSANO_SAD_2023, { iseeCents: 100, resident: true, operators: 2 })).toMatchObject({
      unitPriceCents: 0,
      exempt: true,
    });
  });

  it('refuses zero operators, a sibling rank of 0 and a negative ISEE', () => {
    expect(tariffFor(CASSANO_SAD_2023, { iseeCents: 0, resident: true, operators: 0 })).toMatchObject({
      ok: false,
      error: { code: 'tariff_operators_invalid' },
    });
    expect(tariffFor(CASSANO_SAD_2023, { iseeCents: 0, resident: true, siblingRank: 0 })).toMatchObject({
      error: { code: 'tariff_sibling_rank_invalid' },
    });
    expect(tariffFor(CASSANO_SAD_2023, { iseeCents: -1, resident: true })).toMatchObject({
      error: { code: 'isee_value_invalid' },
    });
  });
});

describe('Casale DEMO tables', () => {
  it('are marked DEMO and found by comune, service and day', () => {
    for (const table of CASALE_DEMO_TABLES) {
      expect(table.note).toContain('DEMO');
      expect(table.confidence).toBe('U');
    }
    expect(tableOn(CASALE_DEMO_TABLES, 'B885', 'mensa', '2026-09-01')).toMatchObject({
      ok: true,
      table: { id: 'B885-mensa-2026-27' },
    });
    expect(tableOn(CASALE_DEMO_TABLES, 'B885', 'sad', '2027-03-01')).toMatchObject({
      ok: true,
      table: { id: 'B885-sad-2027' },
    });
    expect(tableOn(CASALE_DEMO_TABLES, 'B885', 'mensa', '2027-09-01')).toMatchObject({
      ok: false,
      error: { code: 'tariff_no_table', params: { comune: 'B885', service: 'mensa', date: '2027-09-01' } },
    });
  });

  it('a second child gets 20% off the band price, rounded to the cent', () => {
    const mensa = CASALE_DEMO_TABLES[0];
    if (!mensa) throw new Error();
    expect(price(mensa, { iseeCents: 700_000 })).toBe(350);
    expect(price(mensa, { iseeCents: 700_000, siblingRank: 2 })).toBe(280);
    expect(price(mensa, { iseeCents: 700_000, siblingRank: 3 })).toBe(175);
  });
});

describe('checkTariffTable names the band at fault (1-based)', () => {
  const withBands = (bands: TariffTable['bands']): TariffTable => ({ ...MANFREDONIA_MENSA_2019, bands });
  const [b1, b2, b3, b4] = MANFREDONIA_MENSA_2019.bands;
  if (!b1 || !b2 || !b3 || !b4) throw new Error();

  it('overlapping bands', () => {
    expect(checkTariffTable(withBands([b1, { ...b2, fromCents: 600_000 }, b3, b4]))).toEqual([
      expect.objectContaining({
        code: 'tariff_band_overlap',
        params: expect.objectContaining({ band: 2, other: 1 }),
      }),
    ]);
  });

  it('a gap between bands, at the start and at the top', () => {
    expect(
      checkTariffTable(withBands([b1, { ...b2, fromCents: 600_002 }, b3, b4])).map((p) => [
        p.code,
        p.params.band,
        p.params.reason,
      ]),
    ).toEqual([['tariff_band_gap', 2, 'between']]);
    expect(checkTariffTable(withBands([{ ...b1, fromCents: 1 }, b2, b3, b4]))[0]).toMatchObject({
      params: { band: 1, reason: 'start' },
    });
    expect(checkTariffTable(withBands([b1, b2, b3]))[0]).toMatchObject({
      code: 'tariff_band_gap',
      params: { band: 4, reason: 'above' },
    });
  });

  it('reversed bounds, negative price, a linear band with no upper bound', () => {
    const problems = checkTariffTable(
      withBands([
        b1,
        { ...b2, toCents: 500_000 },
        { ...b3, price: { kind: 'fixed', cents: -1 } },
        { ...b4, price: { kind: 'linear', fromCents: 1, toCents: 2 } },
      ]),
    );
    expect(problems.map((p) => [p.code, p.params.band, p.params.reason])).toEqual(
      expect.arrayContaining([
        ['tariff_band_reversed', 2, undefined],
        ['tariff_price_invalid', 3, 'negative'],
        ['tariff_price_invalid', 4, 'linear_open_band'],
      ]),
    );
  });
});
