/**
 * Fixed demo people, the same for every seed, placed first in Casale: documentation, manual
 * tests and search tests can rely on them. Their codici fiscali are the DOMAIN §7.7 vectors
 * (Rossi Mario, Bianchi Anna) plus D'Amico Nicolò, whose apostrophe and accented name exercise
 * name normalisation in search, and foreign residents whose names need more than Italian letters
 * (issue 18: printed as the registry holds them, found as clerks type them). Romanians and
 * Albanians are Casale's largest foreign communities (../shared/data foreign_residents_casale.tsv);
 * the data also lists single residents of many other nationalities, so one Polish, one Czech, one
 * Turkish and one Vietnamese resident are as plausible as they are useful to test Ł ř ı ệ.
 */
import type { Address, CivilStatus, Relationship, Sex } from '../../shared/registry/model';
import { daysFromIso } from './civil-date';
import type { Place } from './hand-data';
import type { HouseholdDraft, PersonDraft } from './household-draft';

export const DEMO_PEOPLE = {
  /** Rossi Mario, M, 9 Jul 1972, Roma (H501): married, two children, Via Roma 12. */
  rossiMario: 'RSSMRA72L09H501S',
  /** Bianchi Anna, F, 1 Jan 1980, Casale Monferrato (B885): lives alone, Corso Valentino 45. */
  bianchiAnna: 'BNCNNA80A41B885M',
  /** D'Amico Nicolò, M, 14 Mar 1985, Casale Monferrato (B885): married, one son, Via Lanza 7. */
  damicoNicolo: 'DMCNCL85C14B885D',
  /** Ștefănescu Ionuț, M, 3 Feb 1982, Romania: married, one daughter, Via Paleologi 9. */
  stefanescuIonut: 'STFNTI82B03Z129Z',
  /** Çela Arbër, M, 17 Jun 1979, Albania: lives alone, Via Mameli 30. */
  celaArber: 'CLERBR79H17Z100Q',
} as const;

const CASALE: Place = { code: 'B885', name: 'Casale Monferrato' };
const ROMA: Place = { code: 'H501', name: 'Roma' };
const ALESSANDRIA: Place = { code: 'A182', name: 'Alessandria' };
const REGGIO: Place = { code: 'H224', name: 'Reggio di Calabria' };
const ROMANIA: Place = { code: 'Z129', name: 'Romania' };
const ALBANIA: Place = { code: 'Z100', name: 'Albania' };
const POLAND: Place = { code: 'Z127', name: 'Polonia' };
const CZECHIA: Place = { code: 'Z156', name: 'Repubblica ceca' };
const TURKEY: Place = { code: 'Z243', name: 'Turchia' };
const VIETNAM: Place = { code: 'Z251', name: 'Vietnam' };

interface FixedPerson {
  surname: string;
  givenNames: string;
  sex: Sex;
  birth: string;
  birthPlace: Place;
  relationship: Relationship;
  civilStatus: CivilStatus;
  /** ISO 3166 alpha-2; default IT */
  citizenship?: string;
  /** omitted: registered at birth */
  arrived?: { on: string; from: Place };
  union?: { on: string; partner: number };
}

function person(p: FixedPerson): PersonDraft {
  const birth = daysFromIso(p.birth);
  return {
    surname: p.surname,
    givenNames: p.givenNames,
    sex: p.sex,
    birth,
    birthPlace: p.birthPlace,
    citizenship: p.citizenship ?? 'IT',
    civilStatus: p.civilStatus,
    relationship: p.relationship,
    status: 'resident',
    statusDate: null,
    registeredOn: p.arrived ? daysFromIso(p.arrived.on) : birth,
    arrivedFrom: p.arrived?.from ?? null,
    unionDate: p.union ? daysFromIso(p.union.on) : null,
    partner: p.union?.partner ?? null,
    destination: null,
    fixed: true,
  };
}

function casaleAddress(
  streetType: string,
  streetName: string,
  houseNumber: string,
  interior = '',
  frazione = '',
): Address {
  return { streetType, streetName, houseNumber, interior, cap: '15033', frazione };
}

/** The fixed households, in the order they are emitted. */
export function fixedCasaleHouseholds(): HouseholdDraft[] {
  const household = (address: Address, since: string, members: PersonDraft[]): HouseholdDraft => ({
    members,
    address,
    since: daysFromIso(since),
    previous: null,
  });
  return [
    household(casaleAddress('Via', 'Roma', '12', 'int. 4'), '2004-09-15', [
      person({
        surname: 'Rossi',
        givenNames: 'Mario',
        sex: 'M',
        birth: '1972-07-09',
        birthPlace: ROMA,
        relationship: 'intestatario',
        civilStatus: 'coniugato',
        arrived: { on: '1998-03-02', from: ROMA },
        union: { on: '2003-06-21', partner: 1 },
      }),
      person({
        surname: 'Ferraris',
        givenNames: 'Laura',
        sex: 'F',
        birth: '1975-03-22',
        birthPlace: CASALE,
        relationship: 'coniuge',
        civilStatus: 'coniugato',
        union: { on: '2003-06-21', partner: 0 },
      }),
      person({
        surname: 'Rossi',
        givenNames: 'Giulia',
        sex: 'F',
        birth: '2005-05-14',
        birthPlace: CASALE,
        relationship: 'figlio',
        civilStatus: 'celibe_nubile',
      }),
      person({
        surname: 'Rossi',
        givenNames: 'Luca',
        sex: 'M',
        birth: '2009-11-02',
        birthPlace: CASALE,
        relationship: 'figlio',
        civilStatus: 'celibe_nubile',
      }),
    ]),
    household(casaleAddress('Corso', 'Valentino', '45'), '2012-04-01', [
      person({
        surname: 'Bianchi',
        givenNames: 'Anna',
        sex: 'F',
        birth: '1980-01-01',
        birthPlace: CASALE,
        relationship: 'intestatario',
        civilStatus: 'celibe_nubile',
      }),
    ]),
    household(casaleAddress('Via', 'Lanza', '7'), '2013-07-01', [
      person({
        surname: "D'Amico",
        givenNames: 'Nicolò',
        sex: 'M',
        birth: '1985-03-14',
        birthPlace: CASALE,
        relationship: 'intestatario',
        civilStatus: 'coniugato',
        union: { on: '2013-06-15', partner: 1 },
      }),
      person({
        surname: 'Greco',
        givenNames: 'Chiara',
        sex: 'F',
        birth: '1987-08-30',
        birthPlace: ALESSANDRIA,
        relationship: 'coniuge',
        civilStatus: 'coniugato',
        arrived: { on: '2012-05-10', from: ALESSANDRIA },
        union: { on: '2013-06-15', partner: 0 },
      }),
      person({
        surname: "D'Amico",
        givenNames: 'Leonardo',
        sex: 'M',
        birth: '2016-02-03',
        birthPlace: CASALE,
        relationship: 'figlio',
        civilStatus: 'celibe_nubile',
      }),
    ]),
    household(casaleAddress('Viale', 'Montebello', '21', 'scala B int. 3'), '1984-03-01', [
      person({
        surname: "D'Amico",
        givenNames: 'Giuseppe',
        sex: 'M',
        birth: '1952-11-20',
        birthPlace: REGGIO,
        relationship: 'intestatario',
        civilStatus: 'coniugato',
        arrived: { on: '1970-09-01', from: REGGIO },
        union: { on: '1979-09-08', partner: 1 },
      }),
      person({
        surname: 'Russo',
        givenNames: 'Maria',
        sex: 'F',
        birth: '1956-04-12',
        birthPlace: REGGIO,
        relationship: 'coniuge',
        civilStatus: 'coniugato',
        arrived: { on: '1978-05-02', from: REGGIO },
        union: { on: '1979-09-08', partner: 0 },
      }),
      person({
        surname: "D'Amico",
        givenNames: 'Anna',
        sex: 'F',
        birth: '1990-06-25',
        birthPlace: CASALE,
        relationship: 'figlio',
        civilStatus: 'celibe_nubile',
      }),
    ]),
    household(casaleAddress('Via', 'Salveraglio', '3', '', 'San Germano'), '2023-02-01', [
      person({
        surname: 'Ferrero',
        givenNames: 'Nicolò',
        sex: 'M',
        birth: '2001-10-05',
        birthPlace: CASALE,
        relationship: 'intestatario',
        civilStatus: 'celibe_nubile',
      }),
    ]),
    household(casaleAddress('Via', 'Paleologi', '9', 'int. 2'), '2009-05-04', [
      person({
        surname: 'Ștefănescu',
        givenNames: 'Ionuț',
        sex: 'M',
        birth: '1982-02-03',
        birthPlace: ROMANIA,
        relationship: 'intestatario',
        civilStatus: 'coniugato',
        citizenship: 'RO',
        arrived: { on: '2007-03-12', from: ROMANIA },
        union: { on: '2006-08-19', partner: 1 },
      }),
      person({
        surname: 'Ștefănescu',
        givenNames: 'Mădălina Ioana',
        sex: 'F',
        birth: '1984-11-27',
        birthPlace: ROMANIA,
        relationship: 'coniuge',
        civilStatus: 'coniugato',
        citizenship: 'RO',
        arrived: { on: '2009-05-04', from: ROMANIA },
        union: { on: '2006-08-19', partner: 0 },
      }),
      person({
        surname: 'Ștefănescu',
        givenNames: 'Bianca Ștefania',
        sex: 'F',
        birth: '2011-09-14',
        birthPlace: CASALE,
        relationship: 'figlio',
        civilStatus: 'celibe_nubile',
        citizenship: 'RO',
      }),
    ]),
    household(casaleAddress('Via', 'Mameli', '30'), '2001-10-01', [
      person({
        surname: 'Çela',
        givenNames: 'Arbër',
        sex: 'M',
        birth: '1979-06-17',
        birthPlace: ALBANIA,
        relationship: 'intestatario',
        civilStatus: 'celibe_nubile',
        citizenship: 'AL',
        arrived: { on: '2001-10-01', from: ALBANIA },
      }),
    ]),
    household(casaleAddress('Via', 'Cavour', '21'), '2015-02-16', [
      person({
        surname: 'Wąsowska',
        givenNames: 'Małgorzata',
        sex: 'F',
        birth: '1968-04-05',
        birthPlace: POLAND,
        relationship: 'intestatario',
        civilStatus: 'vedovo',
        citizenship: 'PL',
        arrived: { on: '2015-02-16', from: POLAND },
      }),
    ]),
    household(casaleAddress('Via', 'Paleologi', '14'), '2019-09-02', [
      person({
        surname: 'Dvořák',
        givenNames: 'Jiří',
        sex: 'M',
        birth: '1990-12-08',
        birthPlace: CZECHIA,
        relationship: 'intestatario',
        civilStatus: 'celibe_nubile',
        citizenship: 'CZ',
        arrived: { on: '2019-09-02', from: CZECHIA },
      }),
    ]),
    household(casaleAddress('Via', 'Cavour', '8'), '2017-06-12', [
      person({
        surname: 'Yıldız',
        givenNames: 'Ayşe',
        sex: 'F',
        birth: '1993-07-22',
        birthPlace: TURKEY,
        relationship: 'intestatario',
        civilStatus: 'celibe_nubile',
        citizenship: 'TR',
        arrived: { on: '2017-06-12', from: TURKEY },
      }),
    ]),
    household(casaleAddress('Via', 'Mameli', '5'), '2014-01-20', [
      person({
        surname: 'Nguyễn',
        givenNames: 'Thị Hồng Nhung',
        sex: 'F',
        birth: '1988-10-30',
        birthPlace: VIETNAM,
        relationship: 'intestatario',
        civilStatus: 'celibe_nubile',
        citizenship: 'VN',
        arrived: { on: '2014-01-20', from: VIETNAM },
      }),
    ]),
  ];
}
