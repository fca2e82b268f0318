import type { Comune } from '../shared/registry/model';
import type { Household } from '../hub/seed/seed-demo';

/**
 * A small, hand-written registry whose every answer a test can state exactly. The generated
 * demo registry is tested on its own (resources/demo); these people are the ones tests look for.
 */
export const CASALE: Comune = {
  belfiore: 'B885',
  istat: '006039',
  name: 'Casale Monferrato',
  province: 'AL',
  cap: '15033',
};
export const BALZOLA: Comune = {
  belfiore: 'A605',
  istat: '006011',
  name: 'Balzola',
  province: 'AL',
  cap: '15031',
};

const address = (
  streetType: string,
  streetName: string,
  houseNumber: string,
  frazione = '',
  cap = '15033',
) => ({
  streetType,
  streetName,
  houseNumber,
  interior: '',
  cap,
  frazione,
});

const person = (
  p: Partial<Household['members'][number]> &
    Pick<
      Household['members'][number],
      'id' | 'codiceFiscale' | 'surname' | 'givenNames' | 'sex' | 'birthDate' | 'familyId' | 'relationship'
    >,
): Household['members'][number] => ({
  comune: 'B885',
  birthPlaceCode: 'B885',
  birthPlaceName: 'Casale Monferrato',
  citizenship: 'IT',
  civilStatus: 'celibe_nubile',
  status: 'resident',
  statusDate: null,
  registeredOn: p.birthDate,
  ...p,
});

export const FIXTURE_HOUSEHOLDS: Household[] = [
  {
    family: { id: 'f-rossi', comune: 'B885', address: address('Via', 'Roma', '12'), since: '2001-05-10' },
    members: [
      person({
        id: 'r-mario',
        codiceFiscale: 'RSSMRA72L09H501S',
        surname: 'Rossi',
        givenNames: 'Mario',
        sex: 'M',
        birthDate: '1972-07-09',
        birthPlaceCode: 'H501',
        birthPlaceName: 'Roma',
        familyId: 'f-rossi',
        relationship: 'intestatario',
        civilStatus: 'coniugato',
        registeredOn: '2001-05-10',
      }),
      person({
        id: 'r-anna',
        codiceFiscale: 'BNCNNA80A41B885M',
        surname: 'Bianchi',
        givenNames: 'Anna',
        sex: 'F',
        birthDate: '1980-01-01',
        familyId: 'f-rossi',
        relationship: 'coniuge',
        civilStatus: 'coniugato',
      }),
      person({
        id: 'r-luca',
        codiceFiscale: 'RSSLCU05E12B885G',
        surname: 'Rossi',
        givenNames: 'Luca',
        sex: 'M',
        birthDate: '2005-05-12',
        familyId: 'f-rossi',
        relationship: 'figlio',
      }),
    ],
    events: [
      {
        id: 'e-1',
        residentId: 'r-mario',
        kind: 'immigration',
        date: '2001-05-10',
        description: 'Immigrazione da Roma (H501)',
      },
      {
        id: 'e-2',
        residentId: 'r-mario',
        kind: 'marriage',
        date: '2003-09-20',
        description: 'Matrimonio con Bianchi Anna',
      },
    ],
  },
  {
    family: {
      id: 'f-damico',
      comune: 'B885',
      address: address('Strada', 'Vialarda', '40', 'Vialarda'),
      since: '1990-01-01',
    },
    members: [
      person({
        id: 'r-nicolo',
        codiceFiscale: 'DMCNCL66D20B885V',
        surname: "D'Amico",
        givenNames: 'Nicolò',
        sex: 'M',
        birthDate: '1966-04-20',
        familyId: 'f-damico',
        relationship: 'intestatario',
      }),
    ],
    events: [
      {
        id: 'e-3',
        residentId: 'r-nicolo',
        kind: 'birth',
        date: '1966-04-20',
        description: 'Nascita a Casale Monferrato',
      },
    ],
  },
  {
    family: {
      id: 'f-hoxha',
      comune: 'B885',
      address: address('Corso', 'Giovane Italia', '3'),
      since: '2015-03-01',
    },
    members: [
      person({
        id: 'r-arben',
        codiceFiscale: 'HXHRBN85M10Z100B',
        surname: 'Hoxha',
        givenNames: 'Arben',
        sex: 'M',
        birthDate: '1985-08-10',
        birthPlaceCode: 'Z100',
        birthPlaceName: 'Albania',
        citizenship: 'AL',
        familyId: 'f-hoxha',
        relationship: 'intestatario',
        registeredOn: '2015-03-01',
      }),
      person({
        id: 'r-dead',
        codiceFiscale: 'RSSGPP30A01B885H',
        surname: 'Rossi',
        givenNames: 'Giuseppe',
        sex: 'M',
        birthDate: '1930-01-01',
        familyId: 'f-hoxha',
        relationship: 'altro',
        status: 'deceased',
        statusDate: '2020-02-02',
      }),
    ],
    events: [],
  },
  {
    family: {
      id: 'f-balzola',
      comune: 'A605',
      address: address('Via', 'Roma', '1', '', '15031'),
      since: '2000-01-01',
    },
    members: [
      person({
        id: 'r-balzola',
        comune: 'A605',
        codiceFiscale: 'RSSMRC70A01A605C',
        surname: 'Rossi',
        givenNames: 'Marco',
        sex: 'M',
        birthDate: '1970-01-01',
        familyId: 'f-balzola',
        relationship: 'intestatario',
      }),
    ],
    events: [],
  },
];
