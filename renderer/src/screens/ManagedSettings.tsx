import type { ManagedSetupView } from '../../../shared/contract/views';
import type { UiKey } from '../../../shared/i18n/ui-messages';
import { useT } from '../i18n/useT';

/**
 * What IT fixed through the managed configuration: shown, marked locked, never editable. The
 * values are IT's words (addresses, a ring name); only the update mode is translated.
 */
export function ManagedSettings(props: { managed: ManagedSetupView | null | undefined }) {
  const { t } = useT();
  const m = props.managed;
  if (!m || m.locked.length === 0) return null;
  return (
    <section className="card" aria-labelledby="managed-title" data-testid="managed-settings">
      <h2 id="managed-title" className="section-title">
        {t('managed.title')}
      </h2>
      <p className="muted small">{t('managed.lockedHint', { source: m.source })}</p>
      <dl>
        {m.locked.map((l) => (
          <div className="kv" key={l.setting} data-testid={`managed-${l.setting}`} data-locked="true">
            <dt>{t(`managed.setting.${l.setting}` as UiKey)}</dt>
            <dd>
              <span className="mono">
                {l.setting === 'updates' ? t(`managed.updates.${l.value}` as UiKey) : l.value}
              </span>{' '}
              <span className="badge" aria-label={t('managed.locked')} title={t('managed.locked')}>
                <LockIcon /> {t('managed.locked')}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A padlock drawn inline: the counter PCs' fonts need not have the emoji. */
function LockIcon() {
  return (
    <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true" style={{ verticalAlign: '-1px' }}>
      <rect x="1" y="5" width="8" height="7" rx="1" fill="currentColor" />
      <path d="M3 5V3.5a2 2 0 0 1 4 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

/** The first run's automatic enrolment, said on screen: done, or why not (IT then types a code). */
export function SilentEnrolmentNotice(props: { managed: ManagedSetupView | null | undefined }) {
  const { t } = useT();
  const s = props.managed?.silentEnrolment;
  if (!s) return null;
  return s.ok ? (
    <div className="alert alert-success" role="status" data-testid="silent-enrolment">
      {t('managed.enrolledSilently')}
    </div>
  ) : (
    <div className="alert alert-error" role="alert" data-testid="silent-enrolment" data-ok="false">
      {t('managed.enrolFailed', { message: s.message ?? '' })}
    </div>
  );
}
