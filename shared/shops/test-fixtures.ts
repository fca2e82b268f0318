import type { StreetList } from '../cases/change-of-residence';
import { partitaIvaCheckDigit } from '../codice-fiscale/partita-iva';
import type { ShopFiling, ShopRecord } from './shop-wire';

/** Test data for shops: a valid filing and record; override what the test is about. */

/** company number + Alessandria's office code (006) + the check digit */
const piva = (firstTen: string): string => firstTen + partitaIvaCheckDigit(firstTen);
export const VALID_PIVA = piva('0123456006');
export const OTHER_PIVA = piva('0987654006');

export const TEST_STREETS: StreetList = {
  comune: 'B885',
  caps: ['15033'],
  streets: [
    { streetType: 'Via', streetName: 'Roma' },
    { streetType: 'Corso', streetName: 'Indipendenza' },
  ],
};

export function shopFiling(overrides: Partial<ShopFiling> = {}): ShopFiling {
  return {
    event: 'apertura',
    effectiveDate: '2026-10-20',
    declarant: {
      surname: 'Ferraris',
      givenNames: 'Anna',
      codiceFiscale: 'FRRNNA70A41B885X',
      role: 'titolare',
    },
    company: { name: 'Ferraris Anna', partitaIva: VALID_PIVA, rea: 'AL-123456', pec: 'ferraris@pec.it' },
    signName: 'Bottega Ferraris',
    premises: { streetType: 'Via', streetName: 'Roma', houseNumber: '12', salesAreaM2: 80, totalAreaM2: 110 },
    sector: 'non_alimentare',
    requirements: { moral: true, professional: false, preposto: null, antimafia: true },
    takeover: null,
    suspendedUntil: null,
    ...overrides,
  };
}

export function shopRecord(overrides: Partial<ShopRecord> = {}): ShopRecord {
  return {
    id: 'shop-1',
    comune: 'B885',
    signName: 'Bottega Ferraris',
    company: { name: 'Ferraris Anna', partitaIva: VALID_PIVA, rea: 'AL-123456', pec: 'ferraris@pec.it' },
    declarant: {
      surname: 'Ferraris',
      givenNames: 'Anna',
      codiceFiscale: 'FRRNNA70A41B885X',
      role: 'titolare',
    },
    streetType: 'Via',
    streetName: 'Roma',
    houseNumber: '12',
    salesAreaM2: 80,
    totalAreaM2: 110,
    sector: 'non_alimentare',
    status: 'active',
    openedOn: '2020-03-01',
    closedOn: null,
    suspendedUntil: null,
    scia: null,
    history: [],
    notices: [],
    ...overrides,
  };
}
