import type { Generated, Selectable } from 'kysely';

/** What the hub knows of an issued certificate: enough to verify it, never the document. */
export interface CertificatesTable {
  id: string;
  comune: string;
  workstation_id: string;
  resident_id: string;
  holder_initials: string;
  title: string;
  /** JSON array of CertificateFact */
  facts: string;
  storico_reference_date: string | null;
  destination: 'private_it' | 'abroad';
  issued_on: string;
  issued_at: string;
  valid_until: string | null;
  bollo_kind: 'marca' | 'exempt';
  marca_id: string | null;
  exemption_code: string | null;
  diritti_cents: number;
  sha256: string;
  delivery: 'printed' | 'file';
  issued_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  /** 0/1: the hub confirmed the certificate against its own records (migration 2026_12_06_1630) */
  verifiable: Generated<number>;
  /** comma-separated NotVouchedReason (shared/certificates/vouch.ts) when not verifiable */
  not_verifiable_reasons: string | null;
  /** SHA-256 over the holder's registry facts the hub held when recording it; null before the check */
  hub_facts_sha256: string | null;
}
export type HubCertificateRow = Selectable<CertificatesTable>;

export interface DocumentsIssuedTable {
  id: string;
  comune: string;
  kind: 'certificate' | 'declaration' | 'receipt';
  issued_on: string;
  pages: number;
  delivery: 'printed' | 'file';
  workstation_id: string;
  clerk: string;
}

/** The diritti collected with a certificate, in the till the counter put them in (migration 2026_12_06_1630). */
export interface CertificateFeesTable {
  certificate_id: string;
  comune: string;
  workstation_id: string;
  session_id: string;
  amount_cents: number;
  paid_at: string;
  clerk: string;
}
