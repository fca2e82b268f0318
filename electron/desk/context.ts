import type { Kysely } from 'kysely';
import type { Locale } from '../../shared/i18n/locale';
import type { SessionInfo, SyncStatus } from '../../shared/contract/views';
import { AppError } from '../../shared/errors/app-error';
import type { Database } from './db/database';
import type { HubClient } from './hub-client/hub-client';

export interface DeskConfig {
  /** the workstation's name as enrolled at the hub, e.g. "Casale - Anagrafe 1" */
  workstation: string;
  hubUrl: string;
  /** device credential issued by the hub at enrolment */
  workstationToken: string;
  idleTimeoutMinutes: number;
  version: string;
}

export interface ActiveSession {
  info: SessionInfo;
  hubToken: string;
  lastActivity: number;
}

/** Everything a service may touch, passed in (no globals), so tests build the real thing. */
export interface DeskContext {
  db: Kysely<Database>;
  config: DeskConfig;
  hub: HubClient;
  now: () => Date;
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
