import { describe, expect, it } from 'vitest';
import {
  cashdeskSettingOn,
  checkCashdeskSettings,
  COMUNE_CASHDESK_SETTINGS,
  type ComuneCashdeskSetting,
} from './comune-settings';

const base: ComuneCashdeskSetting = {
  comune: 'X001',
  validFrom: '2026-01-01',
  validTo: '2026-06-30',
  cashEnabled: true,
  cashLimitCents: null,
  segregationCode: '01',
  enteFiscalCode: '00000000000',
};

describe('cash desk settings per comune', () => {
  it('the built-in table is consistent', () => {
    expect(checkCashdeskSettings(COMUNE_CASHDESK_SETTINGS)).toEqual([]);
  });

  it('finds the setting in force, bounds included, and none outside', () => {
    const table = [base, { ...base, validFrom: '2026-07-01', validTo: null, cashEnabled: false }];
    expect(cashdeskSettingOn('X001', '2026-06-30', table)?.cashEnabled).toBe(true);
    expect(cashdeskSettingOn('X001', '2026-07-01', table)?.cashEnabled).toBe(false);
    expect(cashdeskSettingOn('X001', '2025-12-31', table)).toBeNull();
    expect(cashdeskSettingOn('Y002', '2026-03-01', table)).toBeNull();
  });

  it('does not guess between overlapping settings, and the check reports them', () => {
    const table = [base, { ...base, validFrom: '2026-06-01', validTo: null }];
    expect(cashdeskSettingOn('X001', '2026-06-15', table)).toBeNull();
    expect(checkCashdeskSettings(table)).toEqual(['X001: rows from 2026-01-01 and 2026-06-01 overlap']);
  });
});
