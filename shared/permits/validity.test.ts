import { describe, expect, it } from 'vitest';
import { kindRowOn, type PermitKind, type PermitKindRow } from './permit-kinds';
import { addMinutesLocal, lastDayAfterMonths, permitValidity, renewalStart } from './validity';

const row = (kind: PermitKind) => kindRowOn(kind, 'B885', '2026-04-01') as PermitKindRow;

describe('permitValidity', () => {
  it.each([
    ['ztl_residenti', '2026-04-01', '2028-03-31'],
    ['ztl_domiciliati', '2026-04-01', '2029-03-31'],
    ['ztl_banche', '2026-04-01', '2027-03-31'],
    ['ztl_lavoro', '2026-01-01', '2026-12-31'],
    ['ztl_transito', '2026-04-01', '2028-03-31'],
    ['cude_permanente', '2026-04-01', '2031-03-31'],
    ['sosta_residenti', '2026-02-28', '2027-02-27'],
  ] as const)('%s from %s ends on %s', (kind, start, validTo) => {
    expect(permitValidity(row(kind), start)).toEqual({
      ok: true,
      validFrom: start,
      validTo,
      validFromAt: null,
      validToAt: null,
    });
  });

  it('clamps a first day missing in the end month, then takes the day before', () => {
    expect(lastDayAfterMonths('2024-02-29', 12)).toBe('2025-02-27');
    expect(lastDayAfterMonths('2025-08-31', 6)).toBe('2026-02-27');
  });

  it('domiciliati: never beyond the domicile', () => {
    expect(permitValidity(row('ztl_domiciliati'), '2026-04-01', { domicileEnd: '2027-06-30' })).toMatchObject(
      {
        validTo: '2027-06-30',
      },
    );
    expect(permitValidity(row('ztl_domiciliati'), '2026-04-01', { domicileEnd: '2035-01-01' })).toMatchObject(
      {
        validTo: '2029-03-31',
      },
    );
  });

  it('a fixed-length kind ignores a shorter end', () => {
    expect(permitValidity(row('ztl_residenti'), '2026-04-01', { domicileEnd: '2026-06-30' })).toMatchObject({
      validTo: '2028-03-31',
    });
  });

  it('cude temporaneo lasts as long as the certified condition, which is required', () => {
    expect(
      permitValidity(row('cude_temporaneo'), '2026-04-01', { certifiedEnd: '2026-10-15' }),
    ).toMatchObject({
      ok: true,
      validTo: '2026-10-15',
    });
    expect(permitValidity(row('cude_temporaneo'), '2026-04-01')).toEqual({
      ok: false,
      code: 'permit_end_required',
      params: {},
    });
    expect(
      permitValidity(row('cude_temporaneo'), '2026-04-01', { certifiedEnd: '2026-03-01' }),
    ).toMatchObject({
      ok: false,
      code: 'invalid_start',
    });
  });

  it('temporary: 30 minutes of wall clock, across midnight too', () => {
    expect(permitValidity(row('ztl_temporaneo'), '2026-04-01T08:10')).toEqual({
      ok: true,
      validFrom: '2026-04-01',
      validTo: '2026-04-01',
      validFromAt: '2026-04-01T08:10',
      validToAt: '2026-04-01T08:40',
    });
    expect(permitValidity(row('ztl_temporaneo'), '2026-12-31T23:45:10')).toEqual({
      ok: true,
      validFrom: '2026-12-31',
      validTo: '2027-01-01',
      validFromAt: '2026-12-31T23:45',
      validToAt: '2027-01-01T00:15',
    });
    expect(permitValidity(row('ztl_temporaneo'), '2026-04-01')).toMatchObject({
      ok: false,
      code: 'invalid_start',
    });
    expect(permitValidity(row('ztl_residenti'), '2026-04-01T08:00')).toMatchObject({
      ok: false,
      code: 'invalid_start',
    });
  });

  it('adds minutes to local times', () => {
    expect(addMinutesLocal('2028-02-28T23:59', 2)).toBe('2028-02-29T00:01');
    expect(addMinutesLocal('2026-03-01T00:10', -20)).toBe('2026-02-28T23:50');
  });
});

describe('renewalStart', () => {
  it('the day after the old one ends when it is still in force', () => {
    expect(renewalStart({ validTo: '2026-03-31', status: 'active' }, '2026-03-10')).toBe('2026-04-01');
    expect(renewalStart({ validTo: '2026-03-31', status: 'active' }, '2026-03-31')).toBe('2026-04-01');
  });

  it('today when it has ended or is no longer active', () => {
    expect(renewalStart({ validTo: '2026-03-31', status: 'active' }, '2026-04-05')).toBe('2026-04-05');
    expect(renewalStart({ validTo: '2026-03-31', status: 'expired' }, '2026-03-10')).toBe('2026-03-10');
    expect(renewalStart({ validTo: '2026-03-31', status: 'superseded' }, '2026-03-10')).toBe('2026-03-10');
  });
});
