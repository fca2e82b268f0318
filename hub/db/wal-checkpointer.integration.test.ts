import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openHubDatabase } from './open-hub-database';

/** Rows of `hub_meta` found in the database file alone, without its log (a copy of it, opened). */
function rowsInFileAlone(file: string, copy: string): number {
  copyFileSync(file, copy);
  rmSync(`${copy}-wal`, { force: true });
  rmSync(`${copy}-shm`, { force: true });
  const db = new SQLite(copy);
  try {
    return (
      db.prepare("select count(*) as n from hub_meta where key like 'wal-test-%'").get() as { n: number }
    ).n;
  } catch {
    return -1; // the table itself is still only in the log, or the copy caught a page being written
  } finally {
    db.close();
  }
}

describe('the embedded hub checkpoints its log on a thread of its own', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('puts what the hub writes into the database file while the hub keeps running, and leaves no log once closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sportello-wal-'));
    dirs.push(dir);
    const file = join(dir, 'hub.sqlite');
    const hub = await openHubDatabase({ sqliteFile: file });
    try {
      // a few pages: far under the 10,000 after which the hub's own checkpoint would copy them
      await hub.db
        .insertInto('hub_meta')
        .values(Array.from({ length: 100 }, (_, i) => ({ key: `wal-test-${i}`, value: 'x'.repeat(500) })))
        .execute();
      let found = rowsInFileAlone(file, join(dir, 'copy.sqlite'));
      for (let tries = 0; found !== 100 && tries < 250; tries++) {
        await sleep(20);
        found = rowsInFileAlone(file, join(dir, 'copy.sqlite'));
      }
      expect(found).toBe(100);
    } finally {
      await hub.close();
    }
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new SQLite(file, { readonly: true });
    expect(
      (
        reopened.prepare("select count(*) as n from hub_meta where key like 'wal-test-%'").get() as {
          n: number;
        }
      ).n,
    ).toBe(100);
    reopened.close();
  });
});
