import { join } from 'node:path';
import { app, dialog } from 'electron';
import { AppError } from '../../shared/errors/app-error';
import { createDeskCore, DEFAULT_DESK_CONFIG } from '../desk/core';
import { encryptedMirror } from '../desk/db/mirror-cipher';
import { enrolSilently } from '../desk/managed-config/first-run';
import { loadManagedConfig } from '../desk/managed-config/managed-config';
import { managedRuntime } from '../desk/managed-config/managed-runtime';
import { privateDir } from '../desk/private-files';
import { createMainWindow } from './create-window';
import { registerIpc } from './register-ipc';
import { safeStorageCredentials } from './safe-storage-credentials';
import { safeStorageMirrorKey } from './safe-storage-mirror-key';
import { isAppUrl } from './security/app-protocol';
import { linkAllowList } from './security/external-links';
import { registerAppScheme, serveAppProtocol } from './serve-app-protocol';
import { startAutoUpdate } from './updater';

// app:// must be declared privileged before the app is ready
registerAppScheme();

/**
 * Composition root: create the desk core, register the contract, open the window. Everything
 * else lives in electron/desk (plain Node, tested without Electron); the security decisions this
 * file wires are pure functions in ./security (docs/security.md).
 */
async function main(): Promise<void> {
  await app.whenReady();
  const managed = managedRuntime(loadManagedConfig());
  const dataDir = process.env.SPORTELLO_DATA ?? app.getPath('userData');
  const deskDir = join(dataDir, 'desk');
  privateDir(deskDir);
  const dbFile = join(deskDir, 'desk.sqlite');
  // the mirror encrypted at rest, its key sealed with safeStorage beside the device credential
  const { encryption, credentials } = encryptedMirror(
    safeStorageMirrorKey(join(deskDir, 'mirror-key.bin')),
    dbFile,
    safeStorageCredentials(join(deskDir, 'workstation.bin')),
  );
  const core = await createDeskCore({
    dbFile,
    credentials,
    encryption,
    config: { ...DEFAULT_DESK_CONFIG, version: app.getVersion(), managed },
  });
  // `npm start` hands a fresh enrolment code to a development run; a managed install enrols with
  // IT's code from the managed configuration; others enrol on the first-run screen.
  const { SPORTELLO_ENROL_HUB: hubUrl, SPORTELLO_ENROL_CODE: code } = process.env;
  if (hubUrl && code && !core.ctx.credentials.read()) await core.dispatch('setup:enrol', { hubUrl, code });
  else await enrolSilently(core);

  const devUrl = process.env.ELECTRON_RENDERER_URL ?? null;
  serveAppProtocol(join(__dirname, '../renderer'), devUrl);
  registerIpc(core.dispatch, (url) => isAppUrl(url, devUrl));
  createMainWindow(devUrl, () =>
    linkAllowList([core.ctx.credentials.read()?.hubUrl, ...(managed?.config.hubUrls ?? [])]),
  );
  core.sync.start();
  // one update path per machine: IT's tools (MSI, deb repository) or the desk's own updater
  startAutoUpdate({
    isPackaged: app.isPackaged,
    core,
    managedByIt: managed?.config.updates === 'managed-by-it' || process.env.SPORTELLO_UPDATES_BY_IT === '1',
    updateKeyPem: null,
    log: (msg) => console.log(msg),
  });

  app.on('window-all-closed', () => {
    void core.close().then(() => app.quit());
  });
}

main().catch((err: unknown) => {
  // a broken managed configuration or archive key: say what and where, then stop
  if (err instanceof AppError) dialog.showErrorBox('Sportello', err.toData('it').message);
  console.error(err);
  app.exit(1);
});
