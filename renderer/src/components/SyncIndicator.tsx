import type { SyncStatus } from '../../../shared/contract/views';
import { useT } from '../i18n/useT';

export function SyncIndicator({ sync }: { sync: SyncStatus | null }) {
  const { t } = useT();
  if (!sync) return null;
  const text =
    sync.state === 'running'
      ? t('syncRunning', { done: sync.progress?.done ?? 0, total: sync.progress?.total ?? '?' })
      : sync.state === 'ready'
        ? t('syncReady', { count: sync.residents.toLocaleString('it-IT') })
        : sync.state === 'error'
          ? t('syncError', { error: sync.error ?? '' })
          : t('syncNever');
  return (
    <span className={`sync sync-${sync.state}`} role="status" data-testid="sync-status">
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
