import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { deskMigrations } from './migrations';
import { openDeskDatabase } from './open-database';

describe('desk database', () => {
  it('is created with WAL, foreign keys and a busy timeout, and migrated', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sportello-db-')), 'desk.sqlite');
    const d = await openDeskDatabase(file);
    expect(d.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(d.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(d.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(d.backupFile).toBeNull();
    const tables = d.sqlite
      .prepare("select name from sqlite_master where type='table' and name not like 'kysely%' order by name")
      .all();
    // every table of the core migrations (feature modules such as cases add their own)
    expect(tables.map((t) => (t as { name: string }).name)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'certificates',
        'clerk_verifiers',
        'counter_sessions',
        'debt_positions',
        'declarations',
        'families',
        'meta',
        'outbox',
        'payments',
        'resident_events',
        'residents',
        'reversals',
        'sync_exceptions',
        'verbali',
      ]),
    );
    await d.close();
  });

  it('backs the file up before migrating an existing database, keeping its data', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sportello-db-')), 'desk.sqlite');
    const first = await openDeskDatabase(file);
    await first.db.insertInto('meta').values({ key: 'k', value: 'before' }).execute();
    await first.close();

    const next: Record<string, Migration> = {
      ...deskMigrations(),
      '2099_01_01_0000_add_note': {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        up: async (db: Kysely<any>) => {
          await sql`ALTER TABLE meta ADD COLUMN note TEXT`.execute(db);
        },
      },
    };
    const second = await openDeskDatabase(file, next);
    expect(second.backupFile).toBe(`${file}.before-2099_01_01_0000_add_note.bak`);
    expect(existsSync(second.backupFile ?? '')).toBe(true);
    expect(
      await second.db.selectFrom('meta').select('value').where('key', '=', 'k').executeTakeFirst(),
    ).toEqual({ value: 'before' });
    await second.close();

    const third = await openDeskDatabase(file, next);
    expect(third.backupFile).toBeNull(); // nothing pending, nothing to back up
    await third.close();
  });

  it('refuses to start on a failing migration and leaves the backup', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sportello-db-')), 'desk.sqlite');
    await (await openDeskDatabase(file)).close();
    const broken: Record<string, Migration> = {
      ...deskMigrations(),
      '2099_01_01_0000_broken': {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        up: async (db: Kysely<any>) => {
          await sql`ALTER TABLE nowhere ADD COLUMN x TEXT`.execute(db);
        },
      },
    };
    await expect(openDeskDatabase(file, broken)).rejects.toThrow(
      /2099_01_01_0000_broken failed; backup kept/,
    );
  });
});
