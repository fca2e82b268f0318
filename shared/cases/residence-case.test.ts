import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import type { ResidenceIntake } from './change-of-residence';
import {
  addressText,
  canonicalStreet,
  checkResidenceIntake,
  interiorText,
  residencePersons,
  residenceSubject,
  streetListOf,
} from './residence-case';

const streets = streetListOf('B885', [
  { streetType: 'Via', streetName: 'Roma', cap: '15033' },
  { streetType: 'Via', streetName: 'Roma', cap: '15033' },
  { streetType: 'Strada', streetName: 'Vialarda', cap: '15033' },
]);

const intake = (patch: Partial<ResidenceIntake> = {}): ResidenceIntake => ({
  comune: 'B885',
  declarationDate: '2026-03-02',
  movedOn: null,
  channel: 'counter',
  protocolDate: null,
  origin: { kind: 'same_comune' },
  movers: [
    {
      source: 'registry',
      residentId: 'r-nicolo',
      surname: "D'Amico",
      givenNames: 'Nicolò',
      birthDate: '1966-04-20',
      codiceFiscale: 'DMCNCL66D20B885V',
      citizenship: 'IT',
      relationship: 'intestatario',
    },
  ],
  address: {
    streetType: 'via',
    streetName: 'roma',
    houseNumber: '25',
    interior: '3',
    stair: 'B',
    floor: '2',
    cap: '15033',
    multiUnitBuilding: true,
  },
  occupation: { kind: 'owner' },
  household: { kind: 'new' },
  drivingLicences: [],
  vehiclePlates: [],
  signatures: ['r-nicolo'],
  representative: null,
  ...patch,
});

const context = (persons: string[] = []) => ({
  today: '2026-03-02',
  personsInOpenCases: new Set(persons),
  streets,
});

const refusal = (fn: () => unknown): Record<string, string | number> => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, ...err.params };
    throw err;
  }
  throw new Error('accepted');
};

describe('a change of residence as a case', () => {
  it('knows the comune’s streets from its registry, written as the registry writes them', () => {
    expect(streets.streets).toHaveLength(2);
    expect(canonicalStreet(streets, 'VIA', 'roma')).toMatchObject({ streetType: 'Via', streetName: 'Roma' });
    expect(canonicalStreet(streets, 'Via', 'dei Mille')).toBeNull();
  });

  it('writes interior, stair and floor in the registry’s one field', () => {
    expect(interiorText({ interior: '3', stair: 'B', floor: '2' })).toBe('int. 3 · scala B · piano 2');
    expect(interiorText({ interior: null, stair: ' ', floor: null })).toBe('');
    expect(addressText(intake().address)).toBe('via roma 25, int. 3 · scala B · piano 2');
    expect(residenceSubject(intake())).toBe(
      "Dichiarazione di residenza: D'Amico Nicolò → via roma 25, int. 3 · scala B · piano 2",
    );
    expect(residencePersons(intake())).toEqual(['r-nicolo', 'DMCNCL66D20B885V']);
  });

  it('accepts a complete declaration and refuses an incomplete one with every missing field', () => {
    expect(checkResidenceIntake(intake(), context())).toEqual([]);
    const params = refusal(() =>
      checkResidenceIntake(
        intake({ occupation: null, address: { ...intake().address, houseNumber: '', floor: null } }),
        context(),
      ),
    );
    expect(params).toMatchObject({
      code: 'case_intake_invalid',
      reasons: 'incomplete,incomplete,incomplete',
      fields: 'address.houseNumber,address.floor,occupation',
    });
    expect(String(params.detail_it).split('\n')).toHaveLength(3);
  });

  it('refuses an address outside the comune and a person already moving in another case', () => {
    expect(
      refusal(() =>
        checkResidenceIntake(
          intake({ address: { ...intake().address, streetName: 'dei Mille' } }),
          context(),
        ),
      ),
    ).toMatchObject({ reasons: 'address_outside_comune' });
    expect(refusal(() => checkResidenceIntake(intake(), context(['DMCNCL66D20B885V'])))).toMatchObject({
      reasons: 'already_in_open_case',
    });
  });
});
