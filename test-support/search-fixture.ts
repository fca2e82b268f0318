import type { Household } from '../hub/seed/seed-demo';

/**
 * Residents whose names a clerk cannot type as written (issue 18 §3): inserted beside the fixture
 * registry by the search tests. Their codici fiscali are well-formed and valid.
 */
const member = (
  p: Pick<
    Household['members'][number],
    'id' | 'codiceFiscale' | 'surname' | 'givenNames' | 'sex' | 'birthDate' | 'familyId'
  > &
    Partial<Household['members'][number]>,
): Household['members'][number] => ({
  comune: 'B885',
  birthPlaceCode: 'Z129',
  birthPlaceName: 'Romania',
  citizenship: 'RO',
  civilStatus: 'celibe_nubile',
  status: 'resident',
  statusDate: null,
  registeredOn: '2010-01-01',
  relationship: 'intestatario',
  ...p,
});

const family = (id: string, streetType: string, streetName: string, houseNumber: string) => ({
  id,
  comune: 'B885',
  address: { streetType, streetName, houseNumber, interior: '', cap: '15033', frazione: '' },
  since: '2010-01-01',
});

export const SEARCH_HOUSEHOLDS: Household[] = [
  {
    family: family('f-stefanescu', 'Via', 'Paleologi', '9'),
    members: [
      member({
        id: 'r-ionut',
        codiceFiscale: 'STFNTI82B03Z129Z',
        surname: 'Ștefănescu',
        givenNames: 'Ionuț',
        sex: 'M',
        birthDate: '1982-02-03',
        familyId: 'f-stefanescu',
        identityCard: { kind: 'cie', number: 'CA48213BF' },
      }),
    ],
    events: [],
  },
  {
    family: family('f-dellacqua', 'Corso', 'Valentino', '45B'),
    members: [
      member({
        id: 'r-dellacqua',
        codiceFiscale: 'DLLGNN60A01B885O',
        surname: "Dell'Acqua",
        givenNames: 'Giovanni',
        sex: 'M',
        birthDate: '1960-01-01',
        familyId: 'f-dellacqua',
        birthPlaceCode: 'B885',
        birthPlaceName: 'Casale Monferrato',
        citizenship: 'IT',
        identityCard: { kind: 'carta_identita', number: 'AU1234567' },
      }),
    ],
    events: [],
  },
  {
    family: family('f-luczak', 'Via', 'Cavour', '21'),
    members: [
      member({
        id: 'r-luczak',
        codiceFiscale: 'LCZMGR68D45Z127I',
        surname: 'Łuczak',
        givenNames: 'Małgorzata',
        sex: 'F',
        birthDate: '1968-04-05',
        familyId: 'f-luczak',
        birthPlaceCode: 'Z127',
        birthPlaceName: 'Polonia',
        citizenship: 'PL',
      }),
    ],
    events: [],
  },
  {
    // a second Ionuț, whose given names only start with it: listed after the one named exactly so
    family: family('f-popa', 'Via', 'Lanza', '3'),
    members: [
      member({
        id: 'r-popa',
        codiceFiscale: 'PPONDN90A01Z129C',
        surname: 'Popa',
        givenNames: 'Ionuț Daniel',
        sex: 'M',
        birthDate: '1990-01-01',
        familyId: 'f-popa',
      }),
      // a surname that starts with the given name: listed before both Ionuț
      member({
        id: 'r-ionutiu',
        codiceFiscale: 'NTIRDA75E05Z129S',
        surname: 'Ionuțiu',
        givenNames: 'Radu',
        sex: 'M',
        birthDate: '1975-05-05',
        familyId: 'f-popa',
        relationship: 'convivente',
      }),
    ],
    events: [],
  },
  {
    // a surname one letter from Rossi: a typo between them ("rosso") lists both, each in order
    family: family('f-rossa', 'Via', 'Roma', '40'),
    members: [
      member({
        id: 'r-rossa',
        codiceFiscale: 'RSSNNA80A41B885G',
        surname: 'Rossa',
        givenNames: 'Anna',
        sex: 'F',
        birthDate: '1980-01-01',
        familyId: 'f-rossa',
        birthPlaceCode: 'B885',
        birthPlaceName: 'Casale Monferrato',
        citizenship: 'IT',
      }),
    ],
    events: [],
  },
];
