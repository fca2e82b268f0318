import { describe, expect, it } from 'vitest';
import { interpolate } from '../i18n/locale';
import { ISEE_RULE_MESSAGES } from './problems';
import { CASSANO_SAD_2023, GASPERINA_MENSA_2025, MANFREDONIA_MENSA_2019 } from './schedules';
import { parseTariffCsv, tariffFor } from './tariff-engine';

const MANFREDONIA_CSV = `# Manfredonia, mensa 2019/20
id;E885-mensa-2019-20
comune;E885
service;mensa
period;2019/20
valid_from;2019-09-01
valid_to;2020-08-31
unit;meal
confidence;V
source;Delibera di Giunta, marzo 2019 (statoquotidiano.it); DOMAIN.md §10.1
band;0,00;6.000,00;fisso;2,00
band;6.000,01;9.360,00;fisso;3,50
band;9.360,01;15.000,00;fisso;4,00
band;15.000,01;;fisso;4,50
no_isee;fisso;4,50
non_resident;fisso;4,50
`;

describe('parseTariffCsv', () => {
  it('loads the Manfredonia table as the resolution reads', () => {
    const result = parseTariffCsv(MANFREDONIA_CSV);
    expect(result).toEqual({ ok: true, table: { ...MANFREDONIA_MENSA_2019, perOperator: false } });
  });

  it('loads linear bands, exemptions, per-operator and calendar years (Cassano d’Adda SAD)', () => {
    const csv = [
      'id;C003-sad-2023',
      'comune;C003',
      'service;sad',
      'period;2023',
      'valid_from;2023-01-01',
      'unit;hour',
      'per_operator;sì',
      'confidence;V',
      'source;Delibera 247/2022',
      'band;0;3.000,00;esente',
      'band;3.000,01;7.500,00;lineare;2,00;5,00',
      'band;7.500,01;20.000,00;lineare;5,00;18,00',
      'band;20.000,01;;fisso;18,00',
      'no_isee;fisso;20,00',
    ].join('\n');
    const result = parseTariffCsv(csv);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.table).toMatchObject({
      period: { kind: 'calendar_year', year: 2023 },
      validTo: null,
      perOperator: true,
    });
    expect(result.table.bands).toEqual(CASSANO_SAD_2023.bands);
    expect(tariffFor(result.table, { iseeCents: 525_000, resident: true, operators: 2 })).toMatchObject({
      unitPriceCents: 700,
    });
  });

  it('loads sibling prices by band (Gasperina)', () => {
    const csv = [
      'id;D932-mensa-2025-26',
      'comune;D932',
      'service;mensa',
      'period;2025/26',
      'valid_from;2025-09-01',
      'valid_to;2026-08-31',
      'unit;meal',
      'confidence;K',
      'band;0;;fisso;1,40',
      'no_isee;fisso;1,40',
      'non_resident;fisso;2,60',
      'sibling_band;2;0;3.000,00;fisso;0,90',
      'sibling_band;2;3.000,01;5.000,00;fisso;1,00',
      'sibling_band;2;5.000,01;;fisso;1,10',
      'sibling;2;fisso;1,10',
      'sibling_band;3;0;3.000,00;esente',
      'sibling_band;3;3.000,01;;fisso;0,90',
    ].join('\n');
    const result = parseTariffCsv(csv);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    for (const [rank, isee] of [
      [2, 300_000],
      [2, 500_001],
      [3, 300_000],
      [3, 300_001],
    ] as const) {
      const fromCsv = tariffFor(result.table, { iseeCents: isee, resident: true, siblingRank: rank });
      const fromCode = tariffFor(GASPERINA_MENSA_2025, {
        iseeCents: isee,
        resident: true,
        siblingRank: rank,
      });
      expect(fromCsv.ok && fromCsv.unitPriceCents).toBe(fromCode.ok && fromCode.unitPriceCents);
    }
  });

  it('refuses overlapping bands naming the line of the band', () => {
    const csv = MANFREDONIA_CSV.replace('band;6.000,01;9.360,00', 'band;6.000,00;9.360,00');
    expect(parseTariffCsv(csv)).toEqual({
      ok: false,
      problems: [
        {
          line: 12,
          code: 'tariff_band_overlap',
          params: { table: 'E885-mensa-2019-20', band: 2, other: 1, line: 12 },
        },
      ],
    });
  });

  it('refuses a gap, naming the line after it', () => {
    const csv = MANFREDONIA_CSV.replace('band;9.360,01;', 'band;9.400,00;');
    expect(parseTariffCsv(csv)).toMatchObject({
      ok: false,
      problems: [{ line: 13, code: 'tariff_band_gap', params: { band: 3, fromEuro: '€ 9.360,01' } }],
    });
  });

  it('reports every bad line, with the reason', () => {
    const csv = MANFREDONIA_CSV.replace('band;0,00;6.000,00;fisso;2,00', 'band;0,00;6.000,00;fisso;2,001')
      .replace('unit;meal', 'unit;pasto')
      .replace('valid_from;2019-09-01', 'valid_from;2019-09-31')
      .replace('non_resident;fisso;4,50', 'non_resident;gratis')
      .concat('tariffa;strana\n');
    const result = parseTariffCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.code, p.params.reason])).toEqual([
      [6, 'tariff_csv_invalid', 'bad_date'],
      [8, 'tariff_csv_invalid', 'bad_unit'],
      [11, 'tariff_csv_invalid', 'bad_amount'],
      [16, 'tariff_csv_invalid', 'bad_price'],
      [17, 'tariff_csv_invalid', 'unknown_row'],
    ]);
  });

  it('refuses a table without bands or a no-ISEE price', () => {
    const result = parseTariffCsv(
      'id;x\ncomune;B885\nservice;mensa\nperiod;2026/27\nvalid_from;2026-09-01\nunit;meal\nconfidence;U',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.params.reason)).toEqual(['no_bands', 'missing_field']);
  });
});

describe('a refused line in the office’s words', () => {
  it('names the line and the reason in Italian and English', () => {
    const result = parseTariffCsv(MANFREDONIA_CSV.replace('unit;meal', 'unit;pasto'));
    if (result.ok) throw new Error('expected refusal');
    const [problem] = result.problems;
    if (!problem) throw new Error();
    expect(interpolate(ISEE_RULE_MESSAGES[problem.code].it, problem.params)).toBe(
      'Tabella tariffe rifiutata, riga 8: unità non valida (meal, month, hour) («pasto»).',
    );
    expect(interpolate(ISEE_RULE_MESSAGES[problem.code].en, problem.params)).toBe(
      'Tariff table refused, line 8: invalid unit (meal, month, hour) («pasto»).',
    );
  });
});
