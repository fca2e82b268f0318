import type { InstallWindow } from './feed';
import { compareVersions } from './version';

/** What the desk knows when it decides about an update; gathered by electron/main/updater.ts. */
export interface UpdateSituation {
  /** the version this desk runs */
  current: string;
  /**
   * The managed configuration hands updates to IT's own tools (per-machine installs pushed by
   * GPO/Intune): this desk never updates itself, so a machine has one update path only.
   */
  managedByIt: boolean;
  /** what the hub's feed offers this workstation; null when the check failed */
  offered: {
    version: string;
    installWindow: InstallWindow | null;
    /**
     * A downgrade instruction came with the feed, its Ed25519 signature verified against the
     * hub's update key, for this workstation, from `current` to `version`, not expired.
     */
    downgradeSigned: boolean;
  } | null;
  /** the version already downloaded and checked (sha512) by electron-updater, if any */
  downloaded: string | null;
  /** a clerk is logged in at the counter (a citizen may be in front of them) */
  counterSessionOpen: boolean;
  /** mutations in the outbox not yet accepted by the hub (payments among them) */
  unsyncedMutations: number;
  /** the app is quitting now */
  quitting: boolean;
  /** local wall-clock time "HH:MM" at the counter */
  localTime: string;
}

export type UpdateDecision =
  | { action: 'none'; why: 'managed_by_it' | 'no_answer' | 'up_to_date' | 'lower_unsigned' }
  | { action: 'download'; version: string; allowDowngrade: boolean }
  | { action: 'install_now'; version: string }
  | { action: 'install_at_quit'; version: string }
  /** downloaded, but not installed even at quit: the outbox must reach the hub first */
  | { action: 'hold'; version: string; why: 'unsynced' };

const inWindow = (time: string, w: InstallWindow): boolean =>
  w.from <= w.to ? time >= w.from && time < w.to : time >= w.from || time < w.to; // over midnight

/**
 * What to do with the feed's answer, and when to install. The rules, in order:
 * 1. a desk whose updates IT pushes with its own tools never updates itself;
 * 2. the same version: nothing; a lower one only with the hub's signed downgrade (a rollback);
 * 3. not downloaded yet: download (in the background; the counter keeps working);
 * 4. never install with work the hub has not accepted (unsynced payments would stay only on
 *    this PC during the install) — not even at quit: it waits for the next quit after a sync;
 * 5. never in the middle of a counter session; at quit, or inside the hub's install window
 *    when nobody is logged in.
 */
export function decideUpdate(s: UpdateSituation): UpdateDecision {
  if (s.managedByIt) return { action: 'none', why: 'managed_by_it' };
  if (!s.offered) return { action: 'none', why: 'no_answer' };
  const { version } = s.offered;
  const cmp = compareVersions(version, s.current);
  if (cmp === 0) return { action: 'none', why: 'up_to_date' };
  if (cmp < 0 && !s.offered.downgradeSigned) return { action: 'none', why: 'lower_unsigned' };
  if (s.downloaded !== version) return { action: 'download', version, allowDowngrade: cmp < 0 };
  if (s.unsyncedMutations > 0) return { action: 'hold', version, why: 'unsynced' };
  if (s.quitting) return { action: 'install_now', version };
  if (!s.counterSessionOpen && s.offered.installWindow && inWindow(s.localTime, s.offered.installWindow))
    return { action: 'install_now', version };
  return { action: 'install_at_quit', version };
}
