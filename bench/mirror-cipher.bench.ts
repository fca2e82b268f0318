/**
 * Evaluation of the encrypted local mirror (issue 16): the same demo-size mirror (Casale, 35k
 * residents) opened two ways — better-sqlite3 in clear (the desk before encryption, and the test
 * harness's desks) and better-sqlite3-multiple-ciphers with a raw 256-bit key (what the desk runs
 * now) — through the desk's own openDeskDatabase (Kysely SqliteDialect, migrations) and registry
 * search queries. Prints open time and search p95 for each. `npx tsx bench/mirror-cipher.bench.ts`
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { cipherDriver } from '../electron/desk/db/mirror-cipher';
import {
  openDeskDatabase,
  type MirrorEncryption,
  type SqliteDriver,
} from '../electron/desk/db/open-database';
import {
  searchByBirthDate,
  searchByCfPrefix,
  searchByName,
} from '../electron/desk/registry/registry-repository';
import { defaultDemoPlan } from '../resources/demo/generate-registry';
import { normalizeName } from '../shared/registry/normalize-name';
import { loadRegistry } from './load-registry';
import { percentile } from './percentile';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 35000);
const QUERIES = 1000;

async function run(label: string, driver: SqliteDriver, key: Buffer | null) {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-cipher-'));
  const file = join(dir, 'desk.sqlite');
  const enc: MirrorEncryption | null = key ? { key, driver } : null;
  // creation + migrations through Kysely
  const created = enc ? await openDeskDatabase(file, undefined, enc) : await openDeskDatabase(file);
  const loaded = loadRegistry(created.sqlite, { seed: 7, comuni: defaultDemoPlan(RESIDENTS).slice(0, 1) });
  created.sqlite.exec('ANALYZE');
  created.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await created.close();

  const opens: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const d = enc ? await openDeskDatabase(file, undefined, enc) : await openDeskDatabase(file);
    opens.push(performance.now() - t);
    await d.close();
  }
  const d = enc ? await openDeskDatabase(file, undefined, enc) : await openDeskDatabase(file);
  const sample = d.sqlite
    .prepare('select surname, given_names, codice_fiscale, birth_date from residents order by rowid')
    .all() as { surname: string; given_names: string; codice_fiscale: string; birth_date: string }[];
  const times: number[] = [];
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < QUERIES; i++) {
    const s = sample[Math.floor(rand() * sample.length)]!;
    const t = performance.now();
    if (i % 3 === 0) await searchByName(d.db, normalizeName(s.surname).slice(0, 4), '', 51);
    else if (i % 3 === 1) await searchByCfPrefix(d.db, s.codice_fiscale.slice(0, 8), 51);
    else await searchByBirthDate(d.db, s.birth_date, 51);
    times.push(performance.now() - t);
  }
  await d.close();
  const plainVisible = readFileSync(file).includes(Buffer.from(sample[0]!.codice_fiscale));
  console.log(
    `${label}: residents=${loaded.residents} file_mb=${(statSync(file).size / 1e6).toFixed(1)} open_p50_ms=${percentile(opens, 50).toFixed(2)} open_max_ms=${Math.max(...opens).toFixed(2)} search_p50_ms=${percentile(times, 50).toFixed(3)} search_p95_ms=${percentile(times, 95).toFixed(3)} codice_fiscale_readable_in_file=${plainVisible}`,
  );
}

async function main() {
  await run('better-sqlite3, plain (before encryption)', SQLite as unknown as SqliteDriver, null);
  await run('multiple-ciphers, encrypted (chacha20, raw key)', cipherDriver, randomBytes(32));
}

void main();
