import { app } from 'electron';
import { autoUpdater, type UpdateInfo } from 'electron-updater';
import { decideUpdate, type UpdateDecision } from '../../shared/updates/decide-update';
import { DESK_VERSION_HEADER, UPDATES_PREFIX } from '../../shared/updates/update-wire';
import type { DeskCore } from '../desk/core';
import {
  counterState,
  markInstalling,
  platformOfProcess,
  recordUpdateResult,
  settleInstallAttempt,
} from '../desk/updates/update-report';
import { downgradeAllowed, pinnedUpdateKey } from '../desk/updates/verify-downgrade';

const CHECK_EVERY_MS = 30 * 60_000;
const BUSY_RETRY_MS = 10 * 60_000;

export interface AutoUpdateOptions {
  isPackaged: boolean;
  core: DeskCore;
  /** the managed configuration gives updates to IT's own tools: this desk never updates itself */
  managedByIt: boolean;
  /** the hub's update key from the managed configuration (else pinned at the first check) */
  updateKeyPem: string | null;
  log: (msg: string) => void;
}

/**
 * Electron glue only: what to do is `decideUpdate` (shared/updates/decide-update.ts, tested by
 * its table); the feed is the hub this desk is enrolled with, per platform, with the desk's own
 * credential — its ring and version are the hub's decision, not electron-updater's
 * stagingPercentage. Nothing installs by itself: `autoInstallOnAppQuit` follows the decision.
 */
export function startAutoUpdate(o: AutoUpdateOptions): void {
  if (!o.isPackaged) return;
  const ctx = o.core.ctx;
  const platform = platformOfProcess();
  const current = app.getVersion();
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  let offered: UpdateInfo | null = null;
  let downloaded: string | null = null;
  let timer: NodeJS.Timeout | null = null;

  const situation = async (quitting: boolean, downgradeSigned: boolean) => {
    const now = ctx.now();
    const window = (offered as { sportelloInstallWindow?: { from: string; to: string } } | null)
      ?.sportelloInstallWindow;
    return {
      current,
      managedByIt: o.managedByIt,
      offered: offered ? { version: offered.version, installWindow: window ?? null, downgradeSigned } : null,
      downloaded,
      ...(await counterState(ctx)),
      quitting,
      localTime: `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`,
    };
  };

  const act = async (d: UpdateDecision): Promise<void> => {
    autoUpdater.autoInstallOnAppQuit = d.action === 'install_at_quit';
    if (d.action === 'download') {
      autoUpdater.allowDowngrade = d.allowDowngrade;
      if (d.allowDowngrade) await autoUpdater.checkForUpdates(); // electron-updater re-reads with the flag
      await autoUpdater.downloadUpdate();
      downloaded = d.version;
      await recordUpdateResult(ctx.db, {
        version: d.version,
        outcome: 'downloaded',
        at: ctx.now().toISOString(),
      });
      return act(decideUpdate(await situation(false, d.allowDowngrade)));
    }
    if (d.action === 'install_at_quit') await markInstalling(ctx.db, d.version);
    if (d.action === 'install_now') {
      await markInstalling(ctx.db, d.version);
      autoUpdater.quitAndInstall(true, true);
    }
  };

  const check = async (): Promise<void> => {
    const cred = ctx.credentials.read();
    if (!cred) return; // not enrolled yet: nothing to ask
    autoUpdater.setFeedURL({ provider: 'generic', url: `${cred.hubUrl}${UPDATES_PREFIX}/${platform}` });
    autoUpdater.requestHeaders = { authorization: `Bearer ${cred.token}`, [DESK_VERSION_HEADER]: current };
    const result = await autoUpdater.checkForUpdates();
    offered = result?.updateInfo ?? null;
    const signed =
      offered !== null &&
      downgradeAllowed((offered as { sportelloDowngrade?: unknown }).sportelloDowngrade, {
        publicKeyPem: await pinnedUpdateKey(ctx, o.updateKeyPem),
        token: cred.token,
        platform,
        current,
        offered: offered.version,
        now: ctx.now(),
      });
    await act(decideUpdate(await situation(false, signed)));
  };

  const loop = (): void => {
    check()
      .then(() => schedule(CHECK_EVERY_MS))
      .catch(async (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        o.log(`[updater] ${message}`);
        // the hub pacing downloads (503) is no failed install: come back later
        const busy = /\b503\b/.test(message);
        if (!busy && offered)
          await recordUpdateResult(ctx.db, {
            version: offered.version,
            outcome: 'failed',
            at: ctx.now().toISOString(),
            message: message.slice(0, 300),
          }).catch(() => undefined);
        schedule(busy ? BUSY_RETRY_MS : CHECK_EVERY_MS);
      });
  };
  const schedule = (ms: number) => {
    timer = setTimeout(loop, ms + Math.random() * 60_000); // spread 200 desks opening at 8:00
  };

  // electron-updater reads autoInstallOnAppQuit synchronously at quit: keep it current, so a quit
  // with payments still on this PC only never installs
  const atQuit = setInterval(() => {
    if (!downloaded) return;
    void situation(true, autoUpdater.allowDowngrade)
      .then((s) => {
        autoUpdater.autoInstallOnAppQuit = decideUpdate(s).action === 'install_now';
      })
      .catch(() => undefined);
  }, 15_000);
  atQuit.unref();
  app.on('before-quit', () => {
    if (timer) clearTimeout(timer);
    clearInterval(atQuit);
  });

  void settleInstallAttempt(ctx.db, current, ctx.now())
    .catch(() => undefined)
    .then(() => schedule(60_000));
}
