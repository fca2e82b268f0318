import { useEffect, useState, type FormEvent } from 'react';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { CounterSessionView } from '../../../shared/contract/cashdesk-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { openBase64 } from '../documents/pdf-blob';
import { useT } from '../i18n/useT';
import { euro, typedCents } from './money';

/**
 * Shift+F8 from any screen: the cash desk (F8) with the day's closing started, so the clerk types
 * the counted cash at once. Noted here before the shell switches area, taken when the bar mounts.
 */
let closeAsked = false;
const isCloseKey = (e: KeyboardEvent) =>
  e.key === 'F8' && e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey;
window.addEventListener(
  'keydown',
  (e) => {
    if (isCloseKey(e)) closeAsked = true;
  },
  true,
);
const takeCloseRequest = (): boolean => {
  const asked = closeAsked;
  closeAsked = false;
  return asked;
};

/** Open the day with a float; at the end count the cash, then a supervisor signs off at this counter. */
export function SessionBar(props: {
  /** undefined while the day's session is being read */
  session: CounterSessionView | null | undefined;
  onChange: (s: CounterSessionView) => void;
}) {
  const { t, locale } = useT();
  const s = props.session;
  const [float, setFloat] = useState('100,00');
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [closing, setClosing] = useState(takeCloseRequest);
  // just signed off here: the report is what the clerk prints next (Enter)
  const [signedHere, setSignedHere] = useState(false);
  useEffect(() => {
    // Shift+F8 with the cash desk already on screen
    const onKey = (e: KeyboardEvent) => {
      if (isCloseKey(e) && takeCloseRequest()) setClosing(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const [error, setError] = useState<ErrorData | null>(null);
  const done = (res: { ok: true; value: CounterSessionView } | { ok: false; error: ErrorData }) => {
    if (!res.ok) return setError(res.error);
    setError(null);
    props.onChange(res.value);
  };
  const submit = (e: FormEvent, action: () => void) => {
    e.preventDefault();
    action();
  };
  const alert = error && (
    <div className="alert alert-error" role="alert" data-testid="session-error">
      {error.message}
    </div>
  );

  if (s === undefined)
    return (
      <p className="card session-bar muted" data-testid="session-loading">
        {t('loading')}
      </p>
    );
  if (!s || (s.status === 'closed' && s.businessDate < romeDateOf(new Date()))) {
    const amount = typedCents(float, locale);
    return (
      <form
        className="card session-bar"
        onSubmit={(e) =>
          submit(e, () => amount !== null && void api.cashdesk.open({ openingFloatCents: amount }).then(done))
        }
      >
        <p>{t('sessionNone')}</p>
        <label className="field inline">
          <span>{t('openingFloat')}</span>
          <input
            value={float}
            onChange={(e) => setFloat(e.target.value)}
            inputMode="decimal"
            data-testid="opening-float"
          />
        </label>{' '}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={amount === null}
          data-testid="open-session"
        >
          {t('openSession')}
        </button>
        {alert}
      </form>
    );
  }
  const countedCents = typedCents(counted, locale);
  return (
    <div className="card session-bar" data-testid="session-bar" data-status={s.status}>
      <p className="strong" data-testid="session-status">
        {s.status === 'open' &&
          t('sessionOpen', { time: s.openedAt.slice(11, 16), float: euro(s.openingFloatCents, locale) })}
        {s.status === 'closing' && t('sessionClosing')}
        {s.status === 'closed' && t('sessionClosed', { who: s.signOff?.by ?? '' })}
        {' · '}
        <span data-testid="net-today">{t('netToday', { amount: euro(s.totals.netCents, locale) })}</span>
        {' · '}
        {t('expectedCash', { amount: euro(s.totals.expectedCashCents, locale) })}
      </p>
      {s.status === 'open' && !closing && (
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => setClosing(true)}
          data-testid="close-day"
        >
          {t('closeDay')}
        </button>
      )}
      {s.status === 'open' && closing && (
        <form
          onSubmit={(e) =>
            submit(
              e,
              () =>
                countedCents !== null &&
                void api.cashdesk.count({ countedCashCents: countedCents, note: note || null }).then(done),
            )
          }
        >
          <label className="field inline">
            <span>{t('countedCash')}</span>
            <input
              autoFocus
              value={counted}
              onChange={(e) => setCounted(e.target.value)}
              inputMode="decimal"
              data-testid="counted-cash"
            />
          </label>{' '}
          <label className="field inline">
            <span>{t('note')}</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>{' '}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={countedCents === null}
            data-testid="count-cash"
          >
            {t('countButton')}
          </button>
        </form>
      )}
      {s.status === 'closing' && s.closing && (
        <form
          onSubmit={(e) =>
            submit(
              e,
              () =>
                void api.cashdesk.signOff({ approver: { username: user, password } }).then((res) => {
                  done(res);
                  setSignedHere(res.ok);
                }),
            )
          }
        >
          <p data-testid="discrepancy">
            {s.closing.discrepancyCents === 0
              ? t('noDiscrepancy')
              : t('discrepancy', { amount: euro(s.closing.discrepancyCents, locale) })}
          </p>
          <label className="field inline">
            <span>{t('supervisorUser')}</span>
            <input
              value={user}
              onChange={(e) => setUser(e.target.value)}
              autoFocus
              data-testid="signoff-user"
            />
          </label>{' '}
          <label className="field inline">
            <span>{t('supervisorPassword')}</span>
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="signoff-password"
            />
          </label>{' '}
          <button type="submit" className="btn btn-primary" data-testid="sign-off">
            {t('signOff')}
          </button>{' '}
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => void api.cashdesk.reopen({}).then(done)}
          >
            {t('reopen')}
          </button>
        </form>
      )}
      {s.status === 'closed' && (
        <button
          type="button"
          className="btn btn-ghost"
          autoFocus={signedHere}
          data-testid="closing-report"
          onClick={() =>
            void api.cashdesk
              .report({ sessionId: s.id })
              .then((res) => res.ok && openBase64(res.value.pdfBase64, 'application/pdf'))
          }
        >
          {t('report')}
        </button>
      )}
      {alert}
    </div>
  );
}
