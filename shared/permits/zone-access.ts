import type { IsoDate } from '../calendar/iso-date';
import { familyOf, kindRowOn, type PermitKind } from './permit-kinds';

/**
 * Which gate a permit opens — one rule for the hub's camera check and the counter's offline one.
 * A permit that names a zone opens that zone only (a resident-parking permit: its own sector); a
 * permit without one opens every ZTL of its comune when its kind says so in the dated data
 * (CUDE, work, doctors, the 30-minute ticket…); resident parking never opens a ZTL gate. Asked
 * for no zone at all (`null`: "any ZTL gate"), every permit but parking answers yes.
 */
export function opensZone(
  permit: { kind: PermitKind; zone: string | null },
  zone: string | null,
  comune: string,
  on: IsoDate,
): boolean {
  const parking = familyOf(permit.kind) === 'sosta';
  if (zone === null) return !parking;
  if (permit.zone !== null) return permit.zone === zone;
  if (parking) return false;
  return kindRowOn(permit.kind, comune, on)?.opensZtl ?? false;
}
