import type { Transaction } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import type { Change, MutationArgs, MutationName } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { toWireResident } from '../registry/registry-repository';
import { appendChange, headSeq } from './change-log';

export interface ApplyContext {
  trx: Transaction<HubDatabase>;
  ws: WorkstationRow;
  at: string;
  /** recorded with the change, so the desk that sent it knows it is now part of what it pulls */
  mutationId: string;
}

type Applier<N extends MutationName> = (ctx: ApplyContext, args: MutationArgs<N>) => Promise<void>;

/** The hub's authoritative effect of each mutation. Each query is scoped to the workstation's comune. */
export const APPLIERS: { [N in MutationName]: Applier<N> } = {
  'registry.updateContacts': async ({ trx, ws, at, mutationId }, args) => {
    const resident = await trx
      .selectFrom('residents')
      .selectAll()
      .where('id', '=', args.residentId)
      .where('comune', '=', ws.comune)
      .executeTakeFirst();
    if (!resident) throw new AppError('resident_not_found');
    if (resident.status !== 'resident')
      throw new AppError('resident_not_current', { status: resident.status });
    const updated = { ...resident, phone: args.phone, email: args.email };
    await trx
      .updateTable('residents')
      .set({ phone: args.phone, email: args.email })
      .where('id', '=', resident.id)
      .where('comune', '=', ws.comune)
      .execute();
    await appendChange(trx, {
      comune: ws.comune,
      entity: 'resident',
      entityId: resident.id,
      op: 'upsert',
      payload: toWireResident(updated),
      at,
      mutationId,
    });
  },
};

/** What a rejected mutation touched, as the hub has it now, so the desk can rebase on it. */
export async function currentStateFor(
  trx: Transaction<HubDatabase>,
  ws: WorkstationRow,
  name: MutationName,
  args: unknown,
): Promise<Change[]> {
  if (name !== 'registry.updateContacts') return [];
  const id = (args as { residentId?: unknown }).residentId;
  if (typeof id !== 'string') return [];
  const row = await trx
    .selectFrom('residents')
    .selectAll()
    .where('id', '=', id)
    .where('comune', '=', ws.comune)
    .executeTakeFirst();
  // Stamped with the log's head: a desk that has already pulled past it keeps what it pulled.
  const seq = await headSeq(trx, ws.comune);
  return row
    ? [{ seq, entity: 'resident', entityId: row.id, op: 'upsert', payload: toWireResident(row) }]
    : [];
}
