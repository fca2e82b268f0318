import type { Kysely } from 'kysely';
import { checkOffices } from '../../shared/admin/admin-rules';
import type {
  AdminWorkstationView,
  AdminWorkstationsView,
  EnrolmentCodeRequest,
  EnrolmentCodeView,
  RevokedView,
} from '../../shared/admin/admin-wire';
import { AppError } from '../../shared/errors/app-error';
import { ringOfWorkstation } from '../../shared/updates/rollout';
import type { UpdateRing } from '../../shared/updates/update-ring';
import type { HubDatabase } from '../db/database';
import { KNOWN_OFFICES } from '../sync/office-scope';
import { listRings } from '../updates/rings';
import { createEnrolmentCode, ENROLMENT_CODE_HOURS, revokeWorkstation } from './workstations';

/**
 * The comune's workstations for its admin: active ones first, each with its offices, update
 * ring, the desk version it last reported and when it last reached the hub (its latest upload
 * or update report); then the codes issued and not used yet.
 */
export async function listWorkstations(
  db: Kysely<HubDatabase>,
  comune: string,
): Promise<AdminWorkstationsView> {
  const rows = await db
    .selectFrom('workstations as w')
    .leftJoin('update_reports as r', 'r.workstation_id', 'w.id')
    .leftJoin('update_workstation_rings as o', 'o.workstation_id', 'w.id')
    .leftJoin('update_comune_rings as c', 'c.comune', 'w.comune')
    .select([
      'w.id',
      'w.name',
      'w.series',
      'w.created_at',
      'w.revoked_at',
      'o.ring as own',
      'c.ring as comuneRing',
    ])
    .select(['r.version', 'r.reported_at'])
    .where('w.comune', '=', comune)
    .execute();
  const ids = rows.map((r) => r.id);
  const offices = new Map<string, string[]>();
  const pushed = new Map<string, string>();
  if (ids.length > 0) {
    for (const o of await db
      .selectFrom('workstation_offices')
      .select(['workstation_id', 'office'])
      .where('workstation_id', 'in', ids)
      .execute())
      offices.set(o.workstation_id, [...(offices.get(o.workstation_id) ?? []), o.office].sort());
    for (const p of await db
      .selectFrom('applied_mutations')
      .select(['workstation_id', (eb) => eb.fn.max('applied_at').as('last')])
      .where('workstation_id', 'in', ids)
      .groupBy('workstation_id')
      .execute())
      if (p.last) pushed.set(p.workstation_id, String(p.last));
  }
  const rings = await listRings(db);
  const names = rings.map((r) => r.name);
  const latest = (...at: (string | null | undefined)[]) =>
    at
      .filter((a): a is string => !!a)
      .sort()
      .at(-1) ?? null;
  const workstations = rows
    .map((r): AdminWorkstationView => ({
      id: r.id,
      name: r.name,
      series: r.series,
      offices: offices.get(r.id) ?? [],
      ring: ringOfWorkstation(r.own as UpdateRing | null, r.comuneRing as UpdateRing | null, names),
      version: r.version ?? null,
      lastSyncAt: latest(pushed.get(r.id), r.reported_at),
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
    }))
    .sort(
      (a, b) =>
        Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
        a.name.localeCompare(b.name, 'it') ||
        a.createdAt.localeCompare(b.createdAt),
    );
  const pendingCodes = (
    await db
      .selectFrom('enrolment_codes')
      .select(['workstation_name', 'expires_at'])
      .where('comune', '=', comune)
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date().toISOString())
      .orderBy('expires_at')
      .execute()
  ).map((c) => ({ name: c.workstation_name, expiresAt: c.expires_at }));
  return { workstations, pendingCodes, rings: names, offices: [...KNOWN_OFFICES] };
}

/**
 * A one-time enrolment code for a new workstation of the admin's comune, through the same
 * function as `npm run hub -- workstation enrol` (with refusals in words for the screen).
 */
export async function issueEnrolmentCode(
  db: Kysely<HubDatabase>,
  comune: string,
  request: EnrolmentCodeRequest,
  now: Date = new Date(),
): Promise<EnrolmentCodeView> {
  const offices = checkOffices(request.offices, KNOWN_OFFICES);
  const rings = (await listRings(db)).map((r) => r.name);
  const ring = request.ring === null ? null : rings.find((r) => r === request.ring);
  if (ring === undefined)
    throw new AppError('update_ring_unknown', {
      ring: String(request.ring).slice(0, 40),
      rings: rings.join(', '),
    });
  const code = await createEnrolmentCode(db, comune, request.name, now, offices, ring);
  return {
    code,
    name: request.name,
    expiresAt: new Date(now.getTime() + ENROLMENT_CODE_HOURS * 3_600_000).toISOString(),
    offices,
    ring,
  };
}

/**
 * Revokes one of the comune's workstations by id (names may repeat); the one the admin works at
 * is refused, the screen would lose its own hub at once.
 */
export async function revokeComuneWorkstation(
  db: Kysely<HubDatabase>,
  comune: string,
  id: string,
  from: { id: string },
  now: Date = new Date(),
): Promise<RevokedView> {
  const ws = await db
    .selectFrom('workstations')
    .select(['id', 'revoked_at'])
    .where('id', '=', id)
    .where('comune', '=', comune)
    .executeTakeFirst();
  if (!ws || ws.revoked_at)
    throw new AppError('admin_workstation_not_found', { workstation: id.slice(0, 80) });
  if (ws.id === from.id) throw new AppError('workstation_revoke_self');
  await revokeWorkstation(db, ws.id, now);
  return { id: ws.id, revokedAt: now.toISOString() };
}
