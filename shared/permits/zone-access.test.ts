import { describe, expect, it } from 'vitest';
import { opensZone } from './zone-access';

const on = '2026-12-06';

describe('which zone a permit opens', () => {
  it('a zoned permit opens its zone only; an unzoned ZTL permit every ZTL; parking no gate', () => {
    expect(opensZone({ kind: 'ztl_residenti', zone: 'ZTL-CENTRO' }, 'ZTL-CENTRO', 'B885', on)).toBe(true);
    expect(opensZone({ kind: 'ztl_residenti', zone: 'ZTL-CENTRO' }, 'ZTL-NORD', 'B885', on)).toBe(false);
    expect(opensZone({ kind: 'cude_permanente', zone: null }, 'ZTL-NORD', 'B885', on)).toBe(true);
    expect(opensZone({ kind: 'ztl_lavoro', zone: null }, 'ZTL-CENTRO', 'B885', on)).toBe(true);
    expect(opensZone({ kind: 'sosta_residenti', zone: 'SOSTA-A' }, null, 'B885', on)).toBe(false);
    expect(opensZone({ kind: 'sosta_residenti', zone: 'SOSTA-A' }, 'SOSTA-A', 'B885', on)).toBe(true);
    expect(opensZone({ kind: 'sosta_residenti', zone: 'SOSTA-A' }, 'ZTL-CENTRO', 'B885', on)).toBe(false);
  });
});
