import type { Locale } from '../i18n/locale';
import type { CfProblem } from '../codice-fiscale/codice-fiscale';
import type { Resident, ResidentEventKind } from '../registry/model';

/** Output shapes of the contract: what the renderer sees (never a database row). */

export type Role = 'clerk' | 'supervisor' | 'admin';

export interface SessionInfo {
  clerk: { id: string; username: string; displayName: string; role: Role };
  comune: { belfiore: string; name: string };
  workstation: string;
  idleTimeoutMinutes: number;
  expiresAt: string;
}

export interface AppInfo {
  version: string;
  locale: Locale;
  workstation: string;
  comune: { belfiore: string; name: string } | null;
  hubUrl: string;
  session: SessionInfo | null;
}

export interface SyncStatus {
  state: 'never' | 'running' | 'ready' | 'error';
  residents: number;
  lastSyncAt: string | null;
  progress: { done: number; total: number } | null;
  error: string | null;
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
      interpretedAs: 'name' | 'codice_fiscale' | 'birth_date';
    };

export type FamilyMemberView = Pick<
  Resident,
  'id' | 'surname' | 'givenNames' | 'codiceFiscale' | 'birthDate' | 'relationship' | 'status'
>;

/** The record as the counter shows it: the registry facts plus address, household and history. */
export interface ResidentDetail extends Omit<Resident, 'comune' | 'familyId'> {
  omocodia: boolean;
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
