import { join } from 'node:path';
import { createDeskCore, DEFAULT_DESK_CONFIG, type DeskCore } from './core';
import { fileCredentialStore, type CredentialStore } from './credential-file';
import { encryptedMirror } from './db/mirror-cipher';
import { fileMirrorKeyStore } from './db/mirror-key';
import { enrolSilently } from './managed-config/first-run';
import type { ManagedRuntime } from './managed-config/managed-runtime';
import type { SyncEngineOptions } from './sync/sync-engine';
import { startBrowserModeServer, type BrowserModeServer } from './transport/http-server';

export interface BrowserModeDesk {
  core: DeskCore;
  server: BrowserModeServer;
  close(): Promise<void>;
}

/**
 * The desk core behind the loopback HTTP transport, serving the built renderer. The mirror is
 * encrypted as in the product, its key in a 0600 file `mirror.key` beside the credential
 * (safeStorage is Electron's): revocation clears both, and the next start removes the keyless
 * archive.
 */
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
  const dbFile = join(opts.dataDir, 'desk.sqlite');
  const { encryption, credentials } = encryptedMirror(
    fileMirrorKeyStore(join(opts.dataDir, 'mirror.key')),
    dbFile,
    opts.credentials ?? fileCredentialStore(join(opts.dataDir, 'workstation.json')),
  );
  const core = await createDeskCore({
    dbFile,
    credentials,
    encryption,
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
