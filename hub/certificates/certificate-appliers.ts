import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { parseCertificateId } from '../../shared/certificates/certificate-id';
import { dirittiSettingOn } from '../../shared/certificates/diritti';
import { exemptionGroundOn } from '../../shared/certificates/exemption-grounds';
import { cents } from '../../shared/money/cents';
import { formatEuro } from '../../shared/money/euro-format';
import { requireOpenTillSession } from '../cashdesk/payment-check';
import { NOT_VOUCHED_TEXT, notVouchedReasons } from '../../shared/certificates/vouch';
import type { ResidentsTable } from '../db/tables/registry.table';
import { recordException } from '../sync/sync-exceptions';
import { AppError } from '../../shared/errors/app-error';
import type { MutationArgs } from '../../shared/sync/mutations';
import type { ApplyContext } from '../sync/apply-context';
import { appendChange } from '../sync/change-log';
import { findCertificate, toCertificateSummary } from './certificate-repository';

/**
 * The diritti the comune's own setting asks for this certificate on its issue date (bollo or
 * carta libera), recomputed with the same shared rule the counter showed; null when the comune
 * has no setting for that date or the exemption ground is not one in force then.
 */
function expectedDiritti(comune: string, args: MutationArgs<'certificates.record'>): number | null {
  const setting = dirittiSettingOn(comune, args.issuedOn);
  if (!setting.ok) return null;
  if (args.bollo.kind === 'marca') return setting.row.withBolloCents;
  return exemptionGroundOn(args.bollo.groundCode, args.issuedOn).ok ? setting.row.exemptCents : null;
}

/**
 * A fingerprint of what the hub itself holds about the holder when it records the certificate
 * (never the desk's PDF or the desk's copy of the facts): if the registry is later altered behind
 * the hub's back, or a record is claimed to have said something else, this shows it.
 */
function holderFactsDigest(id: string, r: Selectable<ResidentsTable>): string {
  const facts = [
    id,
    r.comune,
    r.codice_fiscale,
    r.surname,
    r.given_names,
    r.sex,
    r.birth_date,
    r.birth_place_code,
    r.citizenship,
    r.civil_status,
    r.family_id,
    r.relationship,
    r.status,
    r.status_date ?? '',
    r.registered_on,
  ];
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
}

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
  // without its random key a number could be guessed from the one before it on the public page
  if (!parts.value.key) throw new AppError('certificate_id_unkeyed', { id: args.id });
  const holder = await trx
    .selectFrom('residents')
    .selectAll()
    .where('id', '=', args.residentId)
    .where('comune', '=', ws.comune)
    .executeTakeFirst();
  if (!holder) throw new AppError('resident_not_found');
  const reasons = notVouchedReasons(
    args,
    {
      status: holder.status,
      statusDate: holder.status_date,
      registeredOn: holder.registered_on,
      notCertifiable: Number(holder.not_certifiable) === 1,
    },
    romeDateOf(new Date(at)),
    romeDateOf(new Date(args.issuedAt)),
  );
  const fee = expectedDiritti(ws.comune, args);
  if (fee === null || fee !== args.dirittiCents) {
    throw new AppError('certificate_fee_mismatch', {
      id: args.id,
      amount: formatEuro(cents(args.dirittiCents), 'it'),
      due: fee === null ? '—' : formatEuro(cents(fee), 'it'),
    });
  }
  if (fee > 0) {
    if (args.tillSessionId === null) throw new AppError('certificate_fee_not_in_till', { id: args.id });
    await requireOpenTillSession(trx, ws, args.tillSessionId);
    await trx
      .insertInto('certificate_fees')
      .values({
        certificate_id: args.id,
        comune: ws.comune,
        workstation_id: ws.id,
        session_id: args.tillSessionId,
        amount_cents: fee,
        paid_at: args.issuedAt,
        clerk: clerk.username,
      })
      .execute();
  }
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
    verifiable: reasons.length === 0 ? 1 : 0,
    not_verifiable_reasons: reasons.length === 0 ? null : reasons.join(','),
    hub_facts_sha256: holderFactsDigest(args.id, holder),
  };
  await trx.insertInto('certificates').values(row).execute();
  if (reasons.length > 0) {
    // kept, never verified as valid; the supervisors see why (the desk's clock, a tampered desk…)
    await recordException(trx, ws, {
      mutationId,
      name: 'certificates.record',
      args: { id: args.id, reasons },
      clerk: clerk.username,
      code: 'certificate_not_verifiable',
      message: `Certificato ${args.id} non verificabile: ${reasons.map((r) => NOT_VOUCHED_TEXT[r].it).join('; ')}.`,
      at,
    });
  }
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
