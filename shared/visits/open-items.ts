import { addDays, compareIsoDates, type IsoDate } from '../calendar/iso-date';

/**
 * "One visit settles everything" (issue 19): what a person and their household still have open
 * with the comune, gathered on the resident's page so the clerk settles it in the same visit
 * instead of sending the citizen to another office or another day.
 */

/** A permit expiring within this many days is worth renewing now, while the citizen is here. */
export const PERMIT_RENEWAL_WINDOW_DAYS = 30;

export type OpenItemKind = 'fine' | 'notice' | 'canteen' | 'permit' | 'case';

export interface OpenItemView {
  kind: OpenItemKind;
  /** unique in the list: `<kind>:<key>` */
  id: string;
  /** the household member it concerns; null when it is the household's as a whole */
  personId: string | null;
  personName: string;
  title: string;
  /** what it costs today, when it can be paid at the counter; otherwise null */
  amountCents: number | null;
  /** when payable elsewhere only, or not at all, why (a notice past its due date) */
  notPayable: string | null;
  /** due date, expiry, or the case's deadline */
  date: string | null;
  /** what the cash desk takes to settle it (fines and notices only) */
  debt: { kind: 'fine' | 'notice'; key: string } | null;
  /** a permit to renew */
  permitId: string | null;
  /** an open case to look at */
  caseId: string | null;
}

export interface OpenItemsView {
  today: string;
  items: OpenItemView[];
  /** the sum of every payable item's amount today */
  payableCents: number;
}

/** Whether a permit valid until `validTo` should be offered for renewal on `today`. */
export function permitExpiringSoon(validTo: IsoDate, today: IsoDate): boolean {
  return (
    compareIsoDates(validTo, today) >= 0 &&
    compareIsoDates(validTo, addDays(today, PERMIT_RENEWAL_WINDOW_DAYS)) <= 0
  );
}

const KIND_ORDER: Record<OpenItemKind, number> = { fine: 0, notice: 1, canteen: 2, permit: 3, case: 4 };

/**
 * Money first (what the visit can settle at the till), then permits, then cases; within a kind
 * the oldest date first, so the debt nearest to growing (a fine's reduction ending) is on top.
 */
export function sortOpenItems(items: readonly OpenItemView[]): OpenItemView[] {
  return [...items].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.date ?? '9999-12-31').localeCompare(b.date ?? '9999-12-31') ||
      a.id.localeCompare(b.id),
  );
}

/** The payable total: the sum of the items the cash desk can take today. */
export const payableCents = (items: readonly OpenItemView[]): number =>
  items.reduce((sum, i) => sum + (i.debt && i.amountCents !== null ? i.amountCents : 0), 0);
