import type { Transaction } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import type { Change, MutationName } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { toWireResident } from '../registry/registry-repository';
import { updateResident } from '../registry/update-resident';
import { serviceAppliers, serviceCurrentState } from '../services/merge';
import type { Applier } from './apply-context';
import { headSeq } from './change-log';

const CORE_APPLIERS = {
  'registry.updateContacts': (ctx, args) =>
    updateResident(ctx, args.residentId, { phone: args.phone, email: args.email }, (resident) => {
      if (resident.status !== 'resident')
        throw new AppError('resident_not_current', { status: resident.status });
    }),
  // who may: shared/auth/policy.ts, checked for every mutation before its applier
  'registry.setCertifiable': (ctx, args) =>
    updateResident(ctx, args.residentId, { not_certifiable: args.notCertifiable ? 1 : 0 }),
} satisfies { [N in 'registry.updateContacts' | 'registry.setCertifiable']: Applier<N> };

let appliers: { [N in MutationName]: Applier<N> } | null = null;
/**
 * The hub's authoritative effect of each mutation: the registry core's and each registered
 * service's. Each query is scoped to the workstation's comune.
 */
export const mutationAppliers = (): { [N in MutationName]: Applier<N> } =>
  (appliers ??= { ...CORE_APPLIERS, ...serviceAppliers() } as unknown as { [N in MutationName]: Applier<N> });

/** What a rejected mutation touched, as the hub has it now, so the desk can rebase on it. */
export async function currentStateFor(
  trx: Transaction<HubDatabase>,
  ws: WorkstationRow,
  name: MutationName,
  args: unknown,
): Promise<Change[]> {
  // a refused mutation's args may be anything (null, a number): read them as a record or nothing
  const fields: Record<string, unknown> =
    typeof args === 'object' && args !== null ? (args as Record<string, unknown>) : {};
  for (const serviceState of serviceCurrentState()) {
    const found = await serviceState(trx, ws, name, fields);
    if (found !== null) return found;
  }
  // Stamped with the log's head: a desk that has already pulled past it keeps what it pulled.
  const seq = await headSeq(trx, ws.comune);
  if (name !== 'registry.updateContacts' && name !== 'registry.setCertifiable') return [];
  const id = fields.residentId;
  if (typeof id !== 'string') return [];
  const row = await trx
    .selectFrom('residents')
    .selectAll()
    .where('id', '=', id)
    .where('comune', '=', ws.comune)
    .executeTakeFirst();
  return row
    ? [{ seq, entity: 'resident', entityId: row.id, op: 'upsert', payload: toWireResident(row) }]
    : [];
}
