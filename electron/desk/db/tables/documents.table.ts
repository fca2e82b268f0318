import type { Selectable } from 'kysely';
import type { CertificateDestination } from '../../../../shared/certificates/footers';
import type { DeliveryMode } from '../../../../shared/certificates/certificate-record';

export interface CertificatesTable {
  id: string;
  resident_id: string;
  title: string;
  /** JSON array of CertificateFact */
  facts: string;
  destination: CertificateDestination;
  issued_on: string;
  valid_until: string | null;
  marca_id: string | null;
  sha256: string;
  delivery: DeliveryMode;
  issued_by: string;
  status: 'valid' | 'revoked';
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  /** only on the workstation that issued it */
  pdf: Uint8Array | null;
  /** JSON of the printed lines, for the screen; only on the workstation that issued it */
  content: string | null;
}
export type CertificateRow = Selectable<CertificatesTable>;

export interface DeclarationsTable {
  id: string;
  resident_id: string;
  article: 'art46' | 'art47' | 'art46_47';
  title: string;
  issued_on: string;
  sha256: string;
  delivery: DeliveryMode;
  issued_by: string;
  pdf: Uint8Array;
}
export type DeclarationRow = Selectable<DeclarationsTable>;
