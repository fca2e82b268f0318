import belfioreConnector from '@marketto/belfiore-connector-embedded';
import { CheckDigitizer, Parser } from '@marketto/codice-fiscale-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Resident } from '../../shared/registry/model';
import { daysFromIso, fullYearsBetween } from './civil-date';
import { computeCodiceFiscale, deomocode, isValidCodiceFiscale, omocodeId } from './codice-fiscale';
import {
  DEFAULT_REFERENCE_DATE,
  DEMO_COMUNI,
  DEMO_PEOPLE,
  defaultDemoPlan,
  generateRegistry,
  type GeneratedHousehold,
  type GenerateOptions,
} from './generate-registry';
import { COUNTRIES } from './hand-data';
import { loadReferenceData } from './reference-data';

const parser = new Parser(belfioreConnector);
const CF_SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}

const run = (opts: GenerateOptions): GeneratedHousehold[] => [...generateRegistry(opts)];
const years = (olderBirth: string, youngerBirth: string): number =>
  fullYearsBetween(daysFromIso(olderBirth), daysFromIso(youngerBirth));
const isForeign = (r: Resident): boolean => r.citizenship !== 'IT';

describe('generateRegistry: determinism and shape', () => {
  const small: GenerateOptions = { seed: 7, comuni: defaultDemoPlan(3000).slice(0, 3) };

  it('gives byte-identical output for the same seed and different output for another seed', () => {
    const a = JSON.stringify(run(small));
    const b = JSON.stringify(run(small));
    const c = JSON.stringify(run({ ...small, seed: 8 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('streams: the first households come without generating the whole plan', () => {
    const casale = must(DEMO_COMUNI[0], 'Casale');
    const stream = generateRegistry({ seed: 1, comuni: [{ comune: casale, residents: 5_000_000 }] });
    const started = performance.now();
    for (let i = 0; i < 3; i++) expect(stream.next().done).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('throws a clear error when the reference data folder is missing', () => {
    const missing = '/nonexistent/somewhere/shared/data';
    expect(() => loadReferenceData(missing)).toThrow(missing);
    expect(() => run({ ...small, dataDir: missing })).toThrow(/reference data folder not found/);
  });
});

describe('generateRegistry: the default demo plan', () => {
  const plan = defaultDemoPlan();
  let households: GeneratedHousehold[] = [];
  let residents: Resident[] = [];

  beforeAll(() => {
    households = run({ seed: 2026, comuni: plan });
    residents = households.flatMap((h) => h.members);
  });

  it('produces exactly the requested number of records per comune', () => {
    expect(plan.find((p) => p.comune.belfiore === 'B885')?.residents).toBe(35000);
    for (const { comune, residents: wanted } of plan) {
      expect(comune.belfiore).toMatch(/^[A-Z]\d{3}$/);
      expect(residents.filter((r) => r.comune === comune.belfiore)).toHaveLength(wanted);
    }
    for (const belfiore of ['B885', 'A605', 'B037', 'D780', 'G204']) {
      expect(DEMO_COMUNI.some((c) => c.belfiore === belfiore)).toBe(true);
    }
  });

  it('gives every family, resident and event a unique UUIDv7-shaped id', () => {
    const ids = households.flatMap((h) => [
      h.family.id,
      ...h.members.map((m) => m.id),
      ...h.events.map((e) => e.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 2000)) expect(id).toMatch(UUID_V7);
  });

  it('issues valid and unique codici fiscali (check character by the library)', () => {
    const codes = residents.map((r) => r.codiceFiscale);
    expect(new Set(codes).size).toBe(codes.length);
    const bad = codes.filter((cf) => !CF_SHAPE.test(cf) || CheckDigitizer.checkDigit(cf) !== cf[15]);
    expect(bad).toEqual([]);
    expect(codes.every(isValidCodiceFiscale)).toBe(true);
  });

  it('derives each code from the person (library encodeCf on a sample)', async () => {
    const step = Math.floor(residents.length / 300);
    for (let i = 0; i < residents.length; i += step) {
      const r = must(residents[i], 'resident');
      const [y, m, d] = r.birthDate.split('-').map(Number);
      const expected = await parser.encodeCf({
        lastName: r.surname,
        firstName: r.givenNames,
        gender: r.sex,
        date: new Date(must(y, 'year'), must(m, 'month') - 1, must(d, 'day')),
        place: r.birthPlaceCode,
      });
      expect(deomocode(r.codiceFiscale), `${r.surname} ${r.givenNames} ${r.birthDate}`).toBe(expected);
    }
  });

  it('has about 0.5% omocodic codes, each still valid and decoding to the ordinary code', () => {
    // Letters where the ordinary code has digits (positions 7-8, 10-11, 13-15).
    const omocodic = residents.filter((r) =>
      /[A-Z]/.test(
        r.codiceFiscale.slice(6, 8) + r.codiceFiscale.slice(9, 11) + r.codiceFiscale.slice(12, 15),
      ),
    );
    expect(omocodic.every((r) => omocodeId(r.codiceFiscale) > 0)).toBe(true);
    const share = omocodic.length / residents.length;
    expect(share).toBeGreaterThan(0.002);
    expect(share).toBeLessThan(0.012);
    for (const r of omocodic) {
      expect(CheckDigitizer.checkDigit(r.codiceFiscale)).toBe(r.codiceFiscale[15]);
      const base = deomocode(r.codiceFiscale);
      expect(base).not.toBe(r.codiceFiscale);
      expect(isValidCodiceFiscale(base)).toBe(true);
      const [y, m, d] = r.birthDate.split('-').map(Number);
      const computed = computeCodiceFiscale({
        surname: r.surname,
        givenNames: r.givenNames,
        sex: r.sex,
        birthYear: must(y, 'year'),
        birthMonth: must(m, 'month'),
        birthDay: must(d, 'day'),
        placeCode: r.birthPlaceCode,
      });
      expect(base).toBe(computed);
    }
  });

  it('adds 40 to the day of birth of women in the code', () => {
    const wrong = residents.filter((r) => {
      const day = Number(r.birthDate.slice(8, 10));
      const cf = /\d\d/.test(r.codiceFiscale.slice(9, 11)) ? r.codiceFiscale : deomocode(r.codiceFiscale);
      return Number(cf.slice(9, 11)) !== (r.sex === 'F' ? day + 40 : day);
    });
    expect(wrong).toEqual([]);
    expect(residents.filter((r) => r.sex === 'F').length).toBeGreaterThan(residents.length * 0.45);
  });

  it('builds consistent families: one head, ages and civil status matching relationships', () => {
    const partnerKinds = new Set(['coniuge', 'unito_civilmente', 'convivente']);
    const problems: string[] = [];
    const gapOk = (older: Resident, younger: Resident) => {
      const gap = years(older.birthDate, younger.birthDate);
      return gap >= 18 && gap <= 45;
    };
    for (const { family, members } of households) {
      const fail = (what: string) => problems.push(`${family.id}: ${what}`);
      if (!members.every((m) => m.familyId === family.id && m.comune === family.comune)) fail('family link');
      const heads = members.filter((m) => m.relationship === 'intestatario');
      if (heads.length !== 1) fail(`${heads.length} heads`);
      const head = must(heads[0], 'head');
      const partners = members.filter((m) => partnerKinds.has(m.relationship));
      if (partners.length > 1) fail('several partners');
      const partner = partners[0];
      if (partner?.relationship === 'coniuge') {
        if (partner.civilStatus !== 'coniugato') fail('coniuge not coniugato');
        if (head.civilStatus !== (partner.status === 'deceased' ? 'vedovo' : 'coniugato'))
          fail('head civil status');
      }
      if (partner?.relationship === 'unito_civilmente') {
        if (partner.civilStatus !== 'unito_civilmente' || head.civilStatus !== 'unito_civilmente')
          fail('union status');
        if (partner.sex !== head.sex) fail('civil union of different sexes');
      }
      if (head.civilStatus === 'coniugato' && partner && partner.relationship !== 'coniuge')
        fail('married head');
      for (const m of members) {
        if (m.relationship === 'figlio' && ![head, ...partners].every((p) => gapOk(p, m)))
          fail(`child gap ${m.id}`);
        if (m.relationship === 'genitore' && !gapOk(m, head)) fail(`parent gap ${m.id}`);
        if (m.relationship === 'suocero' && !(partner && gapOk(m, partner))) fail(`in-law gap ${m.id}`);
        if (m.relationship === 'nipote' && years(head.birthDate, m.birthDate) < 36)
          fail(`grandchild gap ${m.id}`);
        if (years(m.birthDate, DEFAULT_REFERENCE_DATE) < 16 && m.civilStatus !== 'celibe_nubile')
          fail(`minor ${m.id}`);
      }
    }
    expect(problems).toEqual([]);
    const kinds = new Set<string>(residents.map((r) => r.relationship));
    for (const k of [
      'coniuge',
      'figlio',
      'convivente',
      'genitore',
      'suocero',
      'unito_civilmente',
      'nipote',
    ]) {
      expect(kinds).toContain(k);
    }
    const sizes = households.map((h) => h.members.length);
    expect(sizes.filter((s) => s === 1).length).toBeGreaterThan(households.length * 0.2);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(5);
    const civil = new Set(residents.map((r) => r.civilStatus));
    for (const c of ['celibe_nubile', 'coniugato', 'vedovo', 'divorziato', 'unito_civilmente'])
      expect(civil).toContain(c);
  });

  it('has about 11% foreign citizens in Casale, with the communities of the data', () => {
    const casale = residents.filter((r) => r.comune === 'B885' && r.status === 'resident');
    const foreign = casale.filter(isForeign);
    const share = foreign.length / casale.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.14);
    const byCountry = new Map<string, number>();
    for (const r of foreign) byCountry.set(r.citizenship, (byCountry.get(r.citizenship) ?? 0) + 1);
    for (const iso of ['AL', 'RO', 'MA', 'MD', 'CN']) expect(byCountry.get(iso) ?? 0).toBeGreaterThan(20);
    const largest = [...byCountry].sort((a, b) => b[1] - a[1])[0];
    expect(largest?.[0]).toBe('AL');
    // Foreign-born people carry a Z code; some children born here keep their parents' citizenship.
    expect(foreign.filter((r) => r.birthPlaceCode.startsWith('Z')).length).toBeGreaterThan(
      foreign.length * 0.6,
    );
    expect(foreign.some((r) => r.birthPlaceCode === 'B885')).toBe(true);
  });

  it('places the fixed demo people first in Casale with the documented codes', () => {
    const casale = households.filter((h) => h.family.comune === 'B885');
    const byCf = new Map(residents.map((r) => [r.codiceFiscale, r]));
    const mario = must(byCf.get(DEMO_PEOPLE.rossiMario), 'Rossi Mario');
    expect([mario.surname, mario.givenNames, mario.birthDate, mario.birthPlaceCode]).toEqual([
      'Rossi',
      'Mario',
      '1972-07-09',
      'H501',
    ]);
    expect(DEMO_PEOPLE.rossiMario).toBe('RSSMRA72L09H501S');
    const family = must(casale[0], 'first Casale household');
    expect(family.members.map((m) => m.relationship)).toEqual([
      'intestatario',
      'coniuge',
      'figlio',
      'figlio',
    ]);
    expect(family.members[0]?.codiceFiscale).toBe(DEMO_PEOPLE.rossiMario);

    const anna = must(byCf.get(DEMO_PEOPLE.bianchiAnna), 'Bianchi Anna');
    expect([anna.surname, anna.givenNames, anna.sex, anna.birthDate, anna.birthPlaceCode]).toEqual([
      'Bianchi',
      'Anna',
      'F',
      '1980-01-01',
      'B885',
    ]);
    expect(DEMO_PEOPLE.bianchiAnna).toBe('BNCNNA80A41B885M');

    const nicolo = must(byCf.get(DEMO_PEOPLE.damicoNicolo), "D'Amico Nicolò");
    expect([nicolo.surname, nicolo.givenNames, nicolo.comune]).toEqual(["D'Amico", 'Nicolò', 'B885']);
    expect(
      computeCodiceFiscale({
        surname: "D'Amico",
        givenNames: 'Nicolò',
        sex: 'M',
        birthYear: 1985,
        birthMonth: 3,
        birthDay: 14,
        placeCode: 'B885',
      }),
    ).toBe(DEMO_PEOPLE.damicoNicolo);

    const inCasale = residents.filter((r) => r.comune === 'B885');
    expect(inCasale.filter((r) => r.surname === "D'Amico").length).toBeGreaterThanOrEqual(4);
    expect(inCasale.filter((r) => r.givenNames === 'Nicolò').length).toBeGreaterThanOrEqual(2);
  });

  it('holds the registry’s foreign residents with their own letters (Romanian, Albanian, Polish, Czech, Turkish, Vietnamese)', () => {
    const byCf = new Map(residents.map((r) => [r.codiceFiscale, r]));
    const ionut = must(byCf.get(DEMO_PEOPLE.stefanescuIonut), 'Ștefănescu Ionuț');
    expect([ionut.surname, ionut.givenNames, ionut.citizenship, ionut.comune]).toEqual([
      'Ștefănescu',
      'Ionuț',
      'RO',
      'B885',
    ]);
    expect(must(byCf.get(DEMO_PEOPLE.celaArber), 'Çela Arbër').givenNames).toBe('Arbër');
    const names = residents.map((r) => `${r.surname} ${r.givenNames}`);
    for (const name of ['Wąsowska Małgorzata', 'Dvořák Jiří', 'Yıldız Ayşe', 'Nguyễn Thị Hồng Nhung'])
      expect(names).toContain(name);
  });

  it('includes names with apostrophes and accents from the data', () => {
    expect(residents.some((r) => r.surname.includes("'") && r.surname !== "D'Amico")).toBe(true);
    expect(residents.some((r) => /[àèéìòù]/.test(r.givenNames))).toBe(true);
  });

  it('has about 2% deceased and 2% emigrated records, each closed by its event', () => {
    for (const status of ['deceased', 'emigrated'] as const) {
      const share = residents.filter((r) => r.status === status).length / residents.length;
      expect(share, status).toBeGreaterThan(0.01);
      expect(share, status).toBeLessThan(0.04);
    }
    const problems: string[] = [];
    for (const { members, events } of households) {
      for (const m of members) {
        if ((m.statusDate === null) !== (m.status === 'resident')) problems.push(`${m.id} statusDate`);
        if (m.status === 'resident') continue;
        const own = events.filter((e) => e.residentId === m.id);
        const last = own[own.length - 1];
        const kind = m.status === 'deceased' ? 'death' : 'emigration';
        if (last?.kind !== kind || last.date !== m.statusDate) problems.push(`${m.id} last event`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('records a plausible history for everyone: registration first, dates in order', () => {
    const kinds = new Set<string>();
    const problems: string[] = [];
    for (const { members, events, family } of households) {
      if (family.since > DEFAULT_REFERENCE_DATE) problems.push(`${family.id} since`);
      const ids = new Set(members.map((m) => m.id));
      if (!events.every((e) => ids.has(e.residentId))) problems.push(`${family.id} foreign event`);
      for (const m of members) {
        const own = events.filter((e) => e.residentId === m.id);
        const first = own[0];
        if (!first || (first.kind !== 'birth' && first.kind !== 'immigration'))
          problems.push(`${m.id} first event`);
        else if (first.date !== m.registeredOn) problems.push(`${m.id} registeredOn`);
        else if (first.kind === 'birth' && m.registeredOn !== m.birthDate) problems.push(`${m.id} birth`);
        if (m.registeredOn < m.birthDate) problems.push(`${m.id} registered before birth`);
        own.forEach((e, i) => {
          kinds.add(e.kind);
          if (e.date < m.birthDate || e.date > DEFAULT_REFERENCE_DATE)
            problems.push(`${e.id} date out of range`);
          if (i > 0 && e.date < (own[i - 1]?.date ?? '')) problems.push(`${e.id} out of order`);
          if (e.description.length < 6) problems.push(`${e.id} description`);
        });
      }
    }
    expect(problems).toEqual([]);
    for (const k of ['birth', 'immigration', 'address_change', 'marriage', 'emigration', 'death'])
      expect(kinds).toContain(k);
  });

  it("uses Casale's real streets and frazioni, and each comune's CAP", () => {
    const ref = loadReferenceData();
    const known = new Set(ref.streets.map((s) => `${s.streetType} ${s.streetName}`));
    const casale = households.filter((h) => h.family.comune === 'B885').map((h) => h.family.address);
    const odd = casale.filter(
      (a) =>
        a.cap !== '15033' ||
        !/^\d+(\/[AB]| bis)?$/.test(a.houseNumber) ||
        (a.streetType === 'Frazione'
          ? a.frazione !== a.streetName
          : !known.has(`${a.streetType} ${a.streetName}`)),
    );
    expect(odd).toEqual([]);
    const frazioni = new Set(casale.map((a) => a.frazione).filter((f) => f !== ''));
    expect(frazioni.size).toBeGreaterThanOrEqual(5);
    const share = casale.filter((a) => a.frazione !== '').length / casale.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.3);
    const capOf = new Map(DEMO_COMUNI.map((c) => [c.belfiore, c.cap]));
    expect(households.filter((h) => h.family.address.cap !== capOf.get(h.family.comune))).toEqual([]);
  });

  it('uses Belfiore codes and names that exist in the Belfiore data set', async () => {
    const places = new Map(residents.map((r) => [r.birthPlaceCode, r.birthPlaceName]));
    for (const [code, name] of places) {
      const place = await belfioreConnector.findByCode(code);
      expect(place?.name, code).toBe(name);
    }
    for (const c of COUNTRIES) {
      const place = await belfioreConnector.findByCode(c.place.code);
      expect([place?.name, place?.iso3166]).toEqual([c.place.name, c.iso]);
    }
    for (const c of DEMO_COMUNI) expect((await belfioreConnector.findByCode(c.belfiore))?.name).toBe(c.name);
  });

  it('chooses given names by birth period', () => {
    const ref = loadReferenceData();
    const recent = new Set(
      [
        ...ref.givenNames.M['births-2020s'],
        ...ref.givenNames.F['births-2020s'],
        ...ref.givenNames.M['births-2010s'],
        ...ref.givenNames.F['births-2010s'],
      ].map((e) => e.value),
    );
    const young = residents.filter(
      (r) => r.birthDate >= '2020-01-01' && r.citizenship === 'IT' && !r.birthPlaceCode.startsWith('Z'),
    );
    const matching = young.filter((r) => recent.has(r.givenNames)).length;
    expect(young.length).toBeGreaterThan(100);
    expect(matching / young.length).toBeGreaterThan(0.9);
    const old = residents.filter((r) => r.birthDate < '1950-01-01');
    expect(old.filter((r) => r.givenNames === 'Giuseppe' || r.givenNames === 'Maria').length).toBeGreaterThan(
      10,
    );
    expect(old.some((r) => r.givenNames === 'Leonardo' && r.sex === 'M')).toBe(false);
  });
});
