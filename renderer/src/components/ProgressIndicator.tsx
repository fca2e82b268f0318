import { useProgress } from '../hooks/useProgress';
import { useT } from '../i18n/useT';

/**
 * The one progress indicator of the counter: once a call has taken 300 ms it says "Operazione in
 * corso…" (a polite live region: a screen reader announces it once) and the work area is marked
 * aria-busy by the shell; the pressed button or box carries aria-busy too (hooks/useProgress.ts).
 */
export function ProgressIndicator() {
  const { t } = useT();
  const busy = useProgress();
  return (
    <div className="progress" role="status" data-testid="progress">
      {busy && (
        <span className="progress-on" data-testid="progress-on">
          <span className="spinner" aria-hidden="true" /> {t('inProgress')}
        </span>
      )}
    </div>
  );
}
