import type { Kysely, Transaction } from 'kysely';
import type { CertificateSummary } from '../../shared/certificates/certificate-record';
import type { CertificateFact } from '../../shared/certificates/facts';
import type { HubDatabase } from '../db/database';
import type { HubCertificateRow } from '../db/tables/certificates.table';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

/** Scoped to the comune: a workstation never reads another comune's certificates. */
export function findCertificate(db: Db, comune: string, id: string): Promise<HubCertificateRow | undefined> {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('comune', '=', comune)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Public lookup by identifier alone: the identifier carries the comune (B885-…). */
export function findCertificateById(db: Db, id: string): Promise<HubCertificateRow | undefined> {
  return db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What every counter of the comune learns of a certificate through the change log. */
export const toCertificateSummary = (r: HubCertificateRow): CertificateSummary => ({
  id: r.id,
  residentId: r.resident_id,
  title: r.title,
  facts: JSON.parse(r.facts) as CertificateFact[],
  issuedOn: r.issued_on,
  validUntil: r.valid_until,
  destination: r.destination,
  sha256: r.sha256,
  delivery: r.delivery,
  issuedBy: r.issued_by,
  status: r.revoked_at === null ? 'valid' : 'revoked',
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
  revokeReason: r.revoke_reason,
});
