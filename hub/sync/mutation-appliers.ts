import type { Transaction } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import type { Change, MutationName } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { toWireResident } from '../registry/registry-repository';
import { updateResident } from '../registry/update-resident';
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
import { headSeq } from './change-log';

/** The hub's authoritative effect of each mutation. Each query is scoped to the workstation's comune. */
export const APPLIERS: { [N in MutationName]: Applier<N> } = {
  'registry.updateContacts': (ctx, args) =>
    updateResident(ctx, args.residentId, { phone: args.phone, email: args.email }, (resident) => {
      if (resident.status !== 'resident')
        throw new AppError('resident_not_current', { status: resident.status });
    }),
  // who may: shared/auth/policy.ts, checked for every mutation before its applier
  'registry.setCertifiable': (ctx, args) =>
    updateResident(ctx, args.residentId, { not_certifiable: args.notCertifiable ? 1 : 0 }),
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
  // a refused mutation's args may be anything (null, a number): read them as a record or nothing
  const fields: Record<string, unknown> =
    typeof args === 'object' && args !== null ? (args as Record<string, unknown>) : {};
  const forCase = await caseCurrentStateFor(trx, ws, name, fields);
  if (forCase !== null) return forCase;
  // Stamped with the log's head: a desk that has already pulled past it keeps what it pulled.
  const seq = await headSeq(trx, ws.comune);
  if (name === 'certificates.revoke') {
    const certificateId = fields.id;
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
