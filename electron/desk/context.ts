import type { Kysely } from 'kysely';
import type { ScryptCost } from '../../shared/auth/scrypt-cost';
import type { SessionInfo, SyncStatus } from '../../shared/contract/views';
import { AppError } from '../../shared/errors/app-error';
import type { Locale } from '../../shared/i18n/locale';
import type { CredentialStore } from './credential-file';
import type { Database } from './db/database';
import type { DeskHubClient } from './hub-client/hub-client';
import type { AuthorKeys } from './session/author-keys';
import type { ManagedRuntime } from './managed-config/managed-runtime';

export interface DeskConfig {
  idleTimeoutMinutes: number;
  /**
   * How long after an online login here a clerk may log in again while the hub is unreachable
   * (AgID misure minime: a short offline grace; the hub's push key lasts as long by default).
   */
  offlineGraceHours: number;
  version: string;
  /** what the offline verifier costs; OWASP_SCRYPT unless a test passes a cheaper one */
  verifierCost?: ScryptCost;
  /** IT's machine-wide configuration, when the workstation is managed (managed-config/) */
  managed?: ManagedRuntime | null;
  /**
   * Every instance of the hub (managed config; default SPORTELLO_HUB_URLS, comma-separated): the
   * desk fails over among them and the one it enrolled with (hub-client/hub-urls.ts).
   */
  hubUrls?: readonly string[];
}

export interface ActiveSession {
  info: SessionInfo;
  /** null for an offline session */
  hubToken: string | null;
  lastActivity: number;
}

/** What services may ask of the sync engine without knowing how it runs. */
export interface SyncControl {
  /** a mutation was queued: push soon */
  nudge(): void;
}

/** Everything a service may touch, passed in (no globals), so tests build the real thing. */
export interface DeskContext {
  db: Kysely<Database>;
  config: DeskConfig;
  credentials: CredentialStore;
  hub: DeskHubClient;
  now: () => Date;
  sync: SyncControl;
  /** the hub credentials of the people whose mutations this counter uploads (memory only) */
  authors: AuthorKeys;
  state: {
    locale: Locale;
    session: ActiveSession | null;
    sync: SyncStatus;
  };
}

export function requireSession(ctx: DeskContext): ActiveSession {
  if (!ctx.state.session) throw new AppError('not_logged_in');
  return ctx.state.session;
}

/** The workstation's name as enrolled; every mutation and audit entry carries it. */
export function workstationName(ctx: DeskContext): string {
  return ctx.credentials.read()?.workstation ?? 'non registrata';
}
