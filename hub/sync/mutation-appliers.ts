import type { Transaction } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import type { Change, MutationName } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { toWireResident } from '../registry/registry-repository';
import {
  recordCertificate,
  recordDeclaration,
  revokeCertificate,
} from '../certificates/certificate-appliers';
import { findCertificate, toCertificateSummary } from '../certificates/certificate-repository';
import { CASE_APPLIERS, caseCurrentStateFor } from '../cases/case-appliers';
import {
  closeCounterSession,
  openCounterSession,
  recordPayment,
  recordReversal,
} from '../cashdesk/cashdesk-appliers';
import type { Applier } from './apply-context';
import { appendChange, headSeq } from './change-log';

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
  'registry.setCertifiable': async ({ trx, ws, at, mutationId, clerk }, args) => {
    if (clerk.role === 'clerk')
      throw new AppError('supervisor_only', { action: 'certificabilità della scheda' });
    const resident = await trx
      .selectFrom('residents')
      .selectAll()
      .where('id', '=', args.residentId)
      .where('comune', '=', ws.comune)
      .executeTakeFirst();
    if (!resident) throw new AppError('resident_not_found');
    const flag = args.notCertifiable ? 1 : 0;
    await trx
      .updateTable('residents')
      .set({ not_certifiable: flag })
      .where('id', '=', resident.id)
      .where('comune', '=', ws.comune)
      .execute();
    await appendChange(trx, {
      comune: ws.comune,
      entity: 'resident',
      entityId: resident.id,
      op: 'upsert',
      payload: toWireResident({ ...resident, not_certifiable: flag }),
      at,
      mutationId,
    });
  },
  'certificates.record': recordCertificate,
  'certificates.revoke': revokeCertificate,
  'declarations.record': recordDeclaration,
  'cashdesk.openSession': openCounterSession,
  'cashdesk.recordPayment': recordPayment,
  'cashdesk.recordReversal': recordReversal,
  'cashdesk.closeSession': closeCounterSession,
  ...CASE_APPLIERS,
};

/** What a rejected mutation touched, as the hub has it now, so the desk can rebase on it. */
export async function currentStateFor(
  trx: Transaction<HubDatabase>,
  ws: WorkstationRow,
  name: MutationName,
  args: unknown,
): Promise<Change[]> {
  const forCase = await caseCurrentStateFor(trx, ws, name, args);
  if (forCase !== null) return forCase;
  // Stamped with the log's head: a desk that has already pulled past it keeps what it pulled.
  const seq = await headSeq(trx, ws.comune);
  if (name === 'certificates.revoke') {
    const certificateId = (args as { id?: unknown }).id;
    const found =
      typeof certificateId === 'string' ? await findCertificate(trx, ws.comune, certificateId) : null;
    return found
      ? [
          {
            seq,
            entity: 'certificate',
            entityId: found.id,
            op: 'upsert',
            payload: toCertificateSummary(found),
          },
        ]
      : [];
  }
  if (name !== 'registry.updateContacts' && name !== 'registry.setCertifiable') return [];
  const id = (args as { residentId?: unknown }).residentId;
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
