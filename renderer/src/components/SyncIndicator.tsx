import type { SyncStatus } from '../../../shared/contract/views';
import { useT } from '../i18n/useT';

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' });

/** Online/offline, what is still to send, when the last sync succeeded, and why not if it failed. */
export function SyncIndicator({ sync, onOpen }: { sync: SyncStatus | null; onOpen?: () => void }) {
  const { t } = useT();
  if (!sync) return null;
  const parts: string[] = [];
  if (sync.state === 'revoked') parts.push(t('syncRevoked'));
  else if (sync.state === 'bootstrapping')
    parts.push(t('syncRunning', { done: sync.progress?.done ?? 0, total: sync.progress?.total ?? '?' }));
  else if (sync.state === 'never') parts.push(t('syncNever'));
  else parts.push(sync.online ? t('syncOnline') : t('syncOffline'));
  if (sync.pending > 0) parts.push(t('syncPending', { count: sync.pending }));
  // work done offline by a clerk not logged in now leaves only with that clerk's own credentials
  if (sync.waitingFor) parts.push(t('syncWaitingFor', { user: sync.waitingFor }));
  if (sync.exceptions > 0) parts.push(t('syncExceptions', { count: sync.exceptions }));
  if (sync.quarantined > 0) parts.push(t('syncSetAside', { count: sync.quarantined }));
  if (sync.lastSyncAt) parts.push(t('syncLast', { time: time(sync.lastSyncAt) }));
  // Online is not "in sync" while something was refused or set aside: the clerk sees it at once.
  const tone =
    sync.state === 'revoked' || sync.exceptions > 0 || sync.quarantined > 0
      ? 'error'
      : sync.online
        ? 'ready'
        : 'offline';
  return (
    <button
      type="button"
      className={`sync sync-${tone}`}
      data-testid="sync-status"
      data-online={sync.online}
      data-pending={sync.pending}
      title={sync.error ?? ''}
      onClick={onOpen}
    >
      <span className="sync-dot" aria-hidden="true" />
      {sync.state === 'bootstrapping' && sync.progress && (
        <progress
          className="sync-progress"
          data-testid="bootstrap-progress"
          max={Math.max(sync.progress.total, 1)}
          value={sync.progress.done}
        />
      )}
      <span role="status">{parts.join(' · ')}</span>
      <span className="sync-residents">
        {t('syncReady', { count: sync.residents.toLocaleString('it-IT') })}
      </span>
    </button>
  );
}
