import type { IsoDate } from '../calendar/iso-date';

/**
 * The electronic ID card (CIE) at the counter. It is issued in the Ministry of the Interior's own
 * application, outside Sportello: the desk only lists what the clerk must not forget there, in
 * the order the application asks for it. The wording is in visits-ui.ts (`visits.cie.step.*`).
 * Facts stated from background knowledge, not from DOMAIN.md (which has none on the CIE
 * procedure): to be checked with the office before the desk relies on them.
 */
export const CIE_STEPS = [
  /** the old card, or the police report of its loss or theft; another ID if neither */
  'identity',
  /** a recent passport photo to the ministry's specification, scanned */
  'photo',
  /** two fingerprints, from age 12 */
  'fingerprints',
  /** the signature on the pad, from age 12 */
  'signature',
  /** the optional statement on organ donation, asked by the application */
  'organs',
  /** where the card is posted, or collected at the comune */
  'delivery',
  /** the fee, at the counter or the pagoPA receipt */
  'payment',
] as const;
export type CieStep = (typeof CIE_STEPS)[number];

/**
 * The CIE fee, a dated row as every amount (DOMAIN.md: versioned tables): the State's part is
 * set by decree, the comune's fees by the council. DATED DATA, UNCERTAIN: €16.79 to the State is
 * the part shared/booking/what-to-bring.ts names in the booking confirmation; the comune's €5.42
 * (a €22.21 total) is an assumption. Neither is sourced in DOMAIN.md: confirm with the ufficio
 * anagrafe before relying on it.
 */
export interface CieFee {
  validFrom: IsoDate;
  validTo: IsoDate | null;
  stateCents: number;
  comuneCents: number;
}

export const CIE_FEES: readonly CieFee[] = [
  { validFrom: '2026-01-01', validTo: null, stateCents: 1679, comuneCents: 542 },
];

/** The fee in force on `day`, in cents (null: no row covers it, the clerk checks the tariff). */
export function cieFeeCents(day: IsoDate, fees: readonly CieFee[] = CIE_FEES): number | null {
  const row = fees.find((f) => f.validFrom <= day && (f.validTo === null || day <= f.validTo));
  return row ? row.stateCents + row.comuneCents : null;
}
