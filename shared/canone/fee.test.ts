import { describe, expect, it } from 'vitest';
import { annualFee, canoneFee, roundMeasure, type CanoneRequest } from './fee';
import { CANONE_COMUNE_SETTINGS, type CanoneComuneSetting } from './tariffs';

const dehors: CanoneRequest = {
  comune: 'B885',
  category: 'dehors',
  regime: 'temporary',
  zone: '1',
  measure: 12,
  start: '2026-05-01',
  end: '2026-07-29', // 90 days, both ends included
};

function total(req: CanoneRequest, tables = {}): number {
  const result = canoneFee(req, tables);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value.totalCents;
}

function problem(req: CanoneRequest, tables = {}): { code: string; params: Record<string, string | number> } {
  const result = canoneFee(req, tables);
  if (result.ok) throw new Error(`accepted: ${result.value.totalCents}`);
  return result.error;
}

/** Casale's 2021 row with one change, as the only Casale row. */
function casaleWith(change: Partial<CanoneComuneSetting>): CanoneComuneSetting[] {
  const base = CANONE_COMUNE_SETTINGS.find((s) => s.comune === 'B885' && s.version === '2021');
  if (!base) throw new Error('no Casale row');
  return [{ ...base, validTo: null, ...change }];
}

describe('the worked examples of DOMAIN.md §5.4, to the cent', () => {
  it('Casale, dehors 12 m², zone 1.0, temporary 0.808, 90 days → €1,047.17', () => {
    const result = canoneFee(dehors);
    expect(result.ok && result.value).toMatchObject({
      totalCents: 104717,
      days: 90,
      chargedMeasure: 12,
      tariffCents: 120,
      zoneCoefficient: 1,
      categoryCoefficient: 0.808,
      tariffVersion: '2021',
    });
    const lines = result.ok ? result.value.lines : [];
    expect(lines.find((l) => l.code === 'total')?.value).toBe('€ 1.047,17');
    expect(lines.find((l) => l.code === 'total')?.values.en).toBe('€1,047.17');
    expect(lines.find((l) => l.code === 'category')?.value).toBe('0,808');
    expect(result.ok && result.value.uncertain).toContain('tariff');
  });

  it('Casale, scaffolding 20 m², zone 0.8, 0.323, 30 days → €186.05', () => {
    expect(
      total({
        ...dehors,
        category: 'ponteggi',
        zone: '2',
        measure: 20,
        start: '2026-03-01',
        end: '2026-03-30',
      }),
    ).toBe(18605);
  });

  it('small comune, stall with sales 10 m², 0.969, 30 days → €174.42', () => {
    const result = canoneFee({
      comune: 'A605',
      category: 'chiosco',
      regime: 'temporary',
      zone: 'U',
      measure: 10,
      start: '2026-06-01',
      end: '2026-06-30',
    });
    expect(result.ok && result.value.totalCents).toBe(17442);
    expect(result.ok && result.value.tariffCents).toBe(60);
  });

  it('Casale, permanent kiosk 7 m², 0.840, a whole year → €294.00', () => {
    const result = canoneFee({
      comune: 'B885',
      category: 'chiosco',
      regime: 'permanent',
      zone: '1',
      measure: 7,
      start: '2026-01-01',
      end: null,
    });
    expect(result.ok && result.value).toMatchObject({
      totalCents: 29400,
      months: 12,
      year: 2026,
      days: null,
    });
  });
});

describe('rounding of the measure', () => {
  it.each([
    [0.4, 1, 1],
    [1.0, 1, 1],
    [1.01, 1.5, 2],
    [1.5, 1.5, 2],
    [1.51, 2, 2],
    [12, 12, 12],
  ])('%s m² → %s (half rule) or %s (whole rule)', (measure, half, whole) => {
    expect(roundMeasure(measure, 'half_m2_above_1')).toBe(half);
    expect(roundMeasure(measure, 'whole_m2')).toBe(whole);
  });

  it('the fee charges the rounded measure: 1.01 m² costs 1.5 m² in Casale, 2 m² in a partner comune', () => {
    const casale = canoneFee({ ...dehors, measure: 1.01, end: '2026-05-01' });
    expect(casale.ok && casale.value.chargedMeasure).toBe(1.5);
    expect(casale.ok && casale.value.totalCents).toBe(145); // 1.20 × 0.808 × 1.5 = 1.4544
    const partner = canoneFee({ ...dehors, comune: 'A605', zone: 'U', measure: 1.01, end: '2026-05-01' });
    expect(partner.ok && partner.value.chargedMeasure).toBe(2);
    expect(partner.ok && partner.value.totalCents).toBe(97); // 0.60 × 0.808 × 2 = 0.9696
  });

  it('a driveway is charged by linear metre', () => {
    const result = canoneFee({ ...dehors, category: 'passo_carrabile', measure: 4.2 });
    expect(result.ok && result.value.unit).toBe('ml');
    expect(result.ok && result.value.chargedMeasure).toBe(4.5);
  });
});

describe('own shop sign (c.833): exempt up to 5 m²', () => {
  const sign: CanoneRequest = {
    comune: 'B885',
    category: 'insegna',
    regime: 'permanent',
    zone: '1',
    measure: 5,
    start: '2026-01-01',
    end: null,
    ownSign: true,
  };

  it('5.0 m² costs nothing', () => {
    const result = canoneFee(sign);
    expect(result.ok && result.value).toMatchObject({ totalCents: 0, chargedMeasure: 0, exemptMeasure: 5 });
    expect(result.ok && result.value.uncertain).toContain('own_sign');
  });

  it('6 m²: the whole surface when the rule is "whole" (Casale 2021)', () => {
    // 50.00 × 1.0 × 0.300 × 6 = 90.00
    const result = canoneFee({ ...sign, measure: 6 });
    expect(result.ok && result.value).toMatchObject({
      totalCents: 9000,
      chargedMeasure: 6,
      exemptMeasure: 0,
    });
  });

  it('6 m²: only the excess 1 m² when the rule is "excess"', () => {
    const tables = { settings: casaleWith({ ownSign: { exemptUpToM2: 5, above: 'excess' } }) };
    const result = canoneFee({ ...sign, measure: 6 }, tables);
    expect(result.ok && result.value).toMatchObject({
      totalCents: 1500,
      chargedMeasure: 1,
      exemptMeasure: 5,
    });
  });

  it('a sign that is not the business’s own, or not a sign, gets no exemption', () => {
    expect(total({ ...sign, ownSign: false })).toBe(7500);
    expect(total({ ...sign, category: 'chiosco' })).toBe(21000);
  });
});

describe('tariff validity changes at a date', () => {
  it('the same dehors costs the 2021 tariff from 31/12/2026 and the 2027 tariff from 1/1/2027', () => {
    const before = canoneFee({ ...dehors, start: '2026-12-31', end: '2027-03-30' });
    const after = canoneFee({ ...dehors, start: '2027-01-01', end: '2027-03-31' });
    expect(before.ok && before.value).toMatchObject({ totalCents: 104717, tariffVersion: '2021', days: 90 });
    // 1.25 × 0.808 × 12 × 90 = 1090.80
    expect(after.ok && after.value).toMatchObject({ totalCents: 109080, tariffVersion: '2027', days: 90 });
  });

  it('a permanent concession pays each year at the tariff in force on 1 January', () => {
    const kiosk: CanoneRequest = {
      ...dehors,
      category: 'chiosco',
      regime: 'permanent',
      measure: 7,
      end: null,
    };
    const y2026 = annualFee({ ...kiosk, start: '2026-01-01' }, 2026);
    const y2027 = annualFee({ ...kiosk, start: '2026-01-01' }, 2027);
    expect(y2026.ok && y2026.value.totalCents).toBe(29400);
    expect(y2027.ok && y2027.value).toMatchObject({ totalCents: 30576, tariffVersion: '2027' }); // 52 × 0.84 × 7
  });

  it('no tariff row for the comune or the date → canone_no_tariff', () => {
    expect(problem({ ...dehors, comune: 'Z999' }).code).toBe('canone_no_tariff');
    expect(problem({ ...dehors, start: '2020-06-01', end: '2020-06-02' }).code).toBe('canone_no_tariff');
  });
});

describe('the first year of a permanent concession', () => {
  const kiosk: CanoneRequest = { ...dehors, category: 'chiosco', regime: 'permanent', measure: 7, end: null };

  it('starting on 15 July pays six twelfths (July to December) by default', () => {
    const result = canoneFee({ ...kiosk, start: '2026-07-15' });
    expect(result.ok && result.value).toMatchObject({ totalCents: 14700, months: 6 });
    expect(result.ok && result.value.uncertain).toContain('part_year');
  });

  it('pays the whole year under the full-year rule', () => {
    const result = canoneFee(
      { ...kiosk, start: '2026-07-15' },
      { settings: casaleWith({ partYear: 'full_year' }) },
    );
    expect(result.ok && result.value.totalCents).toBe(29400);
  });

  it('a year outside the concession costs nothing', () => {
    const result = annualFee({ ...kiosk, start: '2026-03-01', end: '2026-12-31' }, 2027);
    expect(result.ok && result.value.totalCents).toBe(0);
  });
});

describe('hourly fractions', () => {
  const market: CanoneRequest = { ...dehors, category: 'chiosco', measure: 10, end: '2026-05-01' };

  it('6 hours of one day cost 6/24 of the daily fee', () => {
    // 1.20 × 0.969 × 10 × 6/24 = 2.907
    const result = canoneFee({ ...market, hours: { from: '08:00', to: '14:00' } });
    expect(result.ok && result.value).toMatchObject({ totalCents: 291, hoursPerDay: 6 });
    expect(result.ok && result.value.uncertain).toContain('hourly');
  });

  it('started hours count, with the 4-hour minimum, on each day', () => {
    const oneHalf = canoneFee({ ...market, hours: { from: '09:00', to: '10:30' } });
    expect(oneHalf.ok && oneHalf.value.hoursPerDay).toBe(4);
    const fiveAndABit = canoneFee({ ...market, end: '2026-05-03', hours: { from: '09:00', to: '14:10' } });
    // 1.20 × 0.969 × 10 × 3 days × 6/24 = 8.721
    expect(fiveAndABit.ok && fiveAndABit.value).toMatchObject({ totalCents: 872, hoursPerDay: 6, days: 3 });
  });

  it('a comune without hourly fractions refuses hours', () => {
    expect(
      problem({ ...market, comune: 'A605', zone: 'U', hours: { from: '08:00', to: '12:00' } }).code,
    ).toBe('canone_hours_not_allowed');
  });

  it.each([
    ['14:00', '08:00'],
    ['08:00', '08:00'],
    ['8:00', '12:00'],
    ['08:00', '25:00'],
    ['08:61', '12:00'],
  ])('hours %s–%s are refused', (from, to) => {
    expect(problem({ ...market, hours: { from, to } }).code).toBe('canone_hours_invalid');
  });
});

describe('bad input changes nothing and says why', () => {
  it.each([0, -3, Number.NaN, Number.POSITIVE_INFINITY, 10_000.5])(
    'measure %s → canone_measure_invalid',
    (measure) => {
      expect(problem({ ...dehors, measure }).code).toBe('canone_measure_invalid');
    },
  );

  it('end before start, temporary without end, temporary over 365 days', () => {
    expect(problem({ ...dehors, end: '2026-04-30' }).params.reason).toBe('end_before_start');
    expect(problem({ ...dehors, end: null }).params.reason).toBe('no_end');
    expect(problem({ ...dehors, end: '2027-05-01' }).params.reason).toBe('too_long');
    expect(problem({ ...dehors, start: '2026-02-30' }).params.reason).toBe('bad_date');
    expect(problem({ ...dehors, end: '2026-04-30' }).code).toBe('canone_period_invalid');
  });

  it('365 days is still temporary', () => {
    expect(canoneFee({ ...dehors, end: '2027-04-30' }).ok).toBe(true);
  });

  it('hours on a permanent concession are refused', () => {
    expect(
      problem({ ...dehors, regime: 'permanent', end: null, hours: { from: '08:00', to: '12:00' } }).code,
    ).toBe('canone_hours_invalid');
  });

  it('unknown category or zone', () => {
    expect(problem({ ...dehors, category: 'piscina' }).code).toBe('canone_category_unknown');
    expect(problem({ ...dehors, zone: '9' }).code).toBe('canone_zone_unknown');
    expect(problem({ ...dehors, comune: 'A605', zone: '1' }).code).toBe('canone_zone_unknown');
  });
});

describe('the minimum fee', () => {
  it('raises a small due fee to the minimum (Casale 2027: €5.00), never a zero one', () => {
    const small = canoneFee({ ...dehors, measure: 1, start: '2027-02-01', end: '2027-02-01' });
    expect(small.ok && small.value.totalCents).toBe(500);
    expect(small.ok && small.value.lines.map((l) => l.code)).toContain('minimum');
    const sign = canoneFee({
      ...dehors,
      category: 'insegna',
      regime: 'permanent',
      measure: 4,
      start: '2027-01-01',
      end: null,
      ownSign: true,
    });
    expect(sign.ok && sign.value.totalCents).toBe(0);
  });
});
