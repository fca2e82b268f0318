import { useCallback, useEffect, useState } from 'react';
import { can } from '../../../shared/auth/policy';
import type { AssignableClerk } from '../../../shared/cases/case-wire';
import type { ProcedureView } from '../../../shared/contract/case-views';
import type { SessionInfo } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { BurdenMeter } from './BurdenMeter';
import { CaseDashboardView } from './CaseDashboardView';
import { CaseDetailPanel } from './CaseDetailPanel';
import { CaseQueue } from './CaseQueue';
import { ProtocolRegisterView } from './ProtocolRegisterView';

const TABS = ['queue', 'dashboard', 'burden', 'protocol'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS = {
  queue: 'casesTabQueue',
  dashboard: 'casesTabDashboard',
  burden: 'casesTabBurden',
  protocol: 'casesTabProtocol',
} as const;

/** The case queue and dashboard (F7). */
export function CasesScreen(props: {
  session: SessionInfo;
  /** changes when the counter's synced data may have changed: the queue and open case look again */
  syncMark: string;
  onOpenResident: (id: string) => void;
  onError: (e: ErrorData) => void;
}) {
  const { t } = useT();
  const { onError } = props;
  const [tab, setTab] = useState<Tab>('queue');
  const [openId, setOpenId] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [procedures, setProcedures] = useState<ProcedureView[]>([]);
  const [clerks, setClerks] = useState<AssignableClerk[]>([]);
  const [today, setToday] = useState('');

  useEffect(() => {
    void api.cases.procedures({}).then((res) => (res.ok ? setProcedures(res.value) : onError(res.error)));
    void api.cases.clerks({}).then((res) => res.ok && setClerks(res.value));
    void api.cases.streets({}).then((res) => res.ok && setToday(res.value.today));
  }, [onError]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey) return;
      const index = Number(e.key) - 1;
      const next = TABS[index];
      if (next) {
        setTab(next);
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const open = useCallback((id: string) => {
    setOpenId(id);
    setTab('queue');
  }, []);

  return (
    <section className="cases" aria-labelledby="cases-title" data-testid="cases-screen">
      <div className="cases-head">
        <h1 id="cases-title">{t('casesTitle')}</h1>
        <nav className="tabs" role="tablist">
          {TABS.map((name, i) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={`tab${tab === name ? ' active' : ''}`}
              onClick={() => setTab(name)}
              data-testid={`cases-tab-${name}`}
            >
              {t(TAB_LABELS[name])} <span className="muted small">Alt+{i + 1}</span>
            </button>
          ))}
        </nav>
      </div>
      <p className="muted small">{t('casesKeysHelp')}</p>
      {tab === 'queue' && (
        <div className="cases-split">
          <CaseQueue
            session={props.session}
            procedures={procedures}
            clerks={clerks}
            openId={openId}
            version={version}
            syncMark={props.syncMark}
            onOpen={setOpenId}
            onChanged={changed}
            onError={onError}
          />
          <div className="cases-side">
            {openId ? (
              <CaseDetailPanel
                id={openId}
                version={version}
                syncMark={props.syncMark}
                clerks={clerks}
                onChanged={changed}
                onOpenResident={props.onOpenResident}
                onError={onError}
              />
            ) : (
              <p className="muted">{t('caseSelectHint')}</p>
            )}
          </div>
        </div>
      )}
      {tab === 'dashboard' && (
        <CaseDashboardView procedures={procedures} version={version} onOpen={open} onError={onError} />
      )}
      {tab === 'burden' && (
        <BurdenMeter supervisor={can(props.session.clerk.role, 'burden.setBaseline')} onError={onError} />
      )}
      {tab === 'protocol' && today && (
        <ProtocolRegisterView
          supervisor={can(props.session.clerk.role, 'protocol.cancel')}
          today={today}
          onError={onError}
        />
      )}
    </section>
  );
}
