import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import { isErrorCode } from '../../shared/errors/app-error';
import type { HubDatabase } from '../db/database';

/** What the comune's counters set aside, as rows of the supervisors' exceptions list. */
export async function quarantinedOf(db: Kysely<HubDatabase>, comune: string) {
  const rows = await db
    .selectFrom('desk_quarantine')
    .innerJoin('workstations', 'workstations.id', 'desk_quarantine.workstation_id')
    .select([
      'desk_quarantine.seq',
      'desk_quarantine.entity',
      'desk_quarantine.entity_id',
      'desk_quarantine.code',
      'desk_quarantine.desk_version',
      'desk_quarantine.quarantined_at',
      'workstations.name as workstation',
    ])
    .where('desk_quarantine.comune', '=', comune)
    .orderBy('desk_quarantine.quarantined_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    mutationId: `log-${Number(r.seq)}-${r.workstation}`,
    name: `change.${r.entity}`,
    args: { desk_version: r.desk_version },
    clerk: '',
    workstation: r.workstation,
    code: r.code,
    message: isErrorCode(r.code) ? new AppError(r.code, { entity: r.entity }).toData('it').message : r.code,
    at: r.quarantined_at,
    source: 'pull' as const,
    entity: r.entity,
    entityId: r.entity_id,
  }));
}
