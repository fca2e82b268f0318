import { describe, expect, it } from 'vitest';
import { normalizeName } from './normalize-name';
import { planSearch } from './search-query';

describe('normalizeName', () => {
  it('makes apostrophes, accents, spaces and case irrelevant', () => {
    expect(normalizeName("D'Amico")).toBe('DAMICO');
    expect(normalizeName('d amico')).toBe('DAMICO');
    expect(normalizeName('Nicolò')).toBe('NICOLO');
    expect(normalizeName('Maria Luisa')).toBe('MARIALUISA');
    expect(normalizeName('De Luca-Ferrè')).toBe('DELUCAFERRE');
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
    });
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
