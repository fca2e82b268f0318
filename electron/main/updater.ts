import { autoUpdater } from 'electron-updater';

/**
 * Signed installers published by IT on the hub's generic feed (electron-builder.yml `publish`).
 * Only a packaged app updates itself; a development run would find no feed of its own.
 */
export function startAutoUpdate(isPackaged: boolean, log: (msg: string) => void): void {
  if (!isPackaged) return;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (err) => log(`[updater] ${err.message}`));
  autoUpdater.on('update-downloaded', (info) =>
    log(`[updater] ${info.version} downloaded; installs on quit`),
  );
  void autoUpdater.checkForUpdatesAndNotify().catch((err: unknown) => log(`[updater] ${String(err)}`));
}
