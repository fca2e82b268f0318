import type { Comune } from '../../shared/registry/model';

/** Casale Monferrato and neighbouring partner comuni (DOMAIN §7.8: ISTAT, Belfiore, CAP). */
export const DEMO_COMUNI: Comune[] = [
  { belfiore: 'B885', istat: '006039', name: 'Casale Monferrato', province: 'AL', cap: '15033' },
  { belfiore: 'A605', istat: '006011', name: 'Balzola', province: 'AL', cap: '15031' },
  { belfiore: 'B037', istat: '006020', name: 'Borgo San Martino', province: 'AL', cap: '15032' },
  { belfiore: 'D780', istat: '006073', name: 'Frassineto Po', province: 'AL', cap: '15040' },
  { belfiore: 'G204', istat: '006123', name: 'Ozzano Monferrato', province: 'AL', cap: '15039' },
  { belfiore: 'F995', istat: '006115', name: 'Occimiano', province: 'AL', cap: '15040' },
  { belfiore: 'G858', istat: '006133', name: 'Pontestura', province: 'AL', cap: '15027' },
];

export const CASALE_BELFIORE = 'B885';

/** 2011 census populations (DOMAIN §7.8) of the comuni other than Casale. */
const CENSUS_2011: Record<string, number> = {
  A605: 1420,
  B037: 1470,
  D780: 1471,
  G204: 1506,
  F995: 1367,
  G858: 1508,
};

export function findDemoComune(belfiore: string): Comune {
  const comune = DEMO_COMUNI.find((c) => c.belfiore === belfiore);
  if (!comune) throw new Error(`Unknown demo comune ${belfiore}`);
  return comune;
}

/**
 * Casale with `casaleResidents` records (about 35,000 by default, its size around 2013) and
 * each neighbour with its census population.
 */
export function defaultDemoPlan(casaleResidents = 35000): { comune: Comune; residents: number }[] {
  return DEMO_COMUNI.map((comune) => ({
    comune,
    residents: comune.belfiore === CASALE_BELFIORE ? casaleResidents : (CENSUS_2011[comune.belfiore] ?? 1000),
  }));
}
