import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type {
  AdminWorkstationsView,
  AdminWorkstationView,
  EnrolmentCodeView,
} from '../../../shared/admin/admin-wire';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useFormKeys } from '../hooks/useFormKeys';
import { useT } from '../i18n/useT';
import { isSessionError } from './admin-errors';
import { formatInstant } from './format-instant';
import { OnceBox } from './OnceBox';

/**
 * The comune's workstations: a one-time enrolment code for a new one (name, offices, update
 * ring; the code is shown once), the list with version and last sync, and revocation (asked
 * twice: it wipes the workstation's personal data at its next contact).
 */
export function WorkstationsPanel(props: { self: string; onError: (e: ErrorData) => void }) {
  const { t, locale } = useT();
  const { onError } = props;
  const [data, setData] = useState<AdminWorkstationsView | null>(null);
  const [name, setName] = useState('');
  const [offices, setOffices] = useState<string[]>([]);
  const [ring, setRing] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [code, setCode] = useState<EnrolmentCodeView | null>(null);
  const [confirming, setConfirming] = useState<AdminWorkstationView | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  const load = useCallback(() => {
    void api.admin.workstations({}).then((res) => {
      if (res.ok) return setData(res.value);
      if (isSessionError(res.error)) return onError(res.error);
      setError(res.error);
    });
  }, [onError]);
  useEffect(load, [load]);
  useEffect(() => nameRef.current?.focus(), []);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const refused = (e: ErrorData) => {
    setBusy(false);
    if (isSessionError(e)) return onError(e);
    setError(e);
  };
  const backFocus = () => {
    const el = returnTo.current;
    returnTo.current = null;
    setTimeout(() => (el && el.isConnected ? el.focus() : nameRef.current?.focus()), 0);
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    void api.admin.enrolmentCode({ name, offices, ring: ring === '' ? null : ring }).then((res) => {
      if (!res.ok) return refused(res.error);
      setBusy(false);
      setCode(res.value);
      setName('');
      setOffices([]);
      setRing('');
      load();
    });
  };
  const onKeyDown = useFormKeys({ onSubmit: submit, onCancel: () => setName('') });

  const revoke = (ws: AdminWorkstationView) => {
    setConfirming(null);
    setError(null);
    void api.admin.revokeWorkstation({ id: ws.id }).then((res) => {
      if (!res.ok) {
        refused(res.error);
        return backFocus();
      }
      setNotice(t('admin.ws.revoked', { name: ws.name }));
      load();
      backFocus();
    });
  };

  return (
    <div data-testid="admin-workstations">
      {code ? (
        <OnceBox
          title={t('admin.ws.codeTitle', { name: code.name })}
          hint={t('admin.ws.codeHint', { until: formatInstant(code.expiresAt, locale) })}
          secret={code.code}
          testId="admin-code-once"
          onClose={() => {
            setCode(null);
            backFocus();
          }}
        />
      ) : (
        <form
          className="card"
          onSubmit={submit}
          onKeyDown={onKeyDown}
          aria-labelledby="admin-ws-new"
          data-testid="admin-ws-form"
        >
          <h2 id="admin-ws-new">{t('admin.ws.new')}</h2>
          <label className="field">
            <span>{t('admin.ws.name')}</span>
            <input
              ref={nameRef}
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
              data-testid="admin-ws-name"
            />
          </label>
          {data && data.offices.length > 0 && (
            <fieldset>
              <legend>{t('admin.user.offices')}</legend>
              {data.offices.map((o) => (
                <label key={o} className="field inline">
                  <input
                    type="checkbox"
                    checked={offices.includes(o)}
                    onChange={(e) =>
                      setOffices(e.target.checked ? [...offices, o] : offices.filter((x) => x !== o))
                    }
                    data-testid={`admin-ws-office-${o}`}
                  />
                  <span>{o.replaceAll('_', ' ')}</span>
                </label>
              ))}
            </fieldset>
          )}
          <label className="field">
            <span>{t('admin.ws.ring')}</span>
            <select value={ring} onChange={(e) => setRing(e.target.value)} data-testid="admin-ws-ring">
              <option value="">{t('admin.ws.ringDefault')}</option>
              {data?.rings.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          {error && (
            <div
              className="alert alert-error"
              role="alert"
              data-testid="admin-ws-error"
              data-code={error.code}
            >
              {error.message}
            </div>
          )}
          <div className="form-buttons">
            <button
              type="submit"
              className="btn"
              disabled={busy}
              aria-busy={busy}
              data-testid="admin-ws-submit"
            >
              {t('admin.ws.create')}
            </button>
          </div>
        </form>
      )}
      {confirming && (
        <div
          className="card alert alert-warning"
          role="alertdialog"
          aria-labelledby="admin-ws-confirm"
          data-testid="admin-ws-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setConfirming(null);
              backFocus();
            }
          }}
        >
          <p id="admin-ws-confirm">{t('admin.ws.revokeConfirm', { name: confirming.name })}</p>
          <div className="form-buttons">
            <button
              ref={confirmRef}
              type="button"
              className="btn"
              onClick={() => revoke(confirming)}
              data-testid="admin-ws-confirm-yes"
            >
              {t('admin.ws.revoke')}
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                setConfirming(null);
                backFocus();
              }}
            >
              {t('admin.cancel')}
            </button>
          </div>
        </div>
      )}
      {notice && (
        <p className="alert alert-success" role="status" data-testid="admin-ws-notice">
          {notice}
        </p>
      )}
      {data && data.pendingCodes.length > 0 && (
        <>
          <h2>{t('admin.ws.pending')}</h2>
          <ul data-testid="admin-ws-pending">
            {data.pendingCodes.map((c) => (
              <li key={`${c.name}-${c.expiresAt}`}>
                {c.name}: {t('admin.ws.expires', { until: formatInstant(c.expiresAt, locale) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {data && (
        <table className="results compact" data-testid="admin-ws-list" aria-label={t('admin.workstations')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.ws.name')}</th>
              <th scope="col">{t('admin.ws.series')}</th>
              <th scope="col">{t('admin.user.offices')}</th>
              <th scope="col">{t('admin.ws.ring')}</th>
              <th scope="col">{t('admin.ws.version')}</th>
              <th scope="col">{t('admin.ws.lastSync')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.workstations.map((w) => (
              <tr key={w.id} data-testid={`admin-ws-${w.series ?? w.id}`}>
                <td>{w.name}</td>
                <td>{w.series ?? t('admin.none')}</td>
                <td>{w.offices.map((o) => o.replaceAll('_', ' ')).join(', ') || t('admin.none')}</td>
                <td>{w.ring}</td>
                <td>{w.version ?? t('admin.none')}</td>
                <td>{w.lastSyncAt ? formatInstant(w.lastSyncAt, locale) : t('admin.ws.never')}</td>
                <td>
                  {w.revokedAt ? (
                    t('admin.ws.revokedOn', { when: formatInstant(w.revokedAt, locale) })
                  ) : w.name === props.self ? (
                    t('admin.none')
                  ) : (
                    <button
                      type="button"
                      className="btn-link"
                      aria-label={`${t('admin.ws.revoke')} ${w.name}`}
                      onClick={(e) => {
                        returnTo.current = e.currentTarget;
                        setConfirming(w);
                      }}
                    >
                      {t('admin.ws.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
