import { join } from 'node:path';
import { app } from 'electron';
import { createDeskCore } from '../desk/core';
import { readCredential } from '../desk/credential-file';
import { createMainWindow } from './create-window';
import { registerIpc } from './register-ipc';
import { startAutoUpdate } from './updater';

/**
 * Composition root: create the desk core, register the contract, open the window. Everything
 * else lives in electron/desk (plain Node, tested without Electron).
 */
async function main(): Promise<void> {
  await app.whenReady();
  const dataDir = process.env.SPORTELLO_DATA ?? app.getPath('userData');
  const credentialFile = process.env.SPORTELLO_CREDENTIAL_FILE ?? join(dataDir, 'desk', 'workstation.json');
  // Enrolment (issue: offline-first sync) will replace this with a first-run screen and safeStorage.
  const credential = readCredential(credentialFile);
  if (!credential)
    throw new Error(`No workstation credential at ${credentialFile}: run "npm start" once to enrol.`);

  const core = await createDeskCore({
    dbFile: join(dataDir, 'desk', 'desk.sqlite'),
    config: {
      workstation: credential.workstation,
      hubUrl: credential.hubUrl,
      workstationToken: credential.token,
      idleTimeoutMinutes: 15,
      version: app.getVersion(),
    },
  });
  const devUrl = process.env.ELECTRON_RENDERER_URL ?? null;
  registerIpc(core.dispatch, (url) => (devUrl ? url.startsWith(devUrl) : url.startsWith('file://')));
  createMainWindow(devUrl);
  void core.startSync();
  startAutoUpdate(app.isPackaged, (msg) => console.log(msg));

  app.on('window-all-closed', () => {
    void core.close().then(() => app.quit());
  });
}

main().catch((err: unknown) => {
  console.error(err);
  app.exit(1);
});
