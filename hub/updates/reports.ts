import type { Kysely } from 'kysely';
import type { UpdateReport } from '../../shared/updates/update-wire';
import { ringOfWorkstation } from '../../shared/updates/rollout';
import { compareVersions } from '../../shared/updates/version';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { listRings } from './rings';

/**
 * Keeps the latest report of a workstation, filed under the workstation its credential names.
 * A failure is dated by the hub when it is first reported (a desk repeating the same failure at
 * every sync does not move the rollout's quiet period), and forgotten once the desk reports
 * something else.
 */
export async function recordReport(
  db: Kysely<HubDatabase>,
  ws: Pick<WorkstationRow, 'id' | 'comune'>,
  report: UpdateReport,
  now: Date,
): Promise<{ failed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('update_reports')
      .select(['last_version', 'last_outcome', 'failed_at'])
      .where('workstation_id', '=', ws.id)
      .executeTakeFirst();
    const last = report.lastResult;
    const failed = last?.outcome === 'failed';
    const sameFailure =
      failed && before?.last_outcome === 'failed' && before.last_version === last.version && before.failed_at;
    const row = {
      comune: ws.comune,
      version: report.version,
      platform: report.platform,
      channel: report.channel,
      last_version: last?.version ?? null,
      last_outcome: last?.outcome ?? null,
      last_at: last?.at ?? null,
      last_message: last?.message ?? null,
      failed_at: failed ? (sameFailure ? before.failed_at : now.toISOString()) : null,
      reported_at: now.toISOString(),
    };
    await trx
      .insertInto('update_reports')
      .values({ workstation_id: ws.id, ...row })
      .onConflict((oc) => oc.column('workstation_id').doUpdateSet(row))
      .execute();
    return { failed };
  });
}

export interface WorkstationUpdateStatus {
  workstation: string;
  name: string;
  comune: string;
  ring: string;
  version: string | null;
  platform: string | null;
  outcome: string | null;
  triedVersion: string | null;
  message: string | null;
  reportedAt: string | null;
}

/**
 * The admin's table: every active workstation (of one comune, or all for IT at the hub) with its
 * ring, version and last update result — failures first, then by ring order, oldest version
 * first (who is behind).
 */
export async function updateStatus(
  db: Kysely<HubDatabase>,
  comune: string | null,
): Promise<WorkstationUpdateStatus[]> {
  let q = db
    .selectFrom('workstations as w')
    .leftJoin('update_reports as r', 'r.workstation_id', 'w.id')
    .leftJoin('update_workstation_rings as o', 'o.workstation_id', 'w.id')
    .leftJoin('update_comune_rings as c', 'c.comune', 'w.comune')
    .select([
      'w.id',
      'w.name',
      'w.comune',
      'o.ring as own',
      'c.ring as comuneRing',
      'r.version',
      'r.platform',
      'r.last_outcome',
      'r.last_version',
      'r.last_message',
      'r.reported_at',
    ])
    .where('w.revoked_at', 'is', null);
  if (comune) q = q.where('w.comune', '=', comune);
  const rows = await q.execute();
  const rings = await listRings(db);
  const names = rings.map((r) => r.name);
  const position = new Map(rings.map((r) => [r.name, r.position]));
  const out = rows.map((r): WorkstationUpdateStatus => ({
    workstation: r.id,
    name: r.name,
    comune: r.comune,
    ring: ringOfWorkstation(r.own, r.comuneRing, names),
    version: r.version,
    platform: r.platform,
    outcome: r.last_outcome,
    triedVersion: r.last_version,
    message: r.last_message,
    reportedAt: r.reported_at,
  }));
  return out.sort(
    (a, b) =>
      Number(b.outcome === 'failed') - Number(a.outcome === 'failed') ||
      (position.get(a.ring) ?? 99) - (position.get(b.ring) ?? 99) ||
      compareVersions(a.version ?? '0.0.0', b.version ?? '0.0.0') ||
      a.name.localeCompare(b.name),
  );
}
