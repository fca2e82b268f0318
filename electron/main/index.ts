import { join } from 'node:path';
import { app } from 'electron';
import { createDeskCore, DEFAULT_DESK_CONFIG } from '../desk/core';
import { createMainWindow } from './create-window';
import { registerIpc } from './register-ipc';
import { safeStorageCredentials } from './safe-storage-credentials';
import { startAutoUpdate } from './updater';

/**
 * Composition root: create the desk core, register the contract, open the window. Everything
 * else lives in electron/desk (plain Node, tested without Electron).
 */
async function main(): Promise<void> {
  await app.whenReady();
  const dataDir = process.env.SPORTELLO_DATA ?? app.getPath('userData');
  const core = await createDeskCore({
    dbFile: join(dataDir, 'desk', 'desk.sqlite'),
    credentials: safeStorageCredentials(join(dataDir, 'desk', 'workstation.bin')),
    config: { ...DEFAULT_DESK_CONFIG, version: app.getVersion() },
  });
  // `npm start` hands a fresh enrolment code to a development run; installed desks enrol on the first-run screen.
  const { SPORTELLO_ENROL_HUB: hubUrl, SPORTELLO_ENROL_CODE: code } = process.env;
  if (hubUrl && code && !core.ctx.credentials.read()) await core.dispatch('setup:enrol', { hubUrl, code });

  const devUrl = process.env.ELECTRON_RENDERER_URL ?? null;
  registerIpc(core.dispatch, (url) => (devUrl ? url.startsWith(devUrl) : url.startsWith('file://')));
  createMainWindow(devUrl);
  core.sync.start();
  startAutoUpdate({
    isPackaged: app.isPackaged,
    core,
    // until the managed configuration (issue 16, hardening) passes its own: IT's tools or the desk
    managedByIt: process.env.SPORTELLO_UPDATES_BY_IT === '1',
    updateKeyPem: null,
    log: (msg) => console.log(msg),
  });

  app.on('window-all-closed', () => {
    void core.close().then(() => app.quit());
  });
}

main().catch((err: unknown) => {
  console.error(err);
  app.exit(1);
});
