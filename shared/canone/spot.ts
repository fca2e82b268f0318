import { fromDayNumber, toDayNumber, type IsoDate } from '../calendar/iso-date';
import { streetKey } from './zones';

/**
 * "A period already fully booked for that spot" (issue 14, bad input). A spot is one street and
 * civic number; it can hold `capacityM2` square metres of occupations at once (a setting, 30 m²
 * by default [U]: the comune's real limit depends on the pavement). Occupations still pending
 * and those approved or active count; refused, withdrawn, revoked and ended ones do not.
 * Periods are whole days with both ends included; an end of null is open-ended (permanent).
 */

export const DEFAULT_SPOT_CAPACITY_M2 = 30;

/** The statuses whose occupations take room on the spot. */
export const SPOT_COUNTED_STATUSES: readonly string[] = ['pending', 'approved', 'active'];

export interface SpotRequest {
  street: string;
  civic: string;
  start: IsoDate;
  end: IsoDate | null;
  measure: number;
}

export interface SpotOccupation extends SpotRequest {
  /** the concession's or case's id, to name it in the refusal */
  id?: string;
  status: string;
}

export interface SpotConflictPeriod {
  from: IsoDate;
  /** null: open-ended */
  to: IsoDate | null;
  /** the most already booked on a day of the period (m²) */
  bookedM2: number;
  requestedM2: number;
  capacityM2: number;
  /** the occupations booked in the period */
  occupations: SpotOccupation[];
}

/** "12 a", "12/A" and "12A" are one civic number. */
export function civicKey(civic: string): string {
  return civic.toUpperCase().replace(/[\s/]+/g, '');
}

const SCALE = 10_000; // measures compared in 1/10,000 m², never as floats
const OPEN = Number.POSITIVE_INFINITY;

const endDay = (end: IsoDate | null): number => (end === null ? OPEN : toDayNumber(end));

/**
 * The periods in which the request would take the spot beyond its capacity, or null when it fits
 * on every day. Filling the spot exactly is allowed.
 */
export function spotConflict(
  request: SpotRequest,
  existing: readonly SpotOccupation[],
  capacityM2: number = DEFAULT_SPOT_CAPACITY_M2,
): SpotConflictPeriod[] | null {
  const street = streetKey(request.street);
  const civic = civicKey(request.civic);
  const from = toDayNumber(request.start);
  const to = endDay(request.end);
  const requested = Math.round(request.measure * SCALE);
  const capacity = Math.round(capacityM2 * SCALE);

  const booked = existing
    .filter(
      (o) =>
        SPOT_COUNTED_STATUSES.includes(o.status) &&
        civicKey(o.civic) === civic &&
        streetKey(o.street) === street,
    )
    .map((o) => ({ o, from: toDayNumber(o.start), to: endDay(o.end), m: Math.round(o.measure * SCALE) }))
    .filter((b) => b.from <= to && b.to >= from);

  // the days on which the booked total can change, within the request's period
  const edges = new Set<number>([from]);
  for (const b of booked) {
    edges.add(Math.max(b.from, from));
    if (b.to < to) edges.add(b.to + 1);
  }
  const starts = [...edges].sort((a, b) => a - b);

  const periods: { from: number; to: number; booked: number; occupations: Set<SpotOccupation> }[] = [];
  starts.forEach((segFrom, i) => {
    const next = starts[i + 1];
    const segTo = next === undefined ? to : next - 1;
    const present = booked.filter((b) => b.from <= segFrom && b.to >= segFrom);
    const total = present.reduce((sum, b) => sum + b.m, 0);
    if (total + requested <= capacity) return;
    const last = periods[periods.length - 1];
    if (last && last.to + 1 === segFrom) {
      last.to = segTo;
      last.booked = Math.max(last.booked, total);
      present.forEach((b) => last.occupations.add(b.o));
    } else {
      periods.push({
        from: segFrom,
        to: segTo,
        booked: total,
        occupations: new Set(present.map((b) => b.o)),
      });
    }
  });
  if (periods.length === 0) return null;
  return periods.map((p) => ({
    from: fromDayNumber(p.from),
    to: p.to === OPEN ? null : fromDayNumber(p.to),
    bookedM2: p.booked / SCALE,
    requestedM2: request.measure,
    capacityM2,
    occupations: [...p.occupations],
  }));
}
