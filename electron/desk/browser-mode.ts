import { join } from 'node:path';
import { createDeskCore, type DeskCore } from './core';
import { startBrowserModeServer, type BrowserModeServer } from './transport/http-server';

export interface BrowserModeDesk {
  core: DeskCore;
  server: BrowserModeServer;
  close(): Promise<void>;
}

/** The desk core behind the loopback HTTP transport, serving the built renderer. */
export async function startBrowserModeDesk(opts: {
  dataDir: string;
  hubUrl: string;
  workstation: string;
  workstationToken: string;
  staticDir: string;
  port?: number;
  idleTimeoutMinutes?: number;
  version?: string;
  now?: () => Date;
}): Promise<BrowserModeDesk> {
  const core = await createDeskCore({
    dbFile: join(opts.dataDir, 'desk.sqlite'),
    config: {
      workstation: opts.workstation,
      hubUrl: opts.hubUrl,
      workstationToken: opts.workstationToken,
      idleTimeoutMinutes: opts.idleTimeoutMinutes ?? 15,
      version: opts.version ?? '0.1.0',
    },
    ...(opts.now ? { now: opts.now } : {}),
  });
  const server = await startBrowserModeServer({
    dispatch: core.dispatch,
    staticDir: opts.staticDir,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
  });
  return {
    core,
    server,
    close: async () => {
      await server.close();
      await core.close();
    },
  };
}
