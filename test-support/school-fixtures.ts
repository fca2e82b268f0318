import type { Household } from '../hub/seed/seed-demo';

/**
 * A Casale family with two children of primary-school age in 2026/27 (Giulia, 9, and Matteo, 7)
 * and the father who pays: the school tests enrol the two siblings in the canteen.
 */
export const FERRARI: Household = {
  family: {
    id: 'f-ferrari',
    comune: 'B885',
    address: {
      streetType: 'Via',
      streetName: 'Roma',
      houseNumber: '30',
      interior: '',
      cap: '15033',
      frazione: '',
    },
    since: '2012-02-01',
  },
  members: [
    ['r-paolo', 'FRRPLA85M10B885M', 'Paolo', 'M', '1985-08-10', 'intestatario'],
    ['r-giulia', 'FRRGLI17C50B885L', 'Giulia', 'F', '2017-03-10', 'figlio'],
    ['r-matteo', 'FRRMTT19H15B885I', 'Matteo', 'M', '2019-06-15', 'figlio'],
  ].map(([id, codiceFiscale, givenNames, sex, birthDate, relationship]) => ({
    id: id as string,
    comune: 'B885',
    codiceFiscale: codiceFiscale as string,
    surname: 'Ferrari',
    givenNames: givenNames as string,
    sex: sex as 'M' | 'F',
    birthDate: birthDate as string,
    birthPlaceCode: 'B885',
    birthPlaceName: 'Casale Monferrato',
    citizenship: 'IT',
    civilStatus: relationship === 'intestatario' ? 'coniugato' : 'celibe_nubile',
    status: 'resident',
    statusDate: null,
    familyId: 'f-ferrari',
    relationship: relationship as 'intestatario' | 'figlio',
    registeredOn: birthDate as string,
  })),
  events: [],
};

/** The father's ISEE as typed from the attestation: € 8,000.00 → Casale's third canteen band (DEMO). */
export const FERRARI_ISEE = {
  type: 'ordinario',
  value: '8.000,00',
  dsuProtocol: 'INPS-ISEE-2026-000123456-00',
  issuedOn: '2026-02-10',
  expiresOn: '2026-12-31',
} as const;
