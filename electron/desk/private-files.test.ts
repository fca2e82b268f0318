import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { privateDir, privateFile } from './private-files';

const mode = (p: string) => statSync(p).mode & 0o7777;

describe('private folders and files at the desk (the hub keeps the same lines)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), 'sportello-private-'));
    dirs.push(d);
    return d;
  };

  it('closes a data folder of an older version to everyone but its account', () => {
    const dir = fresh();
    chmodSync(dir, 0o755);
    privateDir(dir);
    expect(mode(dir)).toBe(0o700);
  });

  it('leaves a shared sticky folder like /tmp open when a file is placed right in it', () => {
    const shared = fresh();
    chmodSync(shared, 0o1777);
    privateDir(shared);
    expect(mode(shared)).toBe(0o1777);
    const file = join(shared, 'data.sqlite');
    privateFile(file);
    expect(mode(file)).toBe(0o600);
  });
});
