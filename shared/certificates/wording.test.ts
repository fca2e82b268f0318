import { describe, expect, it } from 'vitest';
import { civilStatusWording, householdOrder, type HouseholdOrderKey } from './wording';

const member = (id: string, surname: string, givenNames: string, birthDate: string, head = false) =>
  ({
    relationship: head ? 'intestatario' : 'figlio',
    person: { id, surname, givenNames, birthDate },
  }) satisfies HouseholdOrderKey;

describe('household order (certificate and self-declaration)', () => {
  it('puts the head first, then by birth date, then twins by printed name, then by id', () => {
    const members = [
      member('p9', 'Rossi', 'Zeno', '2010-05-01'),
      member('p1', 'Rossi', 'Anna', '2010-05-01'),
      member('p5', 'Rossi', 'Mario', '1975-01-01', true),
      member('p3', 'Rossi', 'Luca', '2008-01-01'),
    ];
    expect([...members].sort(householdOrder).map((m) => m.person.id)).toEqual(['p5', 'p3', 'p1', 'p9']);
  });
});

describe('civil status wording', () => {
  it('agrees with the sex', () => {
    expect(civilStatusWording('coniugato', 'F')).toBe('coniugata');
    expect(civilStatusWording('celibe_nubile', 'M')).toBe('celibe');
    expect(civilStatusWording('unito_civilmente', 'F')).toBe('unita civilmente');
  });
});
