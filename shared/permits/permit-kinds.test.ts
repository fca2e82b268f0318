import { describe, expect, it } from 'vitest';
import { periodProblems } from '../calendar/dated-rows';
import { cents } from '../money/cents';
import {
  familyOf,
  kindRowOn,
  kindsFor,
  PERMIT_KIND_ROWS,
  PERMIT_KINDS,
  type PermitKindRow,
} from './permit-kinds';

describe('permit kind table', () => {
  it('has no overlapping or reversed periods per kind and comune', () => {
    expect(periodProblems(PERMIT_KIND_ROWS, (r) => `${r.comune}/${r.kind}`)).toEqual([]);
  });

  it('gives Casale every kind in 2026, in the declared order', () => {
    expect(kindsFor('B885', '2026-03-01').map((r) => r.kind)).toEqual([...PERMIT_KINDS]);
  });

  it('gives another comune only the national and default kinds', () => {
    expect(kindsFor('A182', '2026-03-01').map((r) => r.kind)).toEqual([
      'sosta_residenti',
      'cude_permanente',
      'cude_temporaneo',
    ]);
  });

  it('has no Casale ZTL kind before its rows start, except the ecological permit (2012)', () => {
    expect(kindsFor('B885', '2015-06-01').map((r) => r.kind)).toEqual([
      'ztl_ecologico',
      'sosta_residenti',
      'cude_permanente',
      'cude_temporaneo',
    ]);
  });

  it('carries the 2017 temporary tariff and the CUDE plate limit', () => {
    const temp = kindRowOn('ztl_temporaneo', 'B885', '2026-01-10');
    expect(temp?.timedTariff?.loadingWindowCents).toBe(250);
    expect(temp?.timedTariff?.otherWeekdayCents).toBe(1500);
    expect(temp?.validity).toEqual({ unit: 'minutes', minutes: 30 });
    expect(temp?.maxDaysAhead).toBe(10);
    expect(kindRowOn('cude_permanente', 'B885', '2026-01-10')?.maxPlates).toBe(2);
    expect(kindRowOn('ztl_residenti', 'B885', '2026-01-10')?.onePerHousehold).toBe(true);
    expect(kindRowOn('sosta_residenti', 'B885', '2026-01-10')?.opensZtl).toBe(false);
  });

  it('marks every guessed value uncertain, with a note', () => {
    for (const r of PERMIT_KIND_ROWS) {
      expect(r.note.length).toBeGreaterThan(10);
      if (r.feeCents > 0) expect(r.pagoPa.uncertain).toBe(true);
    }
    expect(kindRowOn('ztl_lavoro', 'B885', '2026-01-10')?.uncertain).toBe(true);
    expect(kindRowOn('ztl_banche', 'B885', '2026-01-10')?.uncertain).toBe(true);
  });

  it('families follow the kind prefix', () => {
    expect(PERMIT_KINDS.map(familyOf)).toEqual([
      'ztl',
      'ztl',
      'ztl',
      'ztl',
      'ztl',
      'ztl',
      'ztl',
      'ztl',
      'sosta',
      'cude',
      'cude',
    ]);
  });

  describe('a row valid to 2025-12-31 and a new one from 2026-01-01', () => {
    const base = kindRowOn('ztl_lavoro', 'B885', '2025-06-01') as PermitKindRow;
    const table: PermitKindRow[] = [
      { ...base, validFrom: '2017-01-01', validTo: '2025-12-31', feeCents: cents(10000) },
      { ...base, validFrom: '2026-01-01', validTo: null, feeCents: cents(12000) },
    ];

    it('picks the old row on the last day and the new one on the first', () => {
      expect(kindRowOn('ztl_lavoro', 'B885', '2025-12-31', table)?.feeCents).toBe(10000);
      expect(kindRowOn('ztl_lavoro', 'B885', '2026-01-01', table)?.feeCents).toBe(12000);
    });

    it('a comune row replaces the default only while in force', () => {
      const sosta = kindRowOn('sosta_residenti', '*', '2026-01-01') as PermitKindRow;
      const own: PermitKindRow[] = [
        sosta,
        { ...sosta, comune: 'B885', validFrom: '2026-01-01', feeCents: cents(4000) },
      ];
      expect(kindRowOn('sosta_residenti', 'B885', '2025-12-31', own)?.feeCents).toBe(3000);
      expect(kindRowOn('sosta_residenti', 'B885', '2026-01-01', own)?.feeCents).toBe(4000);
      expect(kindRowOn('sosta_residenti', 'A182', '2025-12-31', own)?.feeCents).toBe(3000);
    });
  });
});
