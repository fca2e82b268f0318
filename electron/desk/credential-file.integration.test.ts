import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCredentialStore } from './credential-file';

describe('browser-mode credential file', () => {
  const credential = {
    hubUrl: 'http://127.0.0.1:8710',
    workstation: 'Casale - Anagrafe 1',
    token: 'x'.repeat(43),
  };

  it('is written readable by its owner only, and read back', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sportello-cred-')), 'desk', 'workstation.json');
    const store = fileCredentialStore(file);
    expect(store.read()).toBeNull();
    store.write(credential);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.read()).toEqual(credential);
    store.clear();
    expect(store.read()).toBeNull();
  });

  it('refuses a damaged file instead of enrolling again silently', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sportello-cred-')), 'workstation.json');
    writeFileSync(file, JSON.stringify({ hubUrl: 'not a url', workstation: '', token: 'short' }));
    expect(() => fileCredentialStore(file).read()).toThrow(/not valid/);
    expect(readFileSync(file, 'utf8')).toContain('not a url');
  });
});
