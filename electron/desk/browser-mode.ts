import { join } from 'node:path';
import { createDeskCore, DEFAULT_DESK_CONFIG, type DeskCore } from './core';
import { fileCredentialStore, type CredentialStore } from './credential-file';
import { enrolSilently } from './managed-config/first-run';
import type { ManagedRuntime } from './managed-config/managed-runtime';
import type { SyncEngineOptions } from './sync/sync-engine';
import { startBrowserModeServer, type BrowserModeServer } from './transport/http-server';

export interface BrowserModeDesk {
  core: DeskCore;
  server: BrowserModeServer;
  close(): Promise<void>;
}

/** The desk core behind the loopback HTTP transport, serving the built renderer. */
export async function startBrowserModeDesk(opts: {
  dataDir: string;
  staticDir: string;
  /** default: a 0600 file `workstation.json` in dataDir */
  credentials?: CredentialStore;
  port?: number;
  idleTimeoutMinutes?: number;
  version?: string;
  now?: () => Date;
  sync?: SyncEngineOptions;
  /** run the sync loops (push/pull in the background); tests may drive `core.sync.syncOnce()` instead */
  startSync?: boolean;
  /** IT's managed configuration (managed-config/): locked settings, silent first enrolment */
  managed?: ManagedRuntime | null;
}): Promise<BrowserModeDesk> {
  const core = await createDeskCore({
    dbFile: join(opts.dataDir, 'desk.sqlite'),
    credentials: opts.credentials ?? fileCredentialStore(join(opts.dataDir, 'workstation.json')),
    config: {
      ...DEFAULT_DESK_CONFIG,
      ...(opts.idleTimeoutMinutes ? { idleTimeoutMinutes: opts.idleTimeoutMinutes } : {}),
      version: opts.version ?? '0.1.0',
      managed: opts.managed ?? null,
    },
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.sync ? { sync: opts.sync } : {}),
  });
  await enrolSilently(core);
  const server = await startBrowserModeServer({
    dispatch: core.dispatch,
    staticDir: opts.staticDir,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
  });
  if (opts.startSync !== false) core.sync.start();
  return {
    core,
    server,
    close: async () => {
      await server.close();
      await core.close();
    },
  };
}
