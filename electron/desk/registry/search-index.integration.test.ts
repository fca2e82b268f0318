import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Compilable } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDeskDatabase } from '../db/open-database';
import { oneEditVariants } from '../../../shared/registry/typo-variants';
import {
  searchByAddressQuery,
  searchByBirthDateQuery,
  searchByCfPrefixQuery,
  searchByNameQuery,
  searchByGivenNameQuery,
  searchByIdentityCardQuery,
  searchBySurnamesQuery,
} from './registry-repository';

/**
 * The hot queries of the counter must be index range scans, never a scan of the registry; the
 * surname and given-name searches read only their covering index (the list's columns are in it).
 */
describe('search uses the indexes', async () => {
  const d = await openDeskDatabase(join(mkdtempSync(join(tmpdir(), 'sportello-eqp-')), 'desk.sqlite'));
  d.sqlite.exec('ANALYZE');

  const plan = (q: Compilable): string => {
    const compiled = q.compile();
    const rows = d.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`)
      .all(...(compiled.parameters as unknown[]));
    return rows.map((r) => (r as { detail: string }).detail).join('\n');
  };

  it.each([
    ['surname prefix', searchByNameQuery(d.db, 'ROS', '', 51), 'COVERING INDEX residents_name'],
    ['surname + given names', searchByNameQuery(d.db, 'ROSSI', 'MAR', 51), 'COVERING INDEX residents_name'],
    ['codice fiscale prefix', searchByCfPrefixQuery(d.db, 'RSSMRA72', 51), 'residents_cf'],
    ['birth date', searchByBirthDateQuery(d.db, '1972-07-09', 51), 'residents_birth_date'],
    [
      'surname typo',
      searchBySurnamesQuery(d.db, oneEditVariants('STEFAENSCU'), '', 51),
      'COVERING INDEX residents_name',
    ],
    ['address', searchByAddressQuery(d.db, 'VIAROMA', '12', 51), 'families_street'],
    ['identity card', searchByIdentityCardQuery(d.db, 'CA48213BF', true, 51), 'residents_identity_card'],
    ['identity card prefix', searchByIdentityCardQuery(d.db, 'CA482', false, 51), 'residents_identity_card'],
    ['given name', searchByGivenNameQuery(d.db, 'IONUT', true, 51), 'COVERING INDEX residents_given_name'],
    [
      'given name prefix',
      searchByGivenNameQuery(d.db, 'IONUT', false, 51),
      'COVERING INDEX residents_given_name',
    ],
  ] as const)('%s → %s', (_label, query, index) => {
    const detail = plan(query);
    expect(detail).toContain(index.startsWith('COVERING') ? `USING ${index}` : `USING INDEX ${index}`);
    expect(detail).not.toMatch(/SCAN residents(?! USING)/);
    // the searches typed most read the list from the index alone, already in the list's order
    if (index.startsWith('COVERING') && !query.compile().sql.includes(' in ('))
      expect(detail).not.toContain('TEMP B-TREE');
  });
});
