import type { ExceptionKind } from '../sync/exception-kind';
import type { Locale } from '../i18n/locale';
import type { CfProblem } from '../codice-fiscale/codice-fiscale';
import type { Resident, ResidentEventKind } from '../registry/model';

/** Output shapes of the contract: what the renderer sees (never a database row). */

export type Role = 'clerk' | 'supervisor' | 'admin';

export interface SessionInfo {
  /** logged in against the verifier cached at the last online login */
  offline: boolean;
  clerk: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    /** offices beside the role (shared/social/social-access.ts); absent means none */
    offices?: readonly string[];
  };
  comune: { belfiore: string; name: string };
  workstation: string;
  idleTimeoutMinutes: number;
  expiresAt: string;
}

export interface AppInfo {
  version: string;
  locale: Locale;
  workstation: string | null;
  comune: { belfiore: string; name: string } | null;
  hubUrl: string | null;
  session: SessionInfo | null;
}

export interface SyncStatus {
  /** never: not enrolled or nothing pulled yet; bootstrapping: first download running */
  state: 'never' | 'bootstrapping' | 'ready' | 'error' | 'revoked';
  online: boolean;
  residents: number;
  /** local changes not yet accepted by the hub */
  pending: number;
  /** local changes the hub rejected (see sync:exceptions) */
  exceptions: number;
  /** records from the hub this counter set aside, unreadable or of an unknown kind (see sync:exceptions) */
  quarantined: number;
  /**
   * The person whose changes head the queue and wait for them to log in at this counter (the hub
   * takes a change only with its author's own credential); null when nothing waits for anyone.
   */
  waitingFor: string | null;
  lastSyncAt: string | null;
  /** how far into the hub's change log this mirror has applied: moves only when something arrived */
  cursor: number;
  progress: { done: number; total: number } | null;
  error: string | null;
}

export interface SetupStatus {
  enrolled: boolean;
  workstation: string | null;
  hubUrl: string | null;
  comune: { belfiore: string; name: string } | null;
  /** why the hub revoked this workstation, when it did */
  revoked: string | null;
  /** what IT fixed through the managed configuration (shown locked), absent when unmanaged */
  managed?: ManagedSetupView | null;
}

export interface ManagedSetupView {
  /** the file (or environment variable) the settings come from */
  source: string;
  locked: { setting: string; value: string }[];
  /** the first run's automatic enrolment with IT's code, when there was one */
  silentEnrolment: { ok: boolean; message: string | null } | null;
}

export interface SyncException {
  mutationId: string;
  name: string;
  clerk: string;
  /** which counter sent it (comune-wide list only) */
  workstation: string | null;
  at: string;
  code: string;
  message: string;
  summary: string;
  /** push: a change of this counter the hub refused; pull: a record from the hub set aside here */
  source: 'push' | 'pull';
  /** settles by itself (an update, the network) or needs a person (shared/sync/exception-kind.ts) */
  kind: ExceptionKind;
  /** minutes since it happened */
  ageMinutes: number;
}

export interface ResidentSummary extends Pick<
  Resident,
  'id' | 'codiceFiscale' | 'surname' | 'givenNames' | 'sex' | 'birthDate' | 'birthPlaceName' | 'status'
> {
  addressLine: string;
}

export type SearchResult =
  | { kind: 'too_short' }
  | { kind: 'invalid_cf'; code: string; problems: CfProblem[]; explanations: string[] }
  | { kind: 'invalid_date'; text: string; explanation: string }
  | {
      kind: 'results';
      residents: ResidentSummary[];
      truncated: boolean;
      interpretedAs:
        | 'name'
        | 'similar_name'
        | 'given_name'
        | 'codice_fiscale'
        | 'identity_card'
        | 'birth_date'
        | 'address';
    };

export type FamilyMemberView = Pick<
  Resident,
  'id' | 'surname' | 'givenNames' | 'codiceFiscale' | 'birthDate' | 'relationship' | 'status'
>;

/** The record as the counter shows it: the registry facts plus address, household and history. */
export interface ResidentDetail extends Omit<Resident, 'comune' | 'familyId'> {
  omocodia: boolean;
  /** the comune marked the record as not certifiable (DOMAIN.md §1.2) */
  notCertifiable: boolean;
  phone: string | null;
  email: string | null;
  address: {
    line: string;
    interior: string;
    cap: string;
    frazione: string;
    comune: string;
  };
  family: FamilyMemberView[];
  events: { date: string; kind: ResidentEventKind; description: string }[];
}

export interface AuditVerification {
  entries: number;
  intact: boolean;
  firstBrokenSeq: number | null;
}

/** A refusal or a mistake in a document request, in the user's language; `reason` is stable. */
export interface DocumentProblem {
  reason: string;
  kind: 'invalid_request' | 'refusal' | 'configuration';
  message: string;
}

export interface DocumentLine {
  section: string;
  text: string;
}

export type CertificatePreview =
  | {
      ok: true;
      title: string;
      lines: DocumentLine[];
      /** what the counter collects now (diritti); the bollo was paid with the marca */
      atCounterCents: number;
      totalCents: number;
      feeLines: string[];
      validUntil: string | null;
      warnings: string[];
    }
  | { ok: false; problems: DocumentProblem[] };

export interface IssuedDocument {
  id: string;
  title: string;
  lines: DocumentLine[];
  sha256: string;
  pages: number;
  pdfBase64: string;
  delivery: 'printed' | 'file';
}

export interface IssuedCertificate extends IssuedDocument {
  verificationUrl: string | null;
  atCounterCents: number;
  validUntil: string | null;
}

export interface CertificateListItem {
  id: string;
  title: string;
  issuedOn: string;
  validUntil: string | null;
  destination: 'private_it' | 'abroad';
  delivery: 'printed' | 'file';
  issuedBy: string;
  /** as the verification page would say it today */
  status: 'valid' | 'expired' | 'revoked';
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  /** issued on this workstation: the PDF can be reprinted here */
  hasPdf: boolean;
}

export type DeclarationPreview =
  | { ok: true; title: string; subtitle: string; lines: DocumentLine[]; warnings: string[] }
  | { ok: false; problems: DocumentProblem[] };
