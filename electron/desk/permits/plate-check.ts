import type { Kysely } from 'kysely';
import { localDateOf, type LocalDateTime } from '../../../shared/protocol/local-date-time';
import { permitStatusAt } from '../../../shared/permits/in-force';
import { isPermitKind, type PermitKind } from '../../../shared/permits/permit-kinds';
import { opensZone } from '../../../shared/permits/zone-access';
import type { PermitVerificationStatus } from '../../../shared/permits/permit-wire';
import type { PlateCheckView } from '../../../shared/permits/permit-views';
import type { Database } from '../db/database';

/**
 * "Is plate X allowed in zone Z at time T?" answered from the counter's mirror, offline like the
 * rest: the hub's camera endpoint asks the same question of its own data. One indexed read
 * (permit_plates (plate, country) → permits by primary key), then the shared in-force rule
 * (revoked from revokedAt, temporary tickets by the minute) on the few rows of that plate.
 *
 * Which permit opens which zone is the shared rule the hub's camera check uses too (zone-access.ts).
 */

export interface PlateCheckRequest {
  /** normal form (plate.ts): upper case, no spaces */
  plate: string;
  country: string;
  zone: string;
  at: LocalDateTime;
}

interface CandidateRow {
  number: string;
  kind: string;
  comune: string;
  zone: string | null;
  status: string;
  valid_from: string;
  valid_to: string;
  valid_from_at: string | null;
  valid_to_at: string | null;
  revoked_at: string | null;
}

const covers = (r: CandidateRow, zone: string, on: string): boolean =>
  isPermitKind(r.kind) && opensZone({ kind: r.kind, zone: r.zone }, zone, r.comune, on);

export async function checkPlateAtDesk(db: Kysely<Database>, q: PlateCheckRequest): Promise<PlateCheckView> {
  const rows: CandidateRow[] = await db
    .selectFrom('permit_plates')
    .innerJoin('permits', 'permits.id', 'permit_plates.permit_id')
    .select([
      'permits.number',
      'permits.kind',
      'permits.comune',
      'permits.zone',
      'permits.status',
      'permits.valid_from',
      'permits.valid_to',
      'permits.valid_from_at',
      'permits.valid_to_at',
      'permits.revoked_at',
    ])
    .where('permit_plates.plate', '=', q.plate)
    .where('permit_plates.country', '=', q.country)
    .execute();
  if (rows.length === 0) return { allowed: false, permits: [], reason: 'no_permit' };
  const on = localDateOf(q.at);
  const forZone = rows.filter((r) => covers(r, q.zone, on));
  const permits = forZone.map((r) => ({
    number: r.number,
    kind: r.kind as PermitKind,
    validTo: r.valid_to,
    status: permitStatusAt(
      {
        status: r.status as 'active',
        validFrom: r.valid_from,
        validTo: r.valid_to,
        validFromAt: r.valid_from_at,
        validToAt: r.valid_to_at,
        revokedAt: r.revoked_at,
      },
      q.at,
    ) as PermitVerificationStatus,
  }));
  if (permits.length === 0) return { allowed: false, permits: [], reason: 'not_for_zone' };
  const allowed = permits.some((p) => p.status === 'valid');
  return { allowed, permits, reason: allowed ? 'allowed' : 'not_in_force' };
}
