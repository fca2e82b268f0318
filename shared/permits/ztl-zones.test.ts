import { describe, expect, it } from 'vitest';
import { periodProblems } from '../calendar/dated-rows';
import { streetKey, ZONE_STREET_ROWS, zoneOf, zonesOf, type ZoneStreetRow } from './ztl-zones';

describe('ztl zones (demo data)', () => {
  it('has no overlapping rows per street', () => {
    expect(
      periodProblems(ZONE_STREET_ROWS, (r) => `${r.comune}/${r.kind}/${r.streetType} ${r.streetName}`),
    ).toEqual([]);
    expect(ZONE_STREET_ROWS.every((r) => r.demo)).toBe(true);
  });

  it('finds the ZTL and sosta sector of a street, forgiving case and spaces', () => {
    expect(zoneOf('B885', { streetType: 'via', streetName: '  roma' }, '2026-03-02')).toEqual({
      ztl: 'ZTL-CENTRO',
      sosta: null,
    });
    expect(zoneOf('B885', { streetType: 'Via', streetName: 'Cavour' }, '2026-03-02')).toEqual({
      ztl: null,
      sosta: 'SOSTA-A',
    });
    expect(zoneOf('B885', { streetType: 'Corso', streetName: 'Indipendenza' }, '2026-03-02')).toEqual({
      ztl: null,
      sosta: null,
    });
    expect(zoneOf('A182', { streetType: 'Via', streetName: 'Roma' }, '2026-03-02')).toEqual({
      ztl: null,
      sosta: null,
    });
  });

  it('follows the perimeter’s dates', () => {
    const table: ZoneStreetRow[] = [
      {
        comune: 'B885',
        kind: 'ztl',
        zone: 'ZTL-CENTRO',
        streetType: 'Via',
        streetName: 'Cavour',
        validFrom: '2026-01-01',
        validTo: null,
        demo: true,
      },
    ];
    expect(zoneOf('B885', { streetType: 'Via', streetName: 'Cavour' }, '2025-12-31', table).ztl).toBeNull();
    expect(zoneOf('B885', { streetType: 'Via', streetName: 'Cavour' }, '2026-01-01', table).ztl).toBe(
      'ZTL-CENTRO',
    );
  });

  it('lists the zones of a kind', () => {
    expect(zonesOf('B885', 'sosta', '2026-03-02')).toEqual(['SOSTA-A', 'SOSTA-B']);
    expect(zonesOf('B885', 'ztl', '2026-03-02')).toEqual(['ZTL-CENTRO']);
    expect(streetKey('Piazza', 'd’Armi')).toBe("piazza d'armi");
  });
});
