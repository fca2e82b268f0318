import { AppError } from '../../shared/errors/app-error';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n/locale';
import type { DeskConfig, DeskContext } from './context';
import type { CredentialStore } from './credential-file';
import { openDeskDatabase, type MirrorEncryption } from './db/open-database';
import { AuthorKeys } from './session/author-keys';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { createHubClient, type DeskHubClient, type HubClient } from './hub-client/hub-client';
import { createHubFetch, readCaCertificate } from './hub-client/tls';
import { hubUrlsFromEnv, parseHubUrls } from './hub-client/hub-urls';
import { initialSyncStatus } from './sync/bootstrap';
import { SyncEngine, type SyncEngineOptions } from './sync/sync-engine';

export interface DeskCore {
  dispatch: Dispatch;
  ctx: DeskContext;
  sync: SyncEngine;
  close(): Promise<void>;
}

export interface DeskCoreOptions {
  dbFile: string;
  config: DeskConfig;
  credentials: CredentialStore;
  locale?: Locale;
  now?: () => Date;
  /**
   * A stand-in for the hub (benchmarks, tests). One without `call` answers every other route
   * (cases, protocol, attachments) as an unreachable hub would.
   */
  hub?: HubClient | DeskHubClient;
  sync?: SyncEngineOptions;
  /** the mirror encrypted at rest (db/open-database.ts, db/mirror-key.ts); plain when absent */
  encryption?: MirrorEncryption | null;
}

export const DEFAULT_DESK_CONFIG: Omit<DeskConfig, 'version'> = {
  idleTimeoutMinutes: 15,
  offlineGraceHours: 72,
};

/** Composition root of the workstation core: Electron main and browser mode both call this. */
export async function createDeskCore(opts: DeskCoreOptions): Promise<DeskCore> {
  const { db, close } = await openDeskDatabase(opts.dbFile, undefined, opts.encryption ?? null);
  const hubUrls = opts.config.hubUrls ? parseHubUrls(opts.config.hubUrls) : hubUrlsFromEnv();
  const hub: DeskHubClient = opts.hub
    ? { call: () => Promise.reject(new AppError('hub_unreachable')), ...opts.hub }
    : createHubClient({
        credential: () => opts.credentials.read(),
        version: opts.config.version,
        locale: () => ctx.state.locale,
        // the comune's CA when IT pinned one, the system's trust otherwise (hub-client/tls.ts)
        fetch: createHubFetch({
          caPem: opts.config.managed?.config.caCertificate
            ? readCaCertificate(opts.config.managed.config.caCertificate)
            : null,
        }),
        hubUrls: () => hubUrls,
      });
  const ctx: DeskContext = {
    db,
    config: opts.config,
    credentials: opts.credentials,
    hub,
    now: opts.now ?? (() => new Date()),
    sync: { nudge: () => engine.nudge() },
    authors: new AuthorKeys(),
    state: { locale: opts.locale ?? DEFAULT_LOCALE, session: null, sync: initialSyncStatus() },
  };
  const engine = new SyncEngine(ctx, opts.sync);
  await engine.refreshCounts();
  return {
    ctx,
    sync: engine,
    dispatch: createDispatch(ctx, createHandlers(engine)),
    close: async () => {
      await engine.stop();
      await close();
    },
  };
}
