import type { Price, TariffTable } from './tariff-engine';

/**
 * The real schedules of DOMAIN.md §10.1 as tables (the engine's test cases, and examples for the
 * office), and Casale's DEMO defaults. Band bounds turn the resolutions' euro limits into cents:
 * "6,000.01 – 9,360.00" is 600_001–936_000; "3,001 – 7,500" (whole euros in the source) is read
 * at cent precision as 300_001–750_000.
 */

const fixed = (cents: number): Price => ({ kind: 'fixed', cents });
const linear = (fromCents: number, toCents: number): Price => ({ kind: 'linear', fromCents, toCents });
const EXEMPT: Price = { kind: 'exempt' };

/** Manfredonia (FG, Belfiore E885), canteen, Giunta resolution March 2019, school year 2019/20 [V]. */
export const MANFREDONIA_MENSA_2019: TariffTable = {
  id: 'E885-mensa-2019-20',
  comune: 'E885',
  service: 'mensa',
  period: { kind: 'school_year', label: '2019/20' },
  validFrom: '2019-09-01',
  validTo: '2020-08-31',
  unit: 'meal',
  bands: [
    { fromCents: 0, toCents: 600_000, price: fixed(200) },
    { fromCents: 600_001, toCents: 936_000, price: fixed(350) },
    { fromCents: 936_001, toCents: 1_500_000, price: fixed(400) },
    { fromCents: 1_500_001, toCents: null, price: fixed(450) },
  ],
  noIsee: fixed(450),
  nonResident: fixed(450),
  confidence: 'V',
  source: 'Delibera di Giunta, marzo 2019 (statoquotidiano.it); DOMAIN.md §10.1',
  note: null,
};

/**
 * Gasperina (CZ, D932), canteen 2025 [V for the flat prices and the three ISEE bands]: €1.40
 * residents, €2.60 non-residents; sibling prices by band (≤3,000; 3,000.01–5,000; >5,000).
 * DOMAIN.md gives only ranges ("2nd child €0.90–1.10, 3rd child free or €0.90"): the price of
 * each band below is our reading of those ranges [K], check the resolution.
 */
export const GASPERINA_MENSA_2025: TariffTable = {
  id: 'D932-mensa-2025-26',
  comune: 'D932',
  service: 'mensa',
  period: { kind: 'school_year', label: '2025/26' },
  validFrom: '2025-09-01',
  validTo: '2026-08-31',
  unit: 'meal',
  bands: [{ fromCents: 0, toCents: null, price: fixed(140) }],
  noIsee: fixed(140),
  nonResident: fixed(260),
  siblings: [
    {
      rank: 2,
      byBand: [
        { fromCents: 0, toCents: 300_000, price: fixed(90) },
        { fromCents: 300_001, toCents: 500_000, price: fixed(100) },
        { fromCents: 500_001, toCents: null, price: fixed(110) },
      ],
      noIsee: fixed(110),
    },
    {
      rank: 3,
      byBand: [
        { fromCents: 0, toCents: 300_000, price: EXEMPT },
        { fromCents: 300_001, toCents: 500_000, price: fixed(90) },
        { fromCents: 500_001, toCents: null, price: fixed(90) },
      ],
      noIsee: fixed(90),
    },
  ],
  confidence: 'K',
  source: 'comune.gasperina.cz.it (2025); DOMAIN.md §10.1',
  note: 'Sibling prices per band read from the ranges DOMAIN.md gives (2nd €0.90–1.10, 3rd free or €0.90).',
};

/**
 * San Giorgio su Legnano (MI, H884), canteen from September 2024 [V]: €5.83 residents, €6.06
 * non-residents, €5.67 from the 2nd sibling; below an ISEE of €13,062 a personalised linear
 * reduction from a floor of €2.95. Where the floor sits (ISEE €0 here) is not given [K].
 */
export const SAN_GIORGIO_MENSA_2024: TariffTable = {
  id: 'H884-mensa-2024-25',
  comune: 'H884',
  service: 'mensa',
  period: { kind: 'school_year', label: '2024/25' },
  validFrom: '2024-09-01',
  validTo: null,
  unit: 'meal',
  bands: [
    { fromCents: 0, toCents: 1_306_199, price: linear(295, 583), label: 'riduzione personalizzata' },
    { fromCents: 1_306_200, toCents: null, price: fixed(583) },
  ],
  noIsee: fixed(583),
  nonResident: fixed(606),
  siblings: [{ rank: 2, price: fixed(567) }],
  confidence: 'K',
  source: 'comune.sangiorgiosulegnano.mi.it; DOMAIN.md §10.1',
  note: '"below €13,062": the linear band ends at €13,061.99; floor €2.95 taken at ISEE €0; ISTAT updates not applied.',
};

const MASSAROSA_BANDS = (prices: readonly [number, number, number, number]) => [
  { fromCents: 0, toCents: 449_999, price: fixed(prices[0]) },
  { fromCents: 450_000, toCents: 900_000, price: fixed(prices[1]) },
  { fromCents: 900_001, toCents: 1_650_000, price: fixed(prices[2]) },
  { fromCents: 1_650_001, toCents: null, price: fixed(prices[3]) },
];

/**
 * Massarosa (LU, F035), 2023 proposal [V]: bands <4,500; ≤9,000; ≤16,500; >16,500, the same for
 * canteen (€0.50 / €2.50 / €4.00 / full price) and transport (€5 / €28 / €40 / €50). The "full"
 * canteen price is not given: €5.00 here [U]; the transport unit (month) is our reading [U].
 */
export const MASSAROSA_MENSA_2023: TariffTable = {
  id: 'F035-mensa-2023-24',
  comune: 'F035',
  service: 'mensa',
  period: { kind: 'school_year', label: '2023/24' },
  validFrom: '2023-09-01',
  validTo: '2024-08-31',
  unit: 'meal',
  bands: MASSAROSA_BANDS([50, 250, 400, 500]),
  noIsee: fixed(500),
  confidence: 'U',
  source: 'lanazione.it (Massarosa, 2023, proposal); DOMAIN.md §10.1',
  note: 'Full price €5.00 is a placeholder: the source says "full price" without the amount.',
};

export const MASSAROSA_TRASPORTO_2023: TariffTable = {
  ...MASSAROSA_MENSA_2023,
  id: 'F035-trasporto-2023-24',
  service: 'trasporto',
  unit: 'month',
  bands: MASSAROSA_BANDS([500, 2800, 4000, 5000]),
  noIsee: fixed(5000),
  confidence: 'K',
  note: 'Same bands as the canteen; monthly fee is our reading of the source [U].',
};

/**
 * Cassano d'Adda (MI, C003), home care, Giunta resolution 247 of 29/12/2022 [V]: hourly
 * co-payment per operator; exempt to €3,000; graduated €2.00→5.00 and €5.00→18.00 (linear
 * across each band); €18.00 above €20,000; €20.00 without ISEE.
 */
export const CASSANO_SAD_2023: TariffTable = {
  id: 'C003-sad-2023',
  comune: 'C003',
  service: 'sad',
  period: { kind: 'calendar_year', year: 2023 },
  validFrom: '2023-01-01',
  validTo: null,
  unit: 'hour',
  bands: [
    { fromCents: 0, toCents: 300_000, price: EXEMPT },
    { fromCents: 300_001, toCents: 750_000, price: linear(200, 500) },
    { fromCents: 750_001, toCents: 2_000_000, price: linear(500, 1800) },
    { fromCents: 2_000_001, toCents: null, price: fixed(1800) },
  ],
  noIsee: fixed(2000),
  perOperator: true,
  confidence: 'V',
  source: 'Delibera di Giunta 247 del 29/12/2022 (spaziocitta.comune.cassanodadda.mi.it); DOMAIN.md §10.1',
  note: '"Graduated" read as linear across each band.',
};

export const REAL_SCHEDULES: readonly TariffTable[] = [
  MANFREDONIA_MENSA_2019,
  GASPERINA_MENSA_2025,
  SAN_GIORGIO_MENSA_2024,
  MASSAROSA_MENSA_2023,
  MASSAROSA_TRASPORTO_2023,
  CASSANO_SAD_2023,
];

const DEMO =
  'DEMO: valori dimostrativi, non deliberati dal Comune di Casale Monferrato; da sostituire con la delibera.';

function casaleSchool(service: 'mensa' | 'trasporto', label: '2026/27', start: number): TariffTable {
  const mensa = service === 'mensa';
  return {
    id: `B885-${service}-${label.replace('/', '-')}`,
    comune: 'B885',
    service,
    period: { kind: 'school_year', label },
    validFrom: `${start}-09-01`,
    validTo: `${start + 1}-08-31`,
    unit: mensa ? 'meal' : 'month',
    bands: [
      { fromCents: 0, toCents: 300_000, price: mensa ? EXEMPT : fixed(500) },
      { fromCents: 300_001, toCents: 600_000, price: fixed(mensa ? 200 : 1500) },
      { fromCents: 600_001, toCents: 1_500_000, price: fixed(mensa ? 350 : 2500) },
      { fromCents: 1_500_001, toCents: null, price: fixed(mensa ? 480 : 3500) },
    ],
    noIsee: fixed(mensa ? 480 : 3500),
    nonResident: fixed(mensa ? 550 : 4000),
    siblings: [
      { rank: 2, discountPct: 20 },
      { rank: 3, discountPct: 50 },
    ],
    confidence: 'U',
    source: 'DEMO',
    note: DEMO,
  };
}

function casaleSad(year: number): TariffTable {
  return {
    id: `B885-sad-${year}`,
    comune: 'B885',
    service: 'sad',
    period: { kind: 'calendar_year', year },
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
    unit: 'hour',
    bands: [
      { fromCents: 0, toCents: 300_000, price: EXEMPT },
      { fromCents: 300_001, toCents: 1_500_000, price: linear(200, 1200) },
      { fromCents: 1_500_001, toCents: null, price: fixed(1600) },
    ],
    noIsee: fixed(1800),
    perOperator: true,
    confidence: 'U',
    source: 'DEMO',
    note: DEMO,
  };
}

/** Casale Monferrato (B885) defaults, all DEMO values [U]: the office replaces them by CSV. */
export const CASALE_DEMO_TABLES: readonly TariffTable[] = [
  casaleSchool('mensa', '2026/27', 2026),
  casaleSchool('trasporto', '2026/27', 2026),
  casaleSad(2026),
  casaleSad(2027),
];
