/**
 * `npm run bench:search`: 1,000 counter searches of mixed shapes through the desk core
 * (contract validation, dispatch, Kysely, mapping) against 200k and 1M residents, and the same
 * queries as bare better-sqlite3 statements for comparison (the bare indexed figure). Then the
 * clerk typing: every keystroke of a name, a given name or an identity card number is a search,
 * the exact prefix finding nobody half-way through a typo included (the clerk-typing figure).
 * Target: p95 ≤ 2 ms at 1M for the mixed searches and for the typing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { createDeskCore, DEFAULT_DESK_CONFIG } from '../electron/desk/core';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import type { HubClient } from '../electron/desk/hub-client/hub-client';
import { defaultDemoPlan } from '../resources/demo/generate-registry';
import { normalizeName, prefixUpperBound } from '../shared/registry/normalize-name';
import { loadRegistry } from './load-registry';
import { percentile } from './percentile';

const SIZES = (process.env.BENCH_SIZES ?? '200000,1000000').split(',').map(Number);
const QUERIES = 1000;

interface Sample {
  surname: string;
  given_names: string;
  codice_fiscale: string;
  birth_date: string;
  identity_card_number: string | null;
}

type Shape = { text: string; bare: () => unknown };

const pct = percentile;
const fmt = (n: number): string => n.toFixed(3);

const TYPED = 200;

async function runSize(residents: number): Promise<{ p95: number; bareP95: number; typingP95: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-bench-'));
  const never = () => Promise.reject(new Error('no hub in the benchmark'));
  const noHub: HubClient = {
    enrol: never,
    login: never,
    registryPage: never,
    push: never,
    changes: never,
    comuneExceptions: never,
    logout: never,
  };
  const core = await createDeskCore({
    dbFile: join(dir, 'desk.sqlite'),
    config: { ...DEFAULT_DESK_CONFIG, idleTimeoutMinutes: 600, version: 'bench' },
    credentials: memoryCredentialStore({
      hubUrl: 'http://127.0.0.1:9',
      workstation: 'bench',
      token: 'x'.repeat(20),
    }),
    hub: noHub,
  });
  const sqlite = openRaw(join(dir, 'desk.sqlite'));

  const t0 = performance.now();
  const plan = defaultDemoPlan(residents);
  const loaded = loadRegistry(sqlite, { seed: 7, comuni: plan.slice(0, 1) });
  sqlite.exec('ANALYZE');
  const loadS = (performance.now() - t0) / 1000;
  console.log(
    `residents=${loaded.residents} families=${loaded.families} generated+loaded_s=${loadS.toFixed(1)}`,
  );

  // A session as after a real login: the benchmark measures search, not the hub.
  core.ctx.state.session = {
    hubToken: 'bench',
    lastActivity: Date.now(),
    info: {
      offline: false,
      clerk: { id: 'bench', username: 'bench', displayName: 'Bench', role: 'clerk' },
      comune: { belfiore: 'B885', name: 'Casale Monferrato' },
      workstation: 'bench',
      idleTimeoutMinutes: 600,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  };

  const join_ =
    'select residents.*, families.street_type, families.street_name, families.house_number, families.frazione from residents inner join families on families.id = residents.family_id';
  const byName = sqlite.prepare(
    `${join_} where residents.surname_norm >= ? and residents.surname_norm < ? order by residents.surname_norm, residents.given_names_norm, residents.birth_date limit 51`,
  );
  const byFull = sqlite.prepare(
    `${join_} where residents.surname_norm >= ? and residents.surname_norm < ? and residents.surname_norm = ? and residents.given_names_norm >= ? and residents.given_names_norm < ? order by residents.surname_norm, residents.given_names_norm, residents.birth_date limit 51`,
  );
  const byCf = sqlite.prepare(
    `${join_} where residents.codice_fiscale >= ? and residents.codice_fiscale < ? order by residents.codice_fiscale limit 51`,
  );
  const byCard = sqlite.prepare(
    `${join_} where residents.identity_card_number = ? order by residents.identity_card_number limit 51`,
  );
  const byGiven = sqlite.prepare(
    `${join_} where residents.given_names_norm = ? order by residents.given_names_norm, residents.surname_norm, residents.birth_date limit 51`,
  );
  const byDate = sqlite.prepare(
    `${join_} where residents.birth_date = ? order by residents.surname_norm, residents.given_names_norm limit 51`,
  );

  const maxRow = (sqlite.prepare('select max(rowid) as m from residents').get() as { m: number }).m;
  const pick = sqlite.prepare(
    'select surname, given_names, codice_fiscale, birth_date, identity_card_number from residents where rowid >= ? limit 1',
  );
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const shapes: Shape[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const s = pick.get(1 + Math.floor(rand() * maxRow)) as Sample;
    const sn = normalizeName(s.surname);
    const gn = normalizeName(s.given_names);
    const [y, m, d] = s.birth_date.split('-');
    switch (i % 7) {
      case 5: {
        // the card in the citizen's hand, or the given name alone when none is recorded
        const card = s.identity_card_number;
        if (card) shapes.push({ text: card, bare: () => byCard.all(card) });
        else shapes.push({ text: s.given_names.split(' ')[0] ?? '', bare: () => byGiven.all(gn) });
        break;
      }
      case 6: {
        const first = s.given_names.split(' ')[0] ?? '';
        const g = normalizeName(first);
        shapes.push({ text: first, bare: () => byGiven.all(g) });
        break;
      }
      case 0: {
        const p = sn.slice(0, 3 + (i % 3));
        shapes.push({
          text: s.surname.slice(0, 3 + (i % 3)),
          bare: () => byName.all(p, prefixUpperBound(p)),
        });
        break;
      }
      case 1: {
        const g = gn.slice(0, 3);
        shapes.push({
          text: `${s.surname} ${s.given_names.slice(0, 3)}`,
          bare: () => byFull.all(sn, prefixUpperBound(sn), sn, g, prefixUpperBound(g)),
        });
        break;
      }
      case 2: {
        const p = s.codice_fiscale.slice(0, 8);
        shapes.push({ text: p, bare: () => byCf.all(p, prefixUpperBound(p)) });
        break;
      }
      case 3:
        shapes.push({
          text: s.codice_fiscale,
          bare: () => byCf.all(s.codice_fiscale, prefixUpperBound(s.codice_fiscale)),
        });
        break;
      default:
        shapes.push({ text: `${d}/${m}/${y}`, bare: () => byDate.all(s.birth_date) });
    }
  }

  // warm-up, then measure
  for (const s of shapes.slice(0, 50)) {
    await core.dispatch('registry:search', { query: s.text });
    s.bare();
  }
  const coreMs: number[] = [];
  let found = 0;
  for (const s of shapes) {
    const t = performance.now();
    const r = await core.dispatch('registry:search', { query: s.text });
    coreMs.push(performance.now() - t);
    if (!r.ok) throw new Error(`search failed: ${JSON.stringify(r.error)}`);
    if (
      (r.value as { kind: string }).kind === 'results' &&
      (r.value as { residents: unknown[] }).residents.length > 0
    )
      found++;
  }
  const bareMs: number[] = [];
  for (const s of shapes) {
    const t = performance.now();
    s.bare();
    bareMs.push(performance.now() - t);
  }
  // The clerk typing: each keystroke from the second character on is a search, as the box sends it.
  const typed: string[] = [];
  for (let i = 0; i < TYPED; i++) {
    const s = pick.get(1 + Math.floor(rand() * maxRow)) as Sample;
    const text =
      i % 4 === 0 && s.identity_card_number
        ? s.identity_card_number
        : i % 4 === 1
          ? (s.given_names.split(' ')[0] ?? s.given_names)
          : i % 4 === 2
            ? `${typo(s.surname)} ${s.given_names}`
            : `${s.surname} ${s.given_names}`;
    for (let n = 2; n <= text.length; n++) typed.push(text.slice(0, n));
  }
  const typingMs: number[] = [];
  for (const text of typed) {
    const t = performance.now();
    const r = await core.dispatch('registry:search', { query: text });
    typingMs.push(performance.now() - t);
    if (!r.ok) throw new Error(`search failed: ${JSON.stringify(r.error)}`);
  }
  coreMs.sort((a, b) => a - b);
  bareMs.sort((a, b) => a - b);
  typingMs.sort((a, b) => a - b);
  const p95 = pct(coreMs, 95);
  const bareP95 = pct(bareMs, 95);
  const typingP95 = pct(typingMs, 95);
  console.log(
    `residents=${loaded.residents} queries=${QUERIES} found=${found} core p50_ms=${fmt(pct(coreMs, 50))} p95_ms=${fmt(p95)} p99_ms=${fmt(pct(coreMs, 99))} | bare p50_ms=${fmt(pct(bareMs, 50))} p95_ms=${fmt(bareP95)} p99_ms=${fmt(pct(bareMs, 99))} | ratio_p95=${(p95 / bareP95).toFixed(2)}`,
  );
  console.log(
    `residents=${loaded.residents} typed=${TYPED} keystrokes=${typed.length} typing p50_ms=${fmt(pct(typingMs, 50))} p95_ms=${fmt(typingP95)} p99_ms=${fmt(pct(typingMs, 99))}`,
  );
  sqlite.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
  return { p95, bareP95, typingP95 };
}

/** The typo clerks make most: two neighbouring letters swapped, half-way through the surname. */
function typo(surname: string): string {
  const i = Math.floor(surname.length / 2);
  if (i < 1 || i >= surname.length) return surname;
  return surname.slice(0, i - 1) + surname.charAt(i) + surname.charAt(i - 1) + surname.slice(i + 1);
}

function openRaw(file: string): SQLite.Database {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  return db;
}

async function main(): Promise<void> {
  let last = { p95: NaN, bareP95: NaN, typingP95: NaN, residents: 0 };
  for (const size of SIZES) last = { ...(await runSize(size)), residents: size };
  // the load the figures were taken under: on a shared machine it decides them
  const [load1] = loadavg();
  console.log(
    `search p95_ms=${fmt(last.p95)} bare_p95_ms=${fmt(last.bareP95)} typing_p95_ms=${fmt(last.typingP95)} residents=${last.residents} load1=${load1?.toFixed(2)} cpus=${cpus().length}`,
  );
}

void main();
