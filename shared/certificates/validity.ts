import { compareIsoDates, daysInMonth, isoDate, parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { formatDate } from '../i18n/registry-labels';
import { FACT_DEFINITIONS, type CertificateFact } from './facts';

/**
 * Validity of a certificate (DPR 445/2000 art. 41 c.1; DOMAIN.md §1.5):
 * - certificates about states, qualities and facts NOT SUBJECT TO CHANGE are valid without limit;
 * - all others are valid six months from issue, unless a law gives a longer period.
 *
 * "Cannot change" is read narrowly, per fact (facts.ts `unchangeable`): only birth data qualify
 * among our facts. Esistenza in vita is NOT unchangeable (it stops being true at death), nor are
 * residence, household, citizenship or civil status. A contestuale is unlimited only if EVERY fact
 * is unchangeable (one changeable fact gives the whole document six months).
 *
 * Storici: the residence or household at a past date is a past fact, and could be argued
 * unchangeable; the registry can still be corrected (rettifica), and DOMAIN.md names only birth
 * and death. We give storici six months, the conservative reading. [doubt, see the report]
 *
 * The six months run as a term in months (art. 2963 c.4 c.c.): they end on the day of the sixth
 * month with the same number as the issue day, or on that month's last day when it has no such
 * day (31 August → 28/29 February). That day is the last day of validity.
 *
 * Art. 41 c.2: an expired registry certificate stays usable if the holder declares at the
 * bottom that nothing has changed since issue (`ART_41_C2_DECLARATION`).
 */

export const VALIDITY_MONTHS = 6;
export const VALIDITY_LAW = 'art. 41, c. 1, d.P.R. 445/2000';

export type CertificateValidity =
  | { kind: 'limited'; months: number; issuedOn: IsoDate; validUntil: IsoDate }
  | { kind: 'unlimited'; issuedOn: IsoDate };

/** Text the holder may add at the bottom of an expired certificate (art. 41 c.2 d.P.R. 445/2000). */
export const ART_41_C2_DECLARATION =
  'Il/La sottoscritto/a dichiara, ai sensi dell’art. 41, c. 2, d.P.R. 445/2000, che le informazioni contenute nel presente certificato non hanno subito variazioni dalla data di rilascio.';

/** `date` + `months` calendar months, clamped to the month's last day (art. 2963 c.4 c.c.). */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  if (!Number.isSafeInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoDate(year, month, Math.min(parts.day, daysInMonth(year, month)));
}

export interface ValidityOptions {
  /** a storico: six months whatever the facts (see above) */
  storico?: boolean;
}

export function certificateValidity(
  facts: readonly CertificateFact[],
  issuedOn: IsoDate,
  options: ValidityOptions = {},
): CertificateValidity {
  const unlimited =
    !options.storico && facts.length > 0 && facts.every((f) => FACT_DEFINITIONS[f].unchangeable);
  if (unlimited) return { kind: 'unlimited', issuedOn };
  return {
    kind: 'limited',
    months: VALIDITY_MONTHS,
    issuedOn,
    validUntil: addMonthsClamped(issuedOn, VALIDITY_MONTHS),
  };
}

/** Whether the certificate is still within its validity on `date` (issue day and last day included). */
export function isValidOn(validity: CertificateValidity, date: IsoDate): boolean {
  if (compareIsoDates(date, validity.issuedOn) < 0) return false;
  return validity.kind === 'unlimited' || compareIsoDates(date, validity.validUntil) <= 0;
}

/** The validity sentence printed on the certificate. */
export function validityLine(validity: CertificateValidity): string {
  if (validity.kind === 'unlimited') {
    return `Il presente certificato ha validità illimitata (${VALIDITY_LAW}).`;
  }
  return `Il presente certificato ha validità di ${validity.months} mesi dalla data di rilascio, fino al ${formatDate(validity.validUntil)} (${VALIDITY_LAW}).`;
}
