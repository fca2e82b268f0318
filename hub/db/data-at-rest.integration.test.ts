import { chmodSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openHubDatabase } from './open-hub-database';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('hub data at rest (embedded SQLite)', () => {
  it('keeps its folders 0700 and the database with its WAL and SHM files 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'sportello-hubrest-')), 'data');
    const file = join(dataDir, 'hub', 'hub.sqlite');
    const hub = await openHubDatabase({ sqliteFile: file });
    await hub.db
      .insertInto('comuni')
      .values({ belfiore: 'B885', istat: '006039', name: 'Casale Monferrato', province: 'AL', cap: '15033' })
      .execute();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'hub'))).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      expect(existsSync(f)).toBe(true);
      expect([f, mode(f)]).toEqual([f, 0o600]);
    }
    await hub.close();
  });

  it("tightens an older version's world-readable files and keeps its migration backup 0600", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sportello-hubrest-')), 'hub');
    const file = join(dir, 'hub.sqlite');
    const first = await openHubDatabase({ sqliteFile: file });
    // as an older hub left it: the last migration not yet run
    await sql`drop table login_attempts`.execute(first.db);
    await sql`delete from kysely_migration where name = '2026_12_06_1640_login_attempts'`.execute(first.db);
    await first.close();
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    const again = await openHubDatabase({ sqliteFile: file });
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    const backups = readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(mode(join(dir, backups[0]!))).toBe(0o600);
    await again.close();
  });
});
