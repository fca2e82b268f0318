import { useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useT } from '../i18n/useT';

export function LoginScreen(props: { notice: ErrorData | null; onLoggedIn: (s: SessionInfo) => void }) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const shown = error ?? props.notice;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    void api.session.login({ username, password }).then((r) => {
      setBusy(false);
      if (r.ok) props.onLoggedIn(r.value);
      else {
        setError(r.error);
        setPassword('');
      }
    });
  };

  return (
    <section className="login" aria-labelledby="login-title">
      <form className="card login-card" onSubmit={submit} noValidate>
        <h1 id="login-title">{t('loginTitle')}</h1>
        <p className="muted">{t('loginHint')}</p>
        <label className="field">
          <span>{t('username')}</span>
          <input
            name="username"
            autoFocus
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>{t('password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {shown && (
          <div className="alert alert-error" role="alert" data-testid="login-error" data-code={shown.code}>
            {shown.message}
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy || !username || !password}>
          {busy ? t('loggingIn') : t('loginButton')}
        </button>
      </form>
    </section>
  );
}
