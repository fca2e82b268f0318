import type { Address } from '../registry/model';
import type { CertificateRequest, Issuer } from './build-certificate';
import type { Household, RegistryHistory, RegistryPerson } from './registry-input';

/** Registry data for the certificate and declaration tests (pure literals, no I/O). */

export const CASALE: Issuer = {
  comune: { belfiore: 'B885', istat: '006039', name: 'Casale Monferrato', province: 'AL' },
  office: 'Servizi Demografici – Ufficio Anagrafe',
  officer: 'Paola Ferrari',
};

export const VIA_ROMA: Address = {
  streetType: 'Via',
  streetName: 'Roma',
  houseNumber: '10',
  interior: 'int. 3',
  cap: '15033',
  frazione: '',
};

const base = {
  comune: 'B885',
  birthPlaceCode: 'B885',
  birthPlaceName: 'Casale Monferrato',
  citizenship: 'IT',
  status: 'resident',
  statusDate: null,
} as const;

export const MARIO: RegistryPerson = {
  ...base,
  id: 'r-mario',
  codiceFiscale: 'RSSMRA72L09B885X',
  surname: 'Rossi',
  givenNames: 'Mario',
  sex: 'M',
  birthDate: '1972-07-09',
  civilStatus: 'coniugato',
  familyId: 'f-rossi',
  relationship: 'intestatario',
};

export const ANNA: RegistryPerson = {
  ...base,
  id: 'r-anna',
  codiceFiscale: 'BNCNNA75A41L219Y',
  surname: 'Bianchi',
  givenNames: 'Anna',
  sex: 'F',
  birthDate: '1975-01-01',
  birthPlaceCode: 'L219',
  birthPlaceName: 'Torino',
  civilStatus: 'coniugato',
  familyId: 'f-rossi',
  relationship: 'coniuge',
};

export const LUCA: RegistryPerson = {
  ...base,
  id: 'r-luca',
  codiceFiscale: 'RSSLCU05C15B885Z',
  surname: 'Rossi',
  givenNames: 'Luca',
  sex: 'M',
  birthDate: '2005-03-15',
  civilStatus: 'celibe_nubile',
  familyId: 'f-rossi',
  relationship: 'figlio',
};

export const ROSSI_HOUSEHOLD: Household = {
  family: { id: 'f-rossi', comune: 'B885', address: VIA_ROMA },
  // deliberately not in printing order
  members: [LUCA, ANNA, MARIO],
};

export const ARBEN: RegistryPerson = {
  ...base,
  id: 'r-arben',
  codiceFiscale: 'HXHRBN90E10Z100W',
  surname: 'Hoxha',
  givenNames: 'Arben',
  sex: 'M',
  birthDate: '1990-05-10',
  birthPlaceCode: 'Z100',
  birthPlaceName: 'Tirana (Albania)',
  citizenship: 'AL',
  civilStatus: 'celibe_nubile',
  familyId: 'f-hoxha',
  relationship: 'intestatario',
};

export const GIULIA_EMIGRATED: RegistryPerson = {
  ...base,
  id: 'r-giulia',
  codiceFiscale: 'VRDGLI80M50B885K',
  surname: 'Verdi',
  givenNames: 'Giulia',
  sex: 'F',
  birthDate: '1980-08-10',
  civilStatus: 'divorziato',
  status: 'emigrated',
  statusDate: '2024-03-01',
  familyId: 'f-verdi-2',
  relationship: 'intestatario',
};

export const CARLO_DECEASED: RegistryPerson = {
  ...base,
  id: 'r-carlo',
  codiceFiscale: 'NRECRL40A01B885J',
  surname: 'Neri',
  givenNames: 'Carlo',
  sex: 'M',
  birthDate: '1940-01-01',
  civilStatus: 'vedovo',
  status: 'deceased',
  statusDate: '2023-11-05',
  familyId: 'f-neri',
  relationship: 'intestatario',
};

const person = (p: RegistryPerson) => ({
  id: p.id,
  codiceFiscale: p.codiceFiscale,
  surname: p.surname,
  givenNames: p.givenNames,
  sex: p.sex,
  birthDate: p.birthDate,
  birthPlaceName: p.birthPlaceName,
});

export const MARCO = {
  id: 'r-marco',
  codiceFiscale: 'BLLMRC78D01B885Q',
  surname: 'Bellini',
  givenNames: 'Marco',
  sex: 'M' as const,
  birthDate: '1978-04-01',
  birthPlaceName: 'Casale Monferrato',
};

/**
 * Giulia: Via Garibaldi 3 with her husband Marco from 2005 to 31 May 2018 (household f-verdi-1),
 * then alone in Corso Valentino 100 (f-verdi-2) until she emigrated on 1 March 2024.
 */
export const GIULIA_HISTORY: RegistryHistory = {
  residences: [
    {
      familyId: 'f-verdi-1',
      address: { ...VIA_ROMA, streetName: 'Garibaldi', houseNumber: '3', interior: '' },
      from: '2005-06-01',
      to: '2018-05-31',
    },
    {
      familyId: 'f-verdi-2',
      address: {
        ...VIA_ROMA,
        streetType: 'Corso',
        streetName: 'Valentino',
        houseNumber: '100',
        interior: '',
      },
      from: '2018-06-01',
      to: '2024-03-01',
    },
  ],
  memberships: [
    {
      familyId: 'f-verdi-1',
      person: MARCO,
      relationship: 'intestatario',
      from: '2005-06-01',
      to: '2018-05-31',
    },
    {
      familyId: 'f-verdi-1',
      person: person(GIULIA_EMIGRATED),
      relationship: 'coniuge',
      from: '2005-06-01',
      to: '2018-05-31',
    },
    {
      familyId: 'f-verdi-2',
      person: person(GIULIA_EMIGRATED),
      relationship: 'intestatario',
      from: '2018-06-01',
      to: '2024-03-01',
    },
  ],
};

export const MARCA = '01234567890123';

/** A valid request for Mario's certificate of residence; tests override what they exercise. */
export function request(overrides: Partial<CertificateRequest> = {}): CertificateRequest {
  return {
    certificateId: 'B885-A2-2025-000042',
    issuer: CASALE,
    holder: MARIO,
    household: ROSSI_HOUSEHOLD,
    facts: ['residenza'],
    destination: 'private_it',
    requestDate: '2025-03-15',
    bollo: { kind: 'marca', marcaId: MARCA, marcaDate: '2025-03-10' },
    signature: 'printed',
    ...overrides,
  };
}
