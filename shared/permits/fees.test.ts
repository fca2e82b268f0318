import { describe, expect, it } from 'vitest';
import { isoWeekday } from '../calendar/iso-date';
import { cents } from '../money/cents';
import { permitFee } from './fees';
import { kindRowOn, PERMIT_KIND_ROWS, type PermitKindRow } from './permit-kinds';

const casale = { comune: 'B885' };
const temporary = (startAt: string, at = '2026-03-01T09:00') =>
  permitFee('ztl_temporaneo', { ...casale, startAt }, at);

describe('permitFee: temporary ticket by the start instant (2017 tariff)', () => {
  it('the dates used are the weekdays they claim', () => {
    expect(isoWeekday('2026-03-02')).toBe(1); // Monday
    expect(isoWeekday('2026-03-07')).toBe(6); // Saturday
    expect(isoWeekday('2026-11-12')).toBe(4); // Thursday, Sant'Evasio in Casale
  });

  it.each([
    ['2026-03-02T08:00', 250, 'loading_window'],
    ['2026-03-02T10:59', 250, 'loading_window'],
    ['2026-03-02T11:00', 1500, 'other_weekday'],
    ['2026-03-02T07:59', 1500, 'other_weekday'],
    ['2026-03-02T14:29', 1500, 'other_weekday'],
    ['2026-03-02T14:30', 250, 'loading_window'],
    ['2026-03-02T16:29:59', 250, 'loading_window'],
    ['2026-03-02T16:30', 1500, 'other_weekday'],
    ['2026-03-02T23:50', 1500, 'other_weekday'],
    ['2026-03-06T09:00', 250, 'loading_window'], // Friday
    ['2026-03-07T09:00', 1500, 'weekend_holiday'], // Saturday
    ['2026-03-08T15:00', 1500, 'weekend_holiday'], // Sunday
    ['2026-04-06T09:00', 1500, 'weekend_holiday'], // Easter Monday
    ['2026-11-12T09:00', 1500, 'weekend_holiday'], // patron saint of Casale
  ])('starting %s costs %i cents (%s)', (startAt, feeCents, band) => {
    expect(temporary(startAt)).toMatchObject({ ok: true, feeCents, band, uncertain: true });
  });

  it('needs the start instant', () => {
    expect(permitFee('ztl_temporaneo', casale, '2026-03-02')).toMatchObject({
      ok: false,
      code: 'invalid_start',
    });
  });
});

describe('permitFee: flat fees', () => {
  it.each([
    ['ztl_residenti', 0, 'free'],
    ['ztl_lavoro', 10000, 'flat'],
    ['ztl_banche', 20000, 'flat'],
    ['ztl_ecologico', 0, 'free'],
    ['sosta_residenti', 3000, 'flat'],
    ['cude_permanente', 0, 'free'],
  ])('%s in Casale, 2026: %i cents', (kind, feeCents, band) => {
    expect(permitFee(kind, casale, '2026-03-02')).toMatchObject({ ok: true, feeCents, band });
  });

  it('a kind the comune does not issue is unknown', () => {
    expect(permitFee('ztl_lavoro', { comune: 'A182' }, '2026-03-02')).toEqual({
      ok: false,
      code: 'permit_kind_unknown',
      params: { kind: 'ztl_lavoro' },
    });
    expect(permitFee('ztl_boh', casale, '2026-03-02')).toMatchObject({ code: 'permit_kind_unknown' });
  });

  describe('across a tariff change on 1 January 2026', () => {
    const lavoro = kindRowOn('ztl_lavoro', 'B885', '2025-06-01') as PermitKindRow;
    const temp = kindRowOn('ztl_temporaneo', 'B885', '2025-06-01') as PermitKindRow;
    const tariff = temp.timedTariff as NonNullable<PermitKindRow['timedTariff']>;
    const kinds: PermitKindRow[] = [
      ...PERMIT_KIND_ROWS.filter((r) => r.kind !== 'ztl_lavoro' && r.kind !== 'ztl_temporaneo'),
      { ...lavoro, validTo: '2025-12-31' },
      { ...lavoro, validFrom: '2026-01-01', feeCents: cents(12000) },
      { ...temp, validTo: '2025-12-31' },
      {
        ...temp,
        validFrom: '2026-01-01',
        timedTariff: { ...tariff, loadingWindowCents: cents(300), otherWeekdayCents: cents(1800) },
      },
    ];

    it('the lavoro fee is the one of the day of issue', () => {
      expect(permitFee('ztl_lavoro', casale, '2025-12-31', { kinds })).toMatchObject({ feeCents: 10000 });
      expect(permitFee('ztl_lavoro', casale, '2026-01-01', { kinds })).toMatchObject({ feeCents: 12000 });
      expect(permitFee('ztl_lavoro', casale, '2026-01-01T00:05', { kinds })).toMatchObject({
        feeCents: 12000,
      });
    });

    it('a ticket sold on 31 December for 2 January pays December’s price', () => {
      const start = { ...casale, startAt: '2026-01-02T09:00' };
      expect(permitFee('ztl_temporaneo', start, '2025-12-31T18:00', { kinds })).toMatchObject({
        feeCents: 250,
      });
      expect(permitFee('ztl_temporaneo', start, '2026-01-02T08:55', { kinds })).toMatchObject({
        feeCents: 300,
      });
      expect(
        permitFee('ztl_temporaneo', { ...casale, startAt: '2026-01-02T12:00' }, '2026-01-02T08:55', {
          kinds,
        }),
      ).toMatchObject({ feeCents: 1800, band: 'other_weekday' });
    });
  });
});
