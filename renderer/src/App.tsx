import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api/client';
import { intentFor } from './commands/commands';
import { Header } from './components/Header';
import { ProgressIndicator } from './components/ProgressIndicator';
import { can } from '../../shared/auth/policy';
import { useAppState } from './hooks/useAppState';
import { useProgress } from './hooks/useProgress';
import { LocaleContext } from './i18n/useT';
import { LoginScreen } from './screens/LoginScreen';
import { ResidentScreen } from './screens/ResidentScreen';
import { SearchScreen } from './screens/SearchScreen';
import { EnrolScreen } from './screens/EnrolScreen';
import { SilentEnrolmentNotice } from './screens/ManagedSettings';
import { SyncScreen } from './screens/SyncScreen';
import { AREA_SERVICES, areaForKey, SCREEN_SERVICES } from './services/registered';
import { areaVisible } from './services/screen-service';
import { translator } from './i18n/useT';
import type { DeskTask } from '../../shared/visits/booked-task';
import { CounterBar } from './visits/CounterBar';

export function App() {
  const app = useAppState();
  const { session, locale, setLocale, setSession, setNotice } = app;
  const [openId, setOpenId] = useState<string | null>(null);
  /**
   * The task a called booking starts on the page it opens; `call` counts the calls, so the page
   * mounts anew (and opens its task once) even when the same person is called again.
   */
  const [started, setStarted] = useState<{ task: DeskTask; call: number } | null>(null);
  const openFromSearch = useCallback((id: string | null) => {
    setStarted(null);
    setOpenId(id);
  }, []);
  const [syncOpen, setSyncOpen] = useState(false);
  /** the work area: the registry, or a service's own (services/registered.ts), by its id */
  const [chosenArea, setArea] = useState<string>('registry');
  // the next person to log in here may not see the last one's area (admin, social): the registry then
  const area =
    session && SCREEN_SERVICES.some((s) => s.id === chosenArea && areaVisible(s, session))
      ? chosenArea
      : 'registry';
  const searchRef = useRef<HTMLInputElement>(null);
  const busy = useProgress();
  const t = translator(locale);
  // What the case screens follow: the counter's synced data. It moves only when changes arrive or
  // are confirmed, so an unattended screen makes no clerk calls and the session can still expire.
  const sync = app.sync;
  const syncMark = sync ? `${sync.cursor}|${sync.pending}|${sync.exceptions}` : '';

  const logout = useCallback(() => {
    void api.session.logout({}).then(() => {
      setSession(null);
      setOpenId(null);
    });
  }, [setSession]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const found = session ? areaForKey(e.key, e.shiftKey) : undefined;
      const serviceArea = found && session && areaVisible(found, session) ? found : undefined;
      if (serviceArea) {
        setSyncOpen(false);
        setArea(serviceArea.id);
        e.preventDefault();
        return;
      }
      const intent = intentFor(e);
      if (!intent) return;
      if (intent === 'toggleLanguage') setLocale(locale === 'it' ? 'en' : 'it');
      if (!session) return;
      if (intent === 'openSync') setSyncOpen(true);
      if (intent === 'focusSearch' || intent === 'back') {
        setOpenId(null);
        setSyncOpen(false);
        setArea('registry');
        // the previous search selected: typing replaces it, arrows or Enter keep it
        setTimeout(() => searchRef.current?.select(), 0);
      }
      if (intent === 'logout') logout();
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [locale, session, setLocale, logout]);

  return (
    <LocaleContext.Provider value={locale}>
      <div className="app">
        <Header
          info={app.info}
          session={session}
          sync={app.sync}
          onLogout={logout}
          onToggleLocale={() => setLocale(locale === 'it' ? 'en' : 'it')}
          onOpenSync={() => setSyncOpen(true)}
          workstation={app.setup?.workstation ?? null}
        />
        <ProgressIndicator />
        <main className="main" id="main" aria-busy={busy || undefined}>
          {app.setup && !app.setup.enrolled ? (
            <EnrolScreen setup={app.setup} onEnrolled={app.setSetup} />
          ) : !session ? (
            <>
              <SilentEnrolmentNotice managed={app.setup?.managed} />
              <LoginScreen
                notice={app.notice}
                onLoggedIn={(s) => {
                  setNotice(null);
                  setSession(s);
                }}
              />
            </>
          ) : (
            <>
              {/* The search stays mounted while a record is open, so Esc returns to the same list. */}
              <nav className="areas" aria-label={t('areasNav')}>
                <button
                  type="button"
                  className={`btn btn-ghost${area === 'registry' && !syncOpen ? ' active' : ''}`}
                  onClick={() => {
                    setArea('registry');
                    setSyncOpen(false);
                  }}
                >
                  {t('areaRegistry')} (F2)
                </button>
                {AREA_SERVICES.map(
                  (service) =>
                    service.area &&
                    areaVisible(service, session) && (
                      <button
                        key={service.id}
                        type="button"
                        className={`btn btn-ghost${area === service.id ? ' active' : ''}`}
                        onClick={() => {
                          setArea(service.id);
                          setSyncOpen(false);
                        }}
                        data-testid={`nav-${service.id}`}
                      >
                        {t(service.area.label)} ({service.area.key})
                      </button>
                    ),
                )}
              </nav>
              <CounterBar
                session={session}
                onOpenResident={(id, task) => {
                  setSyncOpen(false);
                  setArea('registry');
                  setStarted((s) => ({ task, call: (s?.call ?? 0) + 1 }));
                  setOpenId(id);
                }}
                onError={app.handleError}
              />
              {!syncOpen &&
                SCREEN_SERVICES.map((service) => {
                  if (!service.area || area !== service.id || !areaVisible(service, session)) return null;
                  const { Screen } = service.area;
                  return (
                    <Screen
                      key={service.id}
                      session={session}
                      syncMark={syncMark}
                      onOpenResident={(id) => {
                        setArea('registry');
                        openFromSearch(id);
                      }}
                      onError={app.handleError}
                    />
                  );
                })}
              {syncOpen && (
                <SyncScreen
                  sync={app.sync}
                  supervisor={can(session.clerk.role, 'sync.comuneExceptions') && !session.offline}
                  managed={app.setup?.managed ?? null}
                  onBack={() => setSyncOpen(false)}
                  onError={app.handleError}
                />
              )}
              <SearchScreen
                hidden={openId !== null || syncOpen || area !== 'registry'}
                ref={searchRef}
                onOpen={openFromSearch}
                onError={app.handleError}
              />
              {openId && !syncOpen && area === 'registry' && (
                <ResidentScreen
                  key={`${openId}:${started?.call ?? 0}`}
                  id={openId}
                  startTask={started?.task}
                  session={session}
                  mayRevoke={can(session.clerk.role, 'certificates.revoke')}
                  onBack={() => {
                    openFromSearch(null);
                    setTimeout(() => searchRef.current?.focus(), 0);
                  }}
                  onError={app.handleError}
                />
              )}
            </>
          )}
        </main>
      </div>
    </LocaleContext.Provider>
  );
}
