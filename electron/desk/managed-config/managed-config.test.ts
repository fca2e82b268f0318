import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors/app-error';
import {
  assertHubUrlAllowed,
  loadManagedConfig,
  lockedSettings,
  managedConfigPath,
  MANAGED_CONFIG_ENV,
  parseManagedConfig,
} from './managed-config';

const full = {
  hubUrl: ['https://hub.casale.example/', 'https://hub2.casale.example'],
  comune: 'B885',
  workstation: 'Casale - Anagrafe 3',
  ring: 'casale',
  enrolmentCode: 'ABCD-EFGH-JKLM',
  updates: 'managed-by-it',
  caCertificate: 'C:\\ProgramData\\Sportello\\comune-ca.pem',
};

const problem = (text: string): string => {
  try {
    parseManagedConfig(text, '/etc/sportello/managed.json');
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('managed_config_invalid');
    return (err as AppError).toData('it').message;
  }
  throw new Error('accepted');
};

describe('managed configuration', () => {
  it('lives in one machine-wide place per OS', () => {
    expect(managedConfigPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\Sportello\\managed.json',
    );
    expect(managedConfigPath('win32', {})).toBe('C:\\ProgramData\\Sportello\\managed.json');
    expect(managedConfigPath('linux', {})).toBe('/etc/sportello/managed.json');
    expect(managedConfigPath('darwin', {})).toBe('/Library/Application Support/Sportello/managed.json');
  });

  it('reads every preset, hub addresses in order, self-updating unless IT says otherwise', () => {
    const c = parseManagedConfig(JSON.stringify(full), 'f');
    expect(c).toMatchObject({
      hubUrls: ['https://hub.casale.example', 'https://hub2.casale.example'],
      comune: 'B885',
      ring: 'casale',
      enrolmentCode: 'ABCD-EFGH-JKLM',
      updates: 'managed-by-it',
    });
    expect(parseManagedConfig('{"hubUrl":"https://hub.example"}', 'f').updates).toBe('self');
  });

  it('shows the clerk what is locked, never the enrolment code', () => {
    const locked = lockedSettings(parseManagedConfig(JSON.stringify(full), 'f'));
    expect(locked.map((l) => l.setting)).toEqual([
      'hubUrl',
      'comune',
      'workstation',
      'ring',
      'updates',
      'caCertificate',
    ]);
    expect(JSON.stringify(locked)).not.toContain('ABCD');
  });

  it('names the file and the field in every refusal', () => {
    expect(problem('{"hubUrl": "http://hub.casale.example"}')).toMatch(
      /managed\.json.*hubUrl: must be https:\/\//,
    );
    expect(problem('{"hubUrl": "https://h.example", "comune": "casale"}')).toMatch(/comune: a Belfiore code/);
    expect(problem('{"hubUrl": "https://h.example", "ring": "Pilot Ring"}')).toMatch(/ring: lower-case/);
    expect(problem('{"hubUrl": "https://h.example", "updates": "never"}')).toMatch(/updates/);
    expect(problem('{"hubUrl": "https://h.example", "hubURL": "x"}')).toMatch(/hubURL/);
    expect(problem('{"comune": "B885"}')).toMatch(/hubUrl/);
    expect(problem('{"hubUrl": ')).toMatch(/not JSON/);
  });

  it('takes the environment first (inline JSON or a path), then the machine-wide file, else none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sportello-managed-'));
    const file = join(dir, 'managed.json');
    writeFileSync(file, JSON.stringify({ hubUrl: 'https://from-file.example' }));
    expect(loadManagedConfig('linux', { [MANAGED_CONFIG_ENV]: file })?.hubUrls).toEqual([
      'https://from-file.example',
    ]);
    expect(
      loadManagedConfig('linux', { [MANAGED_CONFIG_ENV]: '{"hubUrl":"https://inline.example"}' })?.source,
    ).toBe(MANAGED_CONFIG_ENV);
    expect(loadManagedConfig('win32', { ProgramData: dir })).toBeNull();
    expect(() => loadManagedConfig('linux', { [MANAGED_CONFIG_ENV]: join(dir, 'missing.json') })).toThrow(
      /ENOENT/,
    );
  });

  it('lets the first-run screen use only a hub IT listed', () => {
    const c = parseManagedConfig(JSON.stringify(full), 'f');
    expect(() => assertHubUrlAllowed(c, 'https://hub2.casale.example/')).not.toThrow();
    expect(() => assertHubUrlAllowed(c, 'https://elsewhere.example')).toThrow(
      expect.objectContaining({ code: 'managed_setting_locked' }),
    );
    expect(() => assertHubUrlAllowed(null, 'https://elsewhere.example')).not.toThrow();
  });
});
