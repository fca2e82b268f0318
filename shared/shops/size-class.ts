import type { IsoDate } from '../calendar/iso-date';
import type { SourceStatus } from '../fines/tariffs';
import { residentsOn } from './shop-data';

/**
 * Size classes of shops (D.Lgs. 114/1998 art. 4 c.1 lett. d; DOMAIN.md §11.1): an esercizio di
 * vicinato has a sales area up to 150 m² in comuni under 10,000 residents and up to 250 m² in
 * comuni at or above 10,000. Above that it is a media struttura, which needs an authorisation
 * (art. 8), not a SCIA: the counter refuses the SCIA and says so.
 *
 * Areas travel in m² with at most two decimals (150.01 m²); the rule compares hundredths of m²
 * as integers, so no rounding of floating point can let 150.01 pass as 150.
 */

export const POPULATION_THRESHOLD = 10_000;
export const SMALL_COMUNE_LIMIT_M2 = 150;
export const LARGE_COMUNE_LIMIT_M2 = 250;

/** m² with at most two decimals → hundredths of m² (integer). */
export const toCentiM2 = (m2: number): number => Math.round(m2 * 100);
/** hundredths of m² → m² for display and the wire. */
export const fromCentiM2 = (c: number): number => c / 100;

export interface VicinatoLimit {
  limitM2: number;
  residents: number;
  residentsStatus: SourceStatus;
}

export function vicinatoLimit(comune: string, on: IsoDate): VicinatoLimit {
  const { residents, status } = residentsOn(comune, on);
  return {
    limitM2: residents >= POPULATION_THRESHOLD ? LARGE_COMUNE_LIMIT_M2 : SMALL_COMUNE_LIMIT_M2,
    residents,
    residentsStatus: status,
  };
}

export type ClassCheck =
  | { ok: true; limitM2: number; salesAreaM2: number }
  | { ok: false; limitM2: number; salesAreaM2: number; reason: 'media_struttura' };

/** The live check at the counter and the hub's own: within vicinato, or why not. */
export function checkVicinatoClass(comune: string, on: IsoDate, salesAreaM2: number): ClassCheck {
  const { limitM2 } = vicinatoLimit(comune, on);
  if (toCentiM2(salesAreaM2) <= limitM2 * 100) return { ok: true, limitM2, salesAreaM2 };
  return { ok: false, limitM2, salesAreaM2, reason: 'media_struttura' };
}
