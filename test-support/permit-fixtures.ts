import { insertHouseholds, type Household } from '../hub/seed/seed-demo';
import type { TestHub } from './running-hub';

/**
 * Test data for permits that the shared registry fixture does not have: a household in a
 * resident-parking street (Via Cavour, sector SOSTA-A in the demo table), and permits written
 * into the hub's change log as the hub's permit service would, for the desk to pull.
 */
export const CAVOUR_HOUSEHOLD: Household = {
  family: {
    id: 'f-verdi',
    comune: 'B885',
    address: {
      streetType: 'Via',
      streetName: 'Cavour',
      houseNumber: '5',
      interior: '',
      cap: '15033',
      frazione: '',
    },
    since: '2010-03-01',
  },
  members: [
    {
      id: 'r-giorgio',
      comune: 'B885',
      codiceFiscale: 'VRDGRG60A01B885K',
      surname: 'Verdi',
      givenNames: 'Giorgio',
      sex: 'M',
      birthDate: '1960-01-01',
      birthPlaceCode: 'B885',
      birthPlaceName: 'Casale Monferrato',
      citizenship: 'IT',
      civilStatus: 'celibe_nubile',
      status: 'resident',
      statusDate: null,
      registeredOn: '2010-03-01',
      familyId: 'f-verdi',
      relationship: 'intestatario',
    },
  ],
  events: [],
};

export async function addCavourHousehold(hub: TestHub): Promise<void> {
  await insertHouseholds(hub.hubDb.db, [CAVOUR_HOUSEHOLD]);
}
