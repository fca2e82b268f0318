import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n/locale';
import type { DeskConfig, DeskContext } from './context';
import { openDeskDatabase } from './db/open-database';
import { createDispatch, type Dispatch } from './dispatch';
import { createHubClient, type HubClient } from './hub-client/hub-client';
import { countResidents } from './registry/registry-repository';
import { initialSyncStatus } from './sync/bootstrap';
import { refreshSync } from './sync/sync-service';

export interface DeskCore {
  dispatch: Dispatch;
  ctx: DeskContext;
  /** pulls from the hub if the mirror is empty; resolves when done (or failed, see sync status) */
  startSync(): Promise<void>;
  close(): Promise<void>;
}

export interface DeskCoreOptions {
  dbFile: string;
  config: DeskConfig;
  locale?: Locale;
  now?: () => Date;
  hub?: HubClient;
}

/** Composition root of the workstation core: Electron main and browser mode both call this. */
export async function createDeskCore(opts: DeskCoreOptions): Promise<DeskCore> {
  const { db, close } = await openDeskDatabase(opts.dbFile);
  const hub =
    opts.hub ??
    createHubClient({
      baseUrl: opts.config.hubUrl,
      workstationToken: opts.config.workstationToken,
      version: opts.config.version,
    });
  const residents = await countResidents(db);
  const ctx: DeskContext = {
    db,
    config: opts.config,
    hub,
    now: opts.now ?? (() => new Date()),
    state: {
      locale: opts.locale ?? DEFAULT_LOCALE,
      session: null,
      sync: residents > 0 ? { ...initialSyncStatus(), state: 'ready', residents } : initialSyncStatus(),
    },
  };
  return {
    ctx,
    dispatch: createDispatch(ctx),
    startSync: async () => {
      await refreshSync(ctx);
    },
    close,
  };
}
