import type { Insertable, Kysely, Transaction } from 'kysely';
import { PROCEDURE_CATALOGUE } from '../../shared/cases/procedure-catalogue';
import { SERVICES } from '../../shared/services/registered';
import type { ChangeEntity } from '../../shared/sync/change-entities';
import type { HubDatabase } from '../db/database';
import type { ChangeLogTable } from '../db/tables/sync.table';
import { appendChanges } from './change-log';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

/**
 * Kinds of record only one office's workstations receive (a service's `officeEntities`): social
 * files are special-category data (GDPR art. 9, DOMAIN.md §12.1), and a registry counter has no
 * business holding them, not even in its mirror.
 */
export const OFFICE_ENTITIES: ReadonlyMap<ChangeEntity, string> = new Map(
  SERVICES.flatMap((s) =>
    Object.entries(('officeEntities' in s ? s.officeEntities : undefined) ?? {}).map(
      ([entity, office]) => [entity as ChangeEntity, office] as const,
    ),
  ),
);

const SCOPED_OFFICES: ReadonlySet<string> = new Set(OFFICE_ENTITIES.values());

/**
 * The office whose counters alone receive the cases of a procedure, or null for every counter: the
 * offices that scope a service's records (the social-services office) scope their procedures'
 * cases too, since a case names who applies for economic aid or home care. Other offices' cases
 * (registry, SUAP) stay visible comune-wide: any counter may take them in.
 */
export function caseOfficeOf(procedureCode: string): string | null {
  const office = PROCEDURE_CATALOGUE.find((p) => p.code === procedureCode)?.office.code;
  return office && SCOPED_OFFICES.has(office) ? office : null;
}

/** The offices IT may give a workstation: those of the procedures and of the office-scoped kinds. */
export const KNOWN_OFFICES: readonly string[] = [
  ...new Set([...PROCEDURE_CATALOGUE.map((p) => p.office.code), ...OFFICE_ENTITIES.values()]),
].sort();

/** The offices a workstation serves, as the hub knows them now. */
export async function workstationOffices(db: Db, workstationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('workstation_offices')
    .select('office')
    .where('workstation_id', '=', workstationId)
    .execute();
  return rows.map((r) => r.office).sort();
}

/**
 * Gives a workstation exactly these offices and, in the same transaction, the log rows for it alone
 * that bring its mirror in line: for an office it left, a delete of every record of the office's
 * kinds (its mirror may hold any of them); for an office it joined, the current state of each
 * (it never received them: the pull left them out). Being rows of the log, they arrive in order
 * with everything else, at the seq the desk's cursor already follows: no new desk mechanism, and
 * a desk offline for weeks still drops the records at its next pull.
 */
export async function setOfficesOf(
  trx: Transaction<HubDatabase>,
  ws: { id: string; comune: string },
  offices: readonly string[],
  at: string,
): Promise<{ joined: string[]; left: string[] }> {
  const before = await workstationOffices(trx, ws.id);
  const joined = offices.filter((o) => !before.includes(o));
  const left = before.filter((o) => !offices.includes(o));
  await trx.deleteFrom('workstation_offices').where('workstation_id', '=', ws.id).execute();
  if (offices.length > 0)
    await trx
      .insertInto('workstation_offices')
      .values([...new Set(offices)].map((office) => ({ workstation_id: ws.id, office })))
      .execute();
  const kindsOf = (changed: string[]) =>
    [...OFFICE_ENTITIES].filter(([, office]) => changed.includes(office)).map(([entity]) => entity);
  const leftKinds = kindsOf(left);
  const joinedKinds = kindsOf(joined);
  const changed = [...left, ...joined];
  if (changed.length === 0) return { joined, left };
  const rows = await trx
    .selectFrom('change_log')
    .select(['entity', 'entity_id', 'op', 'payload', 'office'])
    .where('comune', '=', ws.comune)
    .where('for_workstation', 'is', null)
    .where((eb) =>
      eb.or([
        ...(leftKinds.length + joinedKinds.length > 0
          ? [eb('entity', 'in', [...leftKinds, ...joinedKinds])]
          : []),
        eb('office', 'in', changed),
      ]),
    )
    .orderBy('seq')
    .execute();
  // the last row of each record is its current state
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(`${r.entity}\u0000${r.entity_id}`, r);
  const addressed = [...latest.values()].flatMap((r): Insertable<ChangeLogTable>[] => {
    const row = {
      comune: ws.comune,
      entity: r.entity,
      entity_id: r.entity_id,
      at,
      mutation_id: null,
      for_workstation: ws.id,
    };
    const dropped = leftKinds.includes(r.entity) || (r.office !== null && left.includes(r.office));
    if (dropped) return [{ ...row, op: 'delete', payload: 'null' }];
    return r.op === 'upsert' ? [{ ...row, op: 'upsert', payload: r.payload }] : [];
  });
  await appendChanges(trx, addressed);
  return { joined, left };
}
