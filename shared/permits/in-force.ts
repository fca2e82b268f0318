import { compareIsoDates } from '../calendar/iso-date';
import { compareLocalDateTimes, localDateOf, type LocalDateTime } from '../protocol/local-date-time';
import { PERMIT_KIND_LABELS } from './permit-kinds';
import type { PermitRecord, PermitVerification, PermitVerificationStatus } from './permit-wire';

/**
 * Whether a permit holds at a moment: one rule for the verification page, the camera whitelist
 * and the matching of transits, so the three never disagree.
 *
 * - Revoked: from `revokedAt` on; a passage before the revocation was covered. A proposed
 *   revocation changes nothing until a supervisor confirms it.
 * - Superseded (a duplicate replaced it): never; the duplicate carries the same dates.
 * - The stored status `expired` is a convenience of the hub's nightly job: dates decide.
 * - Days: first and last day included. Temporary tickets: from the first minute to the last,
 *   both included (a camera reading 08:40:00 on a ticket 08:10-08:40 is covered).
 */

export type PermitTimes = Pick<
  PermitRecord,
  'status' | 'validFrom' | 'validTo' | 'validFromAt' | 'validToAt' | 'revokedAt'
>;

export function permitStatusAt(permit: PermitTimes, at: LocalDateTime): PermitVerificationStatus {
  if (permit.status === 'superseded') return 'superseded';
  if (
    permit.status === 'revoked' &&
    (permit.revokedAt === null || compareLocalDateTimes(at, permit.revokedAt) >= 0)
  ) {
    return 'revoked';
  }
  if (permit.validFromAt !== null && permit.validToAt !== null) {
    if (compareLocalDateTimes(at, permit.validFromAt) < 0) return 'not_yet_valid';
    if (compareLocalDateTimes(at, permit.validToAt) > 0) return 'expired';
    return 'valid';
  }
  const day = localDateOf(at);
  if (compareIsoDates(day, permit.validFrom) < 0) return 'not_yet_valid';
  if (compareIsoDates(day, permit.validTo) > 0) return 'expired';
  return 'valid';
}

export const permitInForceAt = (permit: PermitTimes, at: LocalDateTime): boolean =>
  permitStatusAt(permit, at) === 'valid';

/**
 * The public verification view of a permit at `at`. Built field by field, never by spreading
 * the record: the holder, the household and the ASL reference (health data, DOMAIN.md §12)
 * must not reach the page.
 */
export function permitVerificationView(permit: PermitRecord, at: LocalDateTime): PermitVerification {
  return {
    number: permit.number,
    comune: permit.comune,
    kind: permit.kind,
    kindLabel: { ...PERMIT_KIND_LABELS[permit.kind] },
    status: permitStatusAt(permit, at),
    plates: permit.plates.map((p) => ({ plate: p.plate, country: p.country })),
    zone: permit.zone,
    validFrom: permit.validFrom,
    validTo: permit.validTo,
    validFromAt: permit.validFromAt,
    validToAt: permit.validToAt,
  };
}
