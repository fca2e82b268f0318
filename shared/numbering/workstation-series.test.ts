import { describe, expect, it } from 'vitest';
import { compareSeriesNumbers, workstationSeries } from './workstation-series';

const example = { comune: 'B885', series: 'A2', year: 2025, counter: 42 };

describe('workstation series numbering', () => {
  it('formats with and without a prefix, and says what it expected', () => {
    const plain = workstationSeries({ example });
    const prefixed = workstationSeries({ prefix: 'XYZ', example });
    expect(plain.format(example)).toEqual({ ok: true, value: 'B885-A2-2025-000042' });
    expect(prefixed.format(example)).toEqual({ ok: true, value: 'XYZ-B885-A2-2025-000042' });
    expect(prefixed.parse('B885-A2-2025-000042')).toEqual({
      ok: false,
      detail: 'expected XYZ-COMUNE-SERIE-ANNO-NNNNNN, e.g. XYZ-B885-A2-2025-000042',
    });
    expect(plain.parse(' b885-a2-2025-000042 ')).toEqual({ ok: true, value: example });
    expect(plain.isCanonical('b885-a2-2025-000042')).toBe(false);
    expect(plain.isCanonical('B885-A2-2025-000042')).toBe(true);
  });

  it('counts per series and year and reports why it cannot', () => {
    const s = workstationSeries({ example });
    const request = { comune: 'B885', series: 'A2', date: '2025-06-01' };
    expect(s.next(example, request)).toMatchObject({ ok: true, value: { text: 'B885-A2-2025-000043' } });
    expect(s.next(example, { ...request, date: '2024-12-31' })).toMatchObject({
      ok: false,
      problem: { kind: 'clock_backwards' },
    });
    expect(s.next(null, { ...request, comune: 'b885' })).toMatchObject({
      ok: false,
      problem: { kind: 'invalid_parts', detail: 'comune: Belfiore code, a letter and 3 digits' },
    });
    expect(compareSeriesNumbers(example, { ...example, series: 'B1' })).toBeNull();
  });
});
