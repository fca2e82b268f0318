import type { Household } from '../hub/seed/seed-demo';

/** Older single-person households, enough for the billing run of issue 15 (2,000 SAD users). */
export function elderHouseholds(n: number): Household[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `old-${String(i).padStart(5, '0')}`;
    const birth = `19${30 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`;
    return {
      family: {
        id: `f-${id}`,
        comune: 'B885',
        address: {
          streetType: 'Via',
          streetName: 'Roma',
          houseNumber: String(1 + (i % 200)),
          interior: '',
          cap: '15033',
          frazione: '',
        },
        since: '1990-01-01',
      },
      members: [
        {
          id,
          comune: 'B885',
          codiceFiscale: `ANZ${String(i).padStart(5, '0')}A01B885Z`.slice(0, 16),
          surname: `Anziano${i}`,
          givenNames: 'Demo',
          sex: i % 2 === 0 ? 'F' : 'M',
          birthDate: birth,
          birthPlaceCode: 'B885',
          birthPlaceName: 'Casale Monferrato',
          citizenship: 'IT',
          civilStatus: 'vedovo',
          status: 'resident',
          statusDate: null,
          familyId: `f-${id}`,
          relationship: 'intestatario',
          registeredOn: birth,
        },
      ],
      events: [],
    };
  });
}
