import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { up } from './migrations/2026_12_08_0900_covering_search';
import { openDeskDatabase } from './open-database';

/**
 * A desk updated in the middle of its bootstrap has its registry indexes dropped (deferred until
 * the last page, sync/bootstrap.ts): the covering-search migration must still run there, or the
 * desk would not start after the update.
 */
describe('the covering-search migration', () => {
  it('runs on a mirror whose bootstrap deferred its indexes, and builds the covering ones', async () => {
    const d = await openDeskDatabase(join(mkdtempSync(join(tmpdir(), 'sportello-midboot-')), 'desk.sqlite'));
    try {
      await sql`drop index residents_name`.execute(d.db);
      await sql`drop index residents_given_name`.execute(d.db);
      await up(d.db);
      const indexes = d.sqlite
        .prepare(
          "select name, sql from sqlite_master where name in ('residents_name', 'residents_given_name')",
        )
        .all() as { name: string; sql: string }[];
      expect(indexes.map((i) => i.name).sort()).toEqual(['residents_given_name', 'residents_name']);
      for (const i of indexes) expect(i.sql).toContain('"birth_place_name"');
    } finally {
      await d.close();
    }
  });
});
