import { useState, type KeyboardEvent } from 'react';
import type { AreaProps } from '../services/screen-service';
import { useT } from '../i18n/useT';
import { UsersPanel } from './UsersPanel';
import { WorkstationsPanel } from './WorkstationsPanel';

type Tab = 'users' | 'workstations';

/** The admin area: users and workstations of the comune, one tab each (Alt+U, Alt+P). */
export function AdminScreen({ session, onError }: AreaProps) {
  const { t } = useT();
  const [tab, setTab] = useState<Tab>('users');
  const onKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (!e.altKey || e.ctrlKey) return;
    const key = e.key.toLowerCase();
    if (key === 'u' || key === 'p') {
      e.preventDefault();
      setTab(key === 'u' ? 'users' : 'workstations');
    }
  };
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`admin-tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`admin-panel-${id}`}
      className={`tab${tab === id ? ' active' : ''}`}
      onClick={() => setTab(id)}
      data-testid={`admin-tab-${id}`}
    >
      {label}
    </button>
  );
  return (
    <section aria-labelledby="admin-title" data-testid="admin-screen" onKeyDown={onKeys}>
      <h1 id="admin-title">{t('admin.title')}</h1>
      <p className="muted">{t('admin.tabHint')}</p>
      <div className="tabs" role="tablist">
        {tabButton('users', `${t('admin.users')} (Alt+U)`)}
        {tabButton('workstations', `${t('admin.workstations')} (Alt+P)`)}
      </div>
      <div role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`}>
        {tab === 'users' ? (
          <UsersPanel key="users" self={session.clerk.username} onError={onError} />
        ) : (
          <WorkstationsPanel key="workstations" self={session.workstation} onError={onError} />
        )}
      </div>
    </section>
  );
}
