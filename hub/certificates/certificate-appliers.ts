import { parseCertificateId } from '../../shared/certificates/certificate-id';
import { AppError } from '../../shared/errors/app-error';
import type { MutationArgs } from '../../shared/sync/mutations';
import type { ApplyContext } from '../sync/apply-context';
import { appendChange } from '../sync/change-log';
import { findCertificate, toCertificateSummary } from './certificate-repository';

/**
 * A certificate issued at a counter (possibly offline, hours ago) becomes verifiable. The hub
 * checks what only it can: the number is of this workstation's series, the holder is of this
 * comune, the marca has not paid for another certificate already.
 */
export async function recordCertificate(
  { trx, ws, at, mutationId, clerk }: ApplyContext,
  args: MutationArgs<'certificates.record'>,
): Promise<void> {
  const parts = parseCertificateId(args.id);
  if (!parts.ok || parts.value.comune !== ws.comune || parts.value.series !== ws.series) {
    throw new AppError('certificate_series_mismatch', { id: args.id, series: ws.series ?? '—' });
  }
  const holder = await trx
    .selectFrom('residents')
    .select('id')
    .where('id', '=', args.residentId)
    .where('comune', '=', ws.comune)
    .executeTakeFirst();
  if (!holder) throw new AppError('resident_not_found');
  const marcaId = args.bollo.kind === 'marca' ? args.bollo.marcaId : null;
  if (marcaId !== null) {
    const used = await trx
      .selectFrom('certificates')
      .select('id')
      .where('comune', '=', ws.comune)
      .where('marca_id', '=', marcaId)
      .executeTakeFirst();
    if (used) throw new AppError('marca_already_used', { marcaId, id: used.id });
  }
  const row = {
    id: args.id,
    comune: ws.comune,
    workstation_id: ws.id,
    resident_id: args.residentId,
    holder_initials: args.holderInitials,
    title: args.title,
    facts: JSON.stringify(args.facts),
    storico_reference_date: args.storicoReferenceDate,
    destination: args.destination,
    issued_on: args.issuedOn,
    issued_at: args.issuedAt,
    valid_until: args.validUntil,
    bollo_kind: args.bollo.kind,
    marca_id: marcaId,
    exemption_code: args.bollo.kind === 'exempt' ? args.bollo.groundCode : null,
    diritti_cents: args.dirittiCents,
    sha256: args.sha256,
    delivery: args.delivery,
    issued_by: clerk.username,
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
  };
  await trx.insertInto('certificates').values(row).execute();
  await trx
    .insertInto('documents_issued')
    .values({
      id: args.id,
      comune: ws.comune,
      kind: 'certificate',
      issued_on: args.issuedOn,
      pages: args.pages,
      delivery: args.delivery,
      workstation_id: ws.id,
      clerk: clerk.username,
    })
    .execute();
  await appendChange(trx, {
    comune: ws.comune,
    entity: 'certificate',
    entityId: args.id,
    op: 'upsert',
    payload: toCertificateSummary(row),
    at,
    mutationId,
  });
}

/** Revocation (DOMAIN.md §1.8): supervisors only (policy), with a reason; the page then says "revocato". */
export async function revokeCertificate(
  { trx, ws, at, mutationId, clerk }: ApplyContext,
  args: MutationArgs<'certificates.revoke'>,
): Promise<void> {
  const found = await findCertificate(trx, ws.comune, args.id);
  if (!found) throw new AppError('certificate_not_found', { id: args.id });
  if (found.revoked_at !== null) throw new AppError('certificate_already_revoked', { id: args.id });
  const revoked = { ...found, revoked_at: at, revoked_by: clerk.username, revoke_reason: args.reason };
  await trx
    .updateTable('certificates')
    .set({ revoked_at: at, revoked_by: clerk.username, revoke_reason: args.reason })
    .where('comune', '=', ws.comune)
    .where('id', '=', args.id)
    .execute();
  await appendChange(trx, {
    comune: ws.comune,
    entity: 'certificate',
    entityId: args.id,
    op: 'upsert',
    payload: toCertificateSummary(revoked),
    at,
    mutationId,
  });
}

/** A self-declaration leaves only its trace: for the burden meter, never its content. */
export async function recordDeclaration(
  { trx, ws, clerk }: ApplyContext,
  args: MutationArgs<'declarations.record'>,
): Promise<void> {
  await trx
    .insertInto('documents_issued')
    .values({
      id: args.id,
      comune: ws.comune,
      kind: 'declaration',
      issued_on: args.issuedOn,
      pages: args.pages,
      delivery: args.delivery,
      workstation_id: ws.id,
      clerk: clerk.username,
    })
    .execute();
}
