import type { AppInfo, SessionInfo, SyncStatus } from '../../../shared/contract/views';
import { useT } from '../i18n/useT';
import { SyncIndicator } from './SyncIndicator';

export function Header(props: {
  info: AppInfo | null;
  session: SessionInfo | null;
  sync: SyncStatus | null;
  onLogout: () => void;
  onToggleLocale: () => void;
  onOpenSync: () => void;
  workstation: string | null;
}) {
  const { t } = useT();
  const comune = props.session?.comune.name ?? props.info?.comune?.name ?? '';
  return (
    <header className="header">
      <div className="header-brand">
        <svg className="header-emblem" viewBox="0 0 24 28" aria-hidden="true">
          {/* slot for the comune's coat of arms */}
          <path
            d="M12 1 2 4.5V13c0 6.6 4.2 11.4 10 14 5.8-2.6 10-7.4 10-14V4.5L12 1Z"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
          <path d="M12 6v16M6 12h12" stroke="currentColor" strokeWidth="2" />
        </svg>
        <div>
          <div className="header-title">
            {t('appName')}
            {comune && <span className="header-comune"> · Comune di {comune}</span>}
          </div>
          <div className="header-subtitle">{t('appSubtitle')}</div>
        </div>
      </div>
      <div className="header-tools">
        <SyncIndicator sync={props.sync} {...(props.session ? { onOpen: props.onOpenSync } : {})} />
        {props.workstation && (
          <span className="header-meta" data-testid="workstation">
            {t('workstation')}: {props.workstation}
          </span>
        )}
        {props.session && (
          <span className="header-meta" data-testid="clerk-name">
            {props.session.clerk.displayName} ({t(`role_${props.session.clerk.role}`)})
            {props.session.offline && ` · ${t('offlineSession')}`}
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
