import { chmodSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCredentialStore } from './credential-file';
import { deskMigrations } from './db/migrations';
import { openDeskDatabase } from './db/open-database';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('desk data at rest', () => {
  it('keeps its folder 0700 and the database with its WAL and SHM files 0600', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sportello-rest-')), 'data', 'desk');
    const file = join(dir, 'desk.sqlite');
    const d = await openDeskDatabase(file);
    d.sqlite.prepare("insert into meta (key, value) values ('probe', 'x')").run();
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, '..'))).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      expect(existsSync(f)).toBe(true);
      expect([f, mode(f)]).toEqual([f, 0o600]);
    }
    await d.close();
  });

  it("tightens an older version's world-readable folder and files, and keeps its migration backup 0600", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sportello-rest-')), 'desk');
    const file = join(dir, 'desk.sqlite');
    const names = Object.keys(deskMigrations()).sort();
    const older = Object.fromEntries(names.slice(0, -1).map((n) => [n, deskMigrations()[n]!]));
    const first = await openDeskDatabase(file, older);
    await first.close();
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    const again = await openDeskDatabase(file);
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(again.backupFile).not.toBeNull();
    expect(mode(again.backupFile!)).toBe(0o600);
    await again.close();
  });

  it('writes the workstation credential 0600 in a 0700 folder, also over an older 0644 file', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sportello-rest-')), 'desk');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const file = join(dir, 'workstation.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    chmodSync(file, 0o644);
    fileCredentialStore(file).write({
      hubUrl: 'http://127.0.0.1:8710',
      workstation: 'W',
      token: 'x'.repeat(43),
    });
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });
});
