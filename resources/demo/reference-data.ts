/**
 * Reads the reference TSVs in the shared data folder (see shared/data/README.md) at generation
 * time and turns them into weighted lists. The files are the project's sourced facts; they are
 * deliberately not copied into the repository, so a missing folder is an error, not a fallback.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Sex } from '../../shared/registry/model';
import { mergeWeighted, rankWeights, type Weighted } from './prng';

export interface StreetRef {
  streetType: string;
  streetName: string;
  cap: string;
  /** empty unless a source places the street in a frazione */
  frazione: string;
}

export interface FrazioneRef {
  name: string;
  kind: string;
  /** one of the 7 official frazioni (the others are urban districts or localities) */
  official: boolean;
  population: number | null;
}

export type GivenNamePeriod =
  | 'births-2020s'
  | 'births-2010s'
  | 'births-2000s'
  | 'births-1999'
  | 'all-ages'
  | 'directory'
  | 'foreign-newborns';

export interface CitizenshipCount {
  /** English country name as in the data, e.g. "Albania" */
  country: string;
  residents: number;
}

export interface ReferenceData {
  dir: string;
  streets: StreetRef[];
  frazioni: FrazioneRef[];
  /** Italian surnames from all sources, weighted towards Alessandria and Piedmont. */
  italianSurnames: Weighted<string>[];
  /** Foreign surnames in the data by ISO 3166 alpha-2 country, in source order. */
  foreignSurnames: Map<string, string[]>;
  givenNames: Record<Sex, Record<GivenNamePeriod, Weighted<string>[]>>;
  /** Casale's foreign residents by citizenship at the latest date with a breakdown. */
  foreignByCitizenship: { refDate: string; total: number; countries: CitizenshipCount[] };
  /** Latest published share of foreign citizens in Casale, in percent. */
  foreignSharePct: number;
  /** Casale's resident population by date, oldest first. */
  casalePopulation: { refDate: string; residents: number }[];
}

export const DATA_FILES = {
  streets: 'casale_streets.tsv',
  frazioni: 'casale_frazioni.tsv',
  givenNames: 'given_names_it.tsv',
  surnames: 'surnames_piedmont.tsv',
  provinceSurnames: 'surnames_by_province_top10.tsv',
  foreign: 'foreign_residents_casale.tsv',
} as const;

/** The `shared/data` folder beside the project root (works from any clone location). */
export function sharedDataDir(): string {
  return process.env.SPORTELLO_SHARED_DATA ?? path.resolve(__dirname, '../../../shared/data');
}

interface TsvTable {
  file: string;
  rows: string[][];
  col: (name: string) => (row: string[]) => string;
}

function readTsv(dir: string, file: string): TsvTable {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) throw new Error(`Demo reference data: missing file ${full}`);
  const lines = fs
    .readFileSync(full, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split('\t');
  const rows = lines.slice(1).map((l) => l.split('\t'));
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`Demo reference data: ${full} has no column "${name}"`);
    return (row: string[]) => (row[i] ?? '').trim();
  };
  return { file: full, rows, col };
}

function toNumber(text: string): number | null {
  const n = Number(text.replace(/,/g, ''));
  return text !== '' && Number.isFinite(n) ? n : null;
}

const GRAVE: Record<string, string> = { a: 'à', e: 'è', i: 'ì', o: 'ò', u: 'ù' };

/** ISTAT lists write a final accent as an apostrophe ("NICOLO'"): restore it (Nicolò). */
export function restoreFinalAccent(name: string): string {
  const m = /^(.*)([aeiou])'$/.exec(name);
  return m ? `${m[1] ?? ''}${GRAVE[m[2] ?? ''] ?? ''}` : name;
}

function loadStreets(dir: string): StreetRef[] {
  const t = readTsv(dir, DATA_FILES.streets);
  const type = t.col('street_type');
  const name = t.col('street_name');
  const cap = t.col('cap');
  const frazione = t.col('frazione');
  return t.rows
    .map((r) => ({ streetType: type(r), streetName: name(r), cap: cap(r), frazione: frazione(r) }))
    .filter((s) => s.streetType !== '' && s.streetName !== '');
}

function loadFrazioni(dir: string): FrazioneRef[] {
  const t = readTsv(dir, DATA_FILES.frazioni);
  const name = t.col('name');
  const kind = t.col('kind');
  const official = t.col('official_frazione');
  const population = t.col('population');
  return t.rows.map((r) => ({
    name: name(r),
    kind: kind(r),
    official: official(r) === 'yes',
    population: toNumber(population(r)),
  }));
}

const PERIODS: { match: RegExp; period: GivenNamePeriod; geography?: RegExp; basis?: RegExp }[] = [
  { match: /^2020-2021 births$/, period: 'births-2020s' },
  { match: /^2010-2019 births$/, period: 'births-2010s' },
  { match: /^2000-2009 births$/, period: 'births-2000s' },
  { match: /^1999 births$/, period: 'births-1999' },
  { match: /^all residents, all ages/, period: 'all-ages' },
  { match: /^telephone-directory subscribers/, period: 'directory' },
  { match: /^newborns c\.2010/, period: 'foreign-newborns', basis: /foreign citizenship/ },
];

function loadGivenNames(dir: string): ReferenceData['givenNames'] {
  const t = readTsv(dir, DATA_FILES.givenNames);
  const sexCol = t.col('sex');
  const nameCol = t.col('name');
  const periodCol = t.col('decade_or_period');
  const rankCol = t.col('rank');
  const countCol = t.col('count');
  const shareCol = t.col('share_pct');
  const basisCol = t.col('population_basis');
  const empty = (): Record<GivenNamePeriod, { name: string; rank: number; amount: number | null }[]> => ({
    'births-2020s': [],
    'births-2010s': [],
    'births-2000s': [],
    'births-1999': [],
    'all-ages': [],
    directory: [],
    'foreign-newborns': [],
  });
  const raw: Record<Sex, ReturnType<typeof empty>> = { M: empty(), F: empty() };
  for (const r of t.rows) {
    const sex = sexCol(r);
    if (sex !== 'M' && sex !== 'F') continue;
    const p = PERIODS.find((x) => x.match.test(periodCol(r)) && (!x.basis || x.basis.test(basisCol(r))));
    if (!p) continue;
    const rank = toNumber(rankCol(r)) ?? 999;
    // The directory percentages cannot all be shares of one total (README): use the order only.
    const amount = p.period === 'directory' ? null : (toNumber(countCol(r)) ?? toNumber(shareCol(r)));
    raw[sex][p.period].push({ name: restoreFinalAccent(nameCol(r)), rank, amount });
  }
  const weigh = (list: { name: string; rank: number; amount: number | null }[]): Weighted<string>[] => {
    const sorted = [...list].sort((a, b) => a.rank - b.rank);
    if (sorted.every((e) => e.amount !== null)) {
      return mergeWeighted([
        { entries: sorted.map((e) => ({ value: e.name, weight: e.amount ?? 0 })), mass: 1 },
      ]);
    }
    return mergeWeighted([{ entries: rankWeights(sorted.map((e) => e.name)), mass: 1 }]);
  };
  const out = (sex: Sex): Record<GivenNamePeriod, Weighted<string>[]> => {
    const r = raw[sex];
    return {
      'births-2020s': weigh(r['births-2020s']),
      'births-2010s': weigh(r['births-2010s']),
      'births-2000s': weigh(r['births-2000s']),
      'births-1999': weigh(r['births-1999']),
      'all-ages': weigh(r['all-ages']),
      directory: weigh(r.directory),
      'foreign-newborns': weigh(r['foreign-newborns']),
    };
  };
  return { M: out('M'), F: out('F') };
}

/** Maps the data's free-text "origin" of a foreign surname to a citizenship. */
function originToIso(origin: string): string | null {
  const table: [RegExp, string][] = [
    [/China/, 'CN'],
    [/Romania/, 'RO'],
    [/Albania/, 'AL'],
    [/Ukraine/, 'UA'],
    [/Sri Lanka/, 'LK'],
    [/Tunisia/, 'TN'],
    [/India/, 'IN'],
    [/Pakistan/, 'PK'],
    [/Morocco|Arabic/, 'MA'],
    [/Guinea/, 'GN'],
  ];
  return table.find(([re]) => re.test(origin))?.[1] ?? null;
}

/**
 * How much each source contributes to a Casale surname: the province and its neighbours first,
 * then Piedmont, then the whole country (the south weighs double: the 1950s–60s migration to
 * Piedmont). These masses are our modelling choice, not data.
 */
const PROVINCE_MASS: Record<string, number> = {
  Alessandria: 6,
  Asti: 2.5,
  Vercelli: 2.5,
  Torino: 2,
  Novara: 1,
  Pavia: 1.5,
  Genova: 1,
};
const SOUTHERN_REGIONS = new Set(['Calabria', 'Sicilia', 'Puglia', 'Campania', 'Basilicata', 'Molise']);
const OTHER_PROVINCES_MASS = 40;
const PIEDMONT_MASS = 8;
const ITALY_MASS = 8;
const TURIN_MILAN_MASS = 2;
const SURNAME_FLATTENING = 0.4;

function loadSurnames(dir: string): Pick<ReferenceData, 'italianSurnames' | 'foreignSurnames'> {
  const byProvince = new Map<string, { region: string; names: string[] }>();
  const prov = readTsv(dir, DATA_FILES.provinceSurnames);
  const regionCol = prov.col('region');
  const provinceCol = prov.col('province');
  const rankCol = prov.col('rank_in_province');
  const surnameCol = prov.col('surname');
  const sortedRows = [...prov.rows].sort(
    (a, b) => (toNumber(rankCol(a)) ?? 99) - (toNumber(rankCol(b)) ?? 99),
  );
  for (const r of sortedRows) {
    const key = provinceCol(r);
    if (key === '' || surnameCol(r) === '') continue;
    const entry = byProvince.get(key) ?? { region: regionCol(r), names: [] };
    entry.names.push(surnameCol(r));
    byProvince.set(key, entry);
  }

  const t = readTsv(dir, DATA_FILES.surnames);
  const sCol = t.col('surname');
  const geoCol = t.col('geography');
  const groupCol = t.col('group');
  const originCol = t.col('origin');
  const piedmont: string[] = [];
  const italy: string[] = [];
  const cities: string[] = [];
  const foreignSurnames = new Map<string, string[]>();
  for (const r of t.rows) {
    const surname = sCol(r);
    const geo = geoCol(r);
    if (surname === '') continue;
    if (groupCol(r) === 'foreign') {
      const iso = originToIso(originCol(r));
      if (!iso) continue;
      const list = foreignSurnames.get(iso) ?? [];
      if (!list.includes(surname)) list.push(surname);
      foreignSurnames.set(iso, list);
    } else if (geo.startsWith('Provincia di')) {
      continue; // the same top-10 lists are in the province file, counted there once
    } else if (geo.startsWith('Piemonte')) {
      if (!piedmont.includes(surname)) piedmont.push(surname);
    } else if (geo === 'Italy') {
      if (!italy.includes(surname)) italy.push(surname);
    } else if (!cities.includes(surname)) {
      cities.push(surname);
    }
  }

  const others = [...byProvince].filter(([name]) => !(name in PROVINCE_MASS));
  const otherWeight = others.reduce((acc, [, p]) => acc + (SOUTHERN_REGIONS.has(p.region) ? 2 : 1), 0);
  const sources: { entries: Weighted<string>[]; mass: number }[] = [
    { entries: rankWeights(piedmont), mass: PIEDMONT_MASS },
    { entries: rankWeights(italy), mass: ITALY_MASS },
    { entries: rankWeights(cities), mass: TURIN_MILAN_MASS },
  ];
  for (const [name, p] of byProvince) {
    const own = PROVINCE_MASS[name];
    const mass =
      own ?? (OTHER_PROVINCES_MASS * (SOUTHERN_REGIONS.has(p.region) ? 2 : 1)) / Math.max(otherWeight, 1);
    sources.push({ entries: rankWeights(p.names), mass });
  }
  // The sources are top-10 lists, i.e. only the head of a long-tailed distribution: summed as
  // they are, Rossi alone would be 10% of Casale. Flattening keeps any one surname near 1–2%.
  const italianSurnames = mergeWeighted(sources).map((e) => ({
    value: e.value,
    weight: Math.pow(e.weight, SURNAME_FLATTENING),
  }));
  return { italianSurnames, foreignSurnames };
}

function loadForeign(
  dir: string,
): Pick<ReferenceData, 'foreignByCitizenship' | 'foreignSharePct' | 'casalePopulation'> {
  const t = readTsv(dir, DATA_FILES.foreign);
  const table = t.col('table');
  const geo = t.col('geography');
  const refDate = t.col('ref_date');
  const category = t.col('category');
  const sex = t.col('sex');
  const value = t.col('value');
  const casale = t.rows.filter((r) => geo(r) === 'Casale Monferrato' && sex(r) === 'T');

  const byDate = new Map<string, CitizenshipCount[]>();
  for (const r of casale.filter((r) => table(r) === 'foreign_by_citizenship')) {
    const n = toNumber(value(r));
    if (n === null) continue;
    const list = byDate.get(refDate(r)) ?? [];
    list.push({ country: category(r), residents: n });
    byDate.set(refDate(r), list);
  }
  const latest = [...byDate.keys()].sort().pop();
  if (!latest) throw new Error(`Demo reference data: no foreign_by_citizenship rows for Casale in ${t.file}`);
  const countries = byDate.get(latest) ?? [];
  const totalRow = casale.find(
    (r) => table(r) === 'foreign_total' && refDate(r) === latest && category(r) === 'all foreign citizens',
  );
  const total = toNumber(totalRow ? value(totalRow) : '') ?? countries.reduce((a, c) => a + c.residents, 0);

  const shares = casale
    .filter((r) => table(r) === 'foreign_total' && category(r) === 'share of total population')
    .sort((a, b) => refDate(a).localeCompare(refDate(b)));
  const lastShare = shares[shares.length - 1];
  const foreignSharePct = toNumber(lastShare ? value(lastShare) : '');
  if (foreignSharePct === null)
    throw new Error(`Demo reference data: no foreign share for Casale in ${t.file}`);

  const casalePopulation = casale
    .filter((r) => table(r) === 'population_total' && category(r) === 'resident population')
    .map((r) => ({ refDate: refDate(r), residents: toNumber(value(r)) ?? 0 }))
    .filter((p) => p.residents > 0)
    .sort((a, b) => a.refDate.localeCompare(b.refDate));

  return { foreignByCitizenship: { refDate: latest, total, countries }, foreignSharePct, casalePopulation };
}

const cache = new Map<string, ReferenceData>();

/** Loads (once per folder) and parses every reference file. */
export function loadReferenceData(dir: string = sharedDataDir()): ReferenceData {
  const cached = cache.get(dir);
  if (cached) return cached;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(
      `Demo reference data folder not found: ${dir}. It is the "shared/data" folder beside the project ` +
        `root (set SPORTELLO_SHARED_DATA to use another folder).`,
    );
  }
  const data: ReferenceData = {
    dir,
    streets: loadStreets(dir),
    frazioni: loadFrazioni(dir),
    givenNames: loadGivenNames(dir),
    ...loadSurnames(dir),
    ...loadForeign(dir),
  };
  cache.set(dir, data);
  return data;
}
