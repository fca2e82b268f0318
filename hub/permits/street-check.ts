import type { CompiledQuery, Kysely } from 'kysely';
import { isPermitKind } from '../../shared/permits/permit-kinds';
import { permitStatusAt } from '../../shared/permits/in-force';
import type { PermitStatus } from '../../shared/permits/permit-wire';
import type { PermitCheckAnswer } from '../../shared/permits/street-wire';
import { localDateOf, type LocalDateTime } from '../../shared/protocol/local-date-time';
import { opensZone } from '../../shared/permits/zone-access';
import type { HubDatabase } from '../db/database';

/**
 * "Is plate X allowed in zone Z at time T?" for the ZTL cameras and the wardens' handhelds: one
 * indexed lookup (`permit_plates_lookup` on comune, plate, country) joined to the permits, then
 * the shared in-force rule (in-force.ts) on the few rows found.
 *
 * Which permits open which zone: a permit with a zone opens that zone only; a permit without one
 * (CUDE, lavoro, medici, the temporary ticket…) opens every ZTL of its comune; a resident-parking
 * permit opens no ZTL gate, only its own parking sector.
 */

interface CheckRow {
  number: string;
  kind: string;
  zone: string | null;
  status: string;
  valid_from: string;
  valid_to: string;
  valid_from_at: string | null;
  valid_to_at: string | null;
  revoked_at: string | null;
}

/** The worst news last: the reason given when nothing covers the plate. */
const REASONS = [
  'no_permit',
  'permit_not_for_zone',
  'permit_superseded',
  'permit_not_yet_valid',
  'permit_expired',
  'permit_revoked',
] as const;

/**
 * The lookup compiled once per database handle: the statement's text never changes, only its
 * three parameters, so each check skips building the query (and the driver may reuse it).
 */
const compiled = new WeakMap<Kysely<HubDatabase>, CompiledQuery<CheckRow>>();
const SENTINELS = ['\u0000comune', '\u0000plate', '\u0000country'] as const;

function lookupOf(db: Kysely<HubDatabase>): CompiledQuery<CheckRow> {
  let query = compiled.get(db);
  if (!query) {
    query = db
      .selectFrom('permit_plates as pp')
      .innerJoin('permits as p', 'p.id', 'pp.permit_id')
      .select([
        'p.number',
        'p.kind',
        'p.zone',
        'p.status',
        'p.valid_from',
        'p.valid_to',
        'p.valid_from_at',
        'p.valid_to_at',
        'p.revoked_at',
      ])
      .where('pp.comune', '=', SENTINELS[0])
      .where('pp.plate', '=', SENTINELS[1])
      .where('pp.country', '=', SENTINELS[2])
      .compile();
    if (JSON.stringify(query.parameters) !== JSON.stringify(SENTINELS)) {
      throw new Error('plate check: unexpected parameter order in the compiled lookup');
    }
    compiled.set(db, query);
  }
  return query;
}

export async function checkPlate(
  db: Kysely<HubDatabase>,
  q: { comune: string; plate: string; country: string; zone: string | null; at: LocalDateTime },
): Promise<PermitCheckAnswer> {
  const lookup = lookupOf(db);
  const { rows } = await db.executeQuery<CheckRow>({ ...lookup, parameters: [q.comune, q.plate, q.country] });
  const permits: PermitCheckAnswer['permits'] = [];
  let reason: (typeof REASONS)[number] = 'no_permit';
  const worse = (r: (typeof REASONS)[number]) => {
    if (REASONS.indexOf(r) > REASONS.indexOf(reason)) reason = r;
  };
  for (const r of rows) {
    if (!isPermitKind(r.kind)) continue;
    if (!opensZone({ kind: r.kind, zone: r.zone }, q.zone, q.comune, localDateOf(q.at))) {
      worse('permit_not_for_zone');
      continue;
    }
    const status = permitStatusAt(
      {
        status: r.status as PermitStatus,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        validFromAt: r.valid_from_at,
        validToAt: r.valid_to_at,
        revokedAt: r.revoked_at,
      },
      q.at,
    );
    if (status === 'valid') {
      permits.push({ number: r.number, kind: r.kind, validTo: r.valid_to, validToAt: r.valid_to_at });
    } else {
      worse(`permit_${status}`);
    }
  }
  const allowed = permits.length > 0;
  return {
    allowed,
    plate: q.plate,
    country: q.country,
    at: q.at,
    permits,
    reason: allowed ? null : reason,
  };
}

/** For the EXPLAIN test: the lookup's SQL as the driver runs it. */
export const plateLookupSql = (db: Kysely<HubDatabase>): string => lookupOf(db).sql;
