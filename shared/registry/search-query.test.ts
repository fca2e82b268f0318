import { describe, expect, it } from 'vitest';
import { normalizeName } from './normalize-name';
import { planSearch } from './search-query';
import { oneEditVariants } from './typo-variants';

describe('normalizeName', () => {
  it('makes apostrophes, accents, spaces and case irrelevant', () => {
    expect(normalizeName("D'Amico")).toBe('DAMICO');
    expect(normalizeName('d amico')).toBe('DAMICO');
    expect(normalizeName('Nicolò')).toBe('NICOLO');
    expect(normalizeName('Maria Luisa')).toBe('MARIALUISA');
    expect(normalizeName('De Luca-Ferrè')).toBe('DELUCAFERRE');
  });

  it('reads the letters of every script the registry holds as an Italian keyboard types them', () => {
    expect(normalizeName('Ștefănescu Ionuț')).toBe('STEFANESCUIONUT');
    expect(normalizeName("Dell'Acqua")).toBe(normalizeName('dellacqua'));
    expect(normalizeName('Łuczak Małgorzata Wąsowska')).toBe('LUCZAKMALGORZATAWASOWSKA');
    expect(normalizeName('Çela Arbër')).toBe('CELAARBER');
    expect(normalizeName('Dvořák Jiří')).toBe('DVORAKJIRI');
    expect(normalizeName('Yıldız İsmail Ağaoğlu')).toBe('YILDIZISMAILAGAOGLU');
    expect(normalizeName('Nguyễn Thị Hồng')).toBe('NGUYENTHIHONG');
    expect(normalizeName('Đorđević Søren Straße Æsa')).toBe('DORDEVICSORENSTRASSEAESA');
    // typed with combining marks or in NFC: one key
    expect(normalizeName('S\u0326tefan')).toBe(normalizeName('Ștefan'));
  });
});

describe('oneEditVariants', () => {
  it('every string one letter left out, added, changed or swapped away, and nothing else', () => {
    const v = oneEditVariants('ROSSI');
    for (const w of ['OSSI', 'ROSI', 'ROSSIA', 'AROSSI', 'RUSSI', 'ROSSO', 'ORSSI', 'ROSIS'])
      expect(v).toContain(w);
    expect(v).not.toContain('ROSSI');
    expect(v).not.toContain('RUSSO');
    expect(new Set(v).size).toBe(v.length);
  });
});

describe('planSearch: addresses', () => {
  it('reads "via roma 12" as street and civic number, and abbreviations clerks type', () => {
    expect(planSearch('via roma 12')).toMatchObject({
      kind: 'address',
      street: 'VIAROMA',
      houseNumber: '12',
    });
    expect(planSearch('C.so Valentino, 45/b')).toMatchObject({
      street: 'CORSOVALENTINO',
      houseNumber: '45B',
    });
    expect(planSearch('p.za Castello')).toMatchObject({ street: 'PIAZZACASTELLO', houseNumber: null });
    expect(planSearch('Via XX Settembre 3')).toMatchObject({ street: 'VIAXXSETTEMBRE', houseNumber: '3' });
  });

  it('"Corso Mario" may also be a person: the name reading comes along', () => {
    const plan = planSearch('corso mario');
    expect(plan).toMatchObject({ kind: 'address', street: 'CORSOMARIO' });
    if (plan.kind === 'address')
      expect(plan.asName?.splits[0]).toEqual({ surname: 'CORSO', givenNames: 'MARIO' });
    // a lone word is a name: "Via" and "Piazza" are surnames too
    expect(planSearch('piazza').kind).toBe('name');
  });
});

describe('planSearch', () => {
  it('asks for more than one character', () => {
    expect(planSearch(' r ')).toEqual({ kind: 'too_short' });
  });

  it('reads "Rossi Mario" as surname then name, and also as a two-word surname', () => {
    const plan = planSearch('Rossi Mario');
    expect(plan).toEqual({
      kind: 'name',
      splits: [
        { surname: 'ROSSI', givenNames: 'MARIO' },
        { surname: 'ROSSIMARIO', givenNames: '' },
      ],
      cfPrefix: null,
      givenFirst: [{ surname: 'MARIO', givenNames: 'ROSSI' }],
      givenNameAlone: null,
    });
  });

  it('reads a lone word of 4+ letters as a given name too ("Ionuț"), never a shorter one', () => {
    expect(planSearch('Ionuț')).toMatchObject({ kind: 'name', givenNameAlone: 'IONUT' });
    expect(planSearch('Ion')).toMatchObject({ kind: 'name', givenNameAlone: null });
  });

  it('reads an identity card number, whole or as typed so far, never as a codice fiscale', () => {
    expect(planSearch('CA48213BF')).toEqual({ kind: 'identity_card', number: 'CA48213BF', whole: true });
    expect(planSearch('ca 48213 bf')).toEqual({ kind: 'identity_card', number: 'CA48213BF', whole: true });
    expect(planSearch('AU 1234567')).toEqual({ kind: 'identity_card', number: 'AU1234567', whole: true });
    expect(planSearch('CA482')).toEqual({ kind: 'identity_card', number: 'CA482', whole: false });
    // too short a start to list anyone, and codici fiscali keep their reading
    expect(planSearch('CA4').kind).toBe('cf_invalid');
    expect(planSearch('RSSMRA72L').kind).toBe('cf_prefix');
  });

  it("finds D'Amico whether typed with apostrophe, space or neither", () => {
    for (const q of ["D'Amico", 'damico', "d'am"]) {
      const plan = planSearch(q);
      expect(plan.kind).toBe('name');
      if (plan.kind === 'name') expect(plan.splits[0]?.surname.startsWith('DAM')).toBe(true);
    }
  });

  it('tries a short all-letter word as the start of a codice fiscale too', () => {
    const plan = planSearch('rssmra');
    expect(plan.kind === 'name' && plan.cfPrefix).toBe('RSSMRA');
  });

  it('treats a partial code with digits as a codice fiscale prefix', () => {
    expect(planSearch('RSSMRA72L')).toEqual({ kind: 'cf_prefix', prefix: 'RSSMRA72L' });
  });

  it('validates a full code and explains a wrong one', () => {
    expect(planSearch('RSSMRA72L09H501S')).toEqual({ kind: 'cf_full', code: 'RSSMRA72L09H501S' });
    const bad = planSearch('RSSMRA72L09H501X');
    expect(bad.kind).toBe('cf_invalid');
    if (bad.kind === 'cf_invalid')
      expect(bad.check.problems).toEqual([{ kind: 'check_char', expected: 'S', found: 'X' }]);
  });

  it('reads birth dates in Italian and ISO form and refuses impossible ones', () => {
    expect(planSearch('09/07/1972')).toEqual({ kind: 'birth_date', date: '1972-07-09' });
    expect(planSearch('9.7.1972')).toEqual({ kind: 'birth_date', date: '1972-07-09' });
    expect(planSearch('1972-07-09')).toEqual({ kind: 'birth_date', date: '1972-07-09' });
    expect(planSearch('31/02/1980')).toEqual({ kind: 'invalid_date', text: '31/02/1980' });
  });
});
