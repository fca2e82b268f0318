import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, SessionInfo, SetupStatus, SyncStatus } from '../../../shared/contract/views';
import { AppError, type ErrorData } from '../../../shared/errors/app-error';
import { DEFAULT_LOCALE, type Locale } from '../../../shared/i18n/locale';
import { api } from '../api/client';

const SESSION_CHECK_MS = 20_000;
const SYNC_POLL_MS = 1_000;

/** Who is at the counter, in which language, and whether the local registry is ready. */
export function useAppState() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [locale, setLocaleState] = useState<Locale>(DEFAULT_LOCALE);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [notice, setNotice] = useState<ErrorData | null>(null);
  const [setup, setSetup] = useState<SetupStatus | null>(null);

  useEffect(() => {
    void api.setup.status({}).then((r) => r.ok && setSetup(r.value));
  }, []);

  // A revocation arrives through sync: the screen goes back to enrolment and shows why.
  useEffect(() => {
    if (sync?.state !== 'revoked') return;
    void api.setup.status({}).then((r) => {
      setSession(null);
      if (r.ok) setSetup(r.value);
    });
  }, [sync?.state]);

  useEffect(() => {
    void api.app.info({}).then((r) => {
      if (!r.ok) return setNotice(r.error);
      setInfo(r.value);
      setLocaleState(r.value.locale);
      setSession(r.value.session);
    });
  }, []);

  // An unattended counter locks itself: the core ends idle sessions, the screen notices here.
  useEffect(() => {
    if (!session) return;
    const timer = setInterval(() => {
      void api.session.current({}).then((r) => {
        if (r.ok && r.value === null) {
          setSession(null);
          setNotice(new AppError('session_expired', { minutes: session.idleTimeoutMinutes }).toData(locale));
        }
      });
    }, SESSION_CHECK_MS);
    return () => clearInterval(timer);
  }, [session, locale]);

  useEffect(() => {
    let stopped = false;
    const poll = () =>
      void api.sync.status({}).then((r) => {
        if (stopped || !r.ok) return;
        setSync(r.value);
        setTimeout(poll, r.value.state === 'bootstrapping' ? SYNC_POLL_MS : SYNC_POLL_MS * 2);
      });
    poll();
    return () => {
      stopped = true;
    };
  }, [session]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    document.documentElement.lang = next;
    void api.app.setLocale({ locale: next });
  }, []);

  /** Any call that answers "expired" or "not logged in" sends the clerk back to the login screen. */
  const handleError = useCallback((error: ErrorData) => {
    if (error.code === 'session_expired' || error.code === 'not_logged_in') setSession(null);
    setNotice(error);
  }, []);

  return {
    info,
    session,
    setSession,
    locale,
    setLocale,
    sync,
    notice,
    setNotice,
    handleError,
    setup,
    setSetup,
  };
}
