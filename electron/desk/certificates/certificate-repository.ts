import type { Kysely, Transaction } from 'kysely';
import type { CertificateSummary } from '../../../shared/certificates/certificate-record';
import type { Database } from '../db/database';
import type { CertificateRow } from '../db/tables/documents.table';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A certificate as the hub announced it. Ours keep their PDF and printed lines: the summary
 * only refreshes what the hub decides (status, revocation).
 */
export async function upsertCertificateSummary(
  trx: Transaction<Database>,
  c: CertificateSummary,
): Promise<void> {
  const row = {
    id: c.id,
    resident_id: c.residentId,
    title: c.title,
    facts: JSON.stringify(c.facts),
    destination: c.destination,
    issued_on: c.issuedOn,
    valid_until: c.validUntil,
    sha256: c.sha256,
    delivery: c.delivery,
    issued_by: c.issuedBy,
    status: c.status,
    revoked_at: c.revokedAt,
    revoked_by: c.revokedBy,
    revoke_reason: c.revokeReason,
  };
  await trx
    .insertInto('certificates')
    .values({ ...row, marca_id: null, pdf: null, content: null })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        status: row.status,
        revoked_at: row.revoked_at,
        revoked_by: row.revoked_by,
        revoke_reason: row.revoke_reason,
      }),
    )
    .execute();
}

export function findCertificateRow(db: Db, id: string): Promise<CertificateRow | undefined> {
  return db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listCertificatesOf(db: Db, residentId: string) {
  return db
    .selectFrom('certificates')
    .select([
      'id',
      'title',
      'issued_on',
      'valid_until',
      'destination',
      'delivery',
      'issued_by',
      'status',
      'revoked_at',
      'revoked_by',
      'revoke_reason',
      'sha256',
      (eb) => eb('pdf', 'is not', null).as('has_pdf'),
    ])
    .where('resident_id', '=', residentId)
    .orderBy('issued_on', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

export function findMarcaUse(db: Db, marcaId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('certificates').select('id').where('marca_id', '=', marcaId).executeTakeFirst();
}
