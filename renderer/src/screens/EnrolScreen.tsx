import { useState, type FormEvent } from 'react';
import type { SetupStatus } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { ManagedSettings, SilentEnrolmentNotice } from './ManagedSettings';

/** First run (and after a revocation): the hub address and IT's one-time code. */
export function EnrolScreen(props: { setup: SetupStatus; onEnrolled: (s: SetupStatus) => void }) {
  const { t } = useT();
  const [hubUrl, setHubUrl] = useState(props.setup.hubUrl ?? 'http://127.0.0.1:8710');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const hubLocked = props.setup.managed?.locked.some((l) => l.setting === 'hubUrl') ?? false;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    void api.setup.enrol({ hubUrl, code }).then((r) => {
      setBusy(false);
      if (r.ok) props.onEnrolled(r.value);
      else setError(r.error);
    });
  };

  return (
    <section className="login" aria-labelledby="enrol-title">
      <form className="card login-card" onSubmit={submit} noValidate>
        {props.setup.revoked && (
          <div className="alert alert-error" role="alert" data-testid="revoked">
            <strong>{t('revokedTitle')}</strong>
            <br />
            {props.setup.revoked}
          </div>
        )}
        <SilentEnrolmentNotice managed={props.setup.managed} />
        <h1 id="enrol-title">{t('enrolTitle')}</h1>
        <p className="muted">{t('enrolHint')}</p>
        <label className="field">
          <span>{t('hubUrl')}</span>
          <input
            name="hubUrl"
            value={hubUrl}
            onChange={(e) => setHubUrl(e.target.value)}
            // IT fixed the hub: shown, not editable (the core refuses another one anyway)
            readOnly={hubLocked}
            aria-readonly={hubLocked}
            spellCheck={false}
          />
        </label>
        <label className="field">
          <span>{t('enrolCode')}</span>
          <input
            name="code"
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            placeholder="XXXX-XXXX-XXXX"
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        {error && (
          <div className="alert alert-error" role="alert" data-testid="enrol-error" data-code={error.code}>
            {error.message}
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy || !hubUrl || !code}>
          {t('enrolButton')}
        </button>
      </form>
      <ManagedSettings managed={props.setup.managed} />
    </section>
  );
}
