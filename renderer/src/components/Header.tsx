import type { AppInfo, SessionInfo, SyncStatus } from '../../../shared/contract/views';
import { useT } from '../i18n/useT';
import { SyncIndicator } from './SyncIndicator';

export function Header(props: {
  info: AppInfo | null;
  session: SessionInfo | null;
  sync: SyncStatus | null;
  onLogout: () => void;
  onToggleLocale: () => void;
}) {
  const { t } = useT();
  const comune = props.session?.comune.name ?? props.info?.comune?.name ?? '';
  return (
    <header className="header">
      <div className="header-brand">
        <span className="header-emblem" aria-hidden="true">
          ⛨
        </span>
        <div>
          <div className="header-title">
            {t('appName')}
            {comune && <span className="header-comune"> · Comune di {comune}</span>}
          </div>
          <div className="header-subtitle">{t('appSubtitle')}</div>
        </div>
      </div>
      <div className="header-tools">
        <SyncIndicator sync={props.sync} />
        {props.info && (
          <span className="header-meta">
            {t('workstation')}: {props.info.workstation}
          </span>
        )}
        {props.session && (
          <span className="header-meta" data-testid="clerk-name">
            {props.session.clerk.displayName} ({props.session.clerk.role})
          </span>
        )}
        <button
          type="button"
          className="btn btn-ghost"
          onClick={props.onToggleLocale}
          title="Alt+L"
          data-testid="toggle-language"
        >
          {t('switchLanguage')}
        </button>
        {props.session && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={props.onLogout}
            title="Ctrl+Shift+Q"
            data-testid="logout"
          >
            {t('logout')}
          </button>
        )}
      </div>
    </header>
  );
}
