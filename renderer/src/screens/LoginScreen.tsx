import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../shared/auth/new-user-rules';
import type { SessionInfo } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useT } from '../i18n/useT';

type Props = { notice: ErrorData | null; onLoggedIn: (s: SessionInfo) => void };

export function LoginScreen(props: Props) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  // the hub took the password but it is a one-time one: the clerk chooses theirs before the counter
  const [changing, setChanging] = useState(false);
  const shown = error ?? props.notice;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    void api.session.login({ username, password }).then((r) => {
      setBusy(false);
      if (r.ok) props.onLoggedIn(r.value);
      else if (r.error.code === 'password_change_required') setChanging(true);
      else {
        setError(r.error);
        setPassword('');
      }
    });
  };

  if (changing)
    return (
      <PasswordChangeStep
        username={username}
        password={password}
        onLoggedIn={props.onLoggedIn}
        onBack={() => {
          setChanging(false);
          setPassword('');
        }}
      />
    );

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

/**
 * "Choose a new password": the one-time password typed a moment ago goes with the new one, so
 * the hub checks both (the desk keeps nothing between the steps). The rules are the hub's, told
 * back as its typed errors; only the repetition is checked here, as it never leaves the screen.
 */
function PasswordChangeStep(props: {
  username: string;
  password: string;
  onLoggedIn: (s: SessionInfo) => void;
  onBack: () => void;
}) {
  const { t } = useT();
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (newPassword !== repeated) {
      setError({ code: 'passwords_differ', message: t('passwordsDiffer') });
      setRepeated('');
      return;
    }
    setBusy(true);
    setError(null);
    void api.session
      .changePassword({ username: props.username, password: props.password, newPassword })
      .then((r) => {
        setBusy(false);
        if (r.ok) props.onLoggedIn(r.value);
        else {
          setError(r.error);
          setNewPassword('');
          setRepeated('');
        }
      });
  };

  return (
    <section className="login" aria-labelledby="password-change-title">
      <form className="card login-card" onSubmit={submit} noValidate data-testid="password-change">
        <h1 id="password-change-title">{t('passwordChangeTitle')}</h1>
        <p className="muted">{t('passwordChangeHint', { min: MIN_PASSWORD_LENGTH })}</p>
        <label className="field">
          <span>{t('newPassword')}</span>
          <input
            name="new-password"
            data-testid="password-change-new"
            type="password"
            autoFocus
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>{t('repeatNewPassword')}</span>
          <input
            name="repeat-new-password"
            type="password"
            autoComplete="new-password"
            value={repeated}
            onChange={(e) => setRepeated(e.target.value)}
            required
          />
        </label>
        {error && (
          <div
            className="alert alert-error"
            role="alert"
            data-testid="password-change-error"
            data-code={error.code}
          >
            {error.message}
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy || !newPassword || !repeated}>
          {busy ? t('changingPassword') : t('passwordChangeButton')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={props.onBack} disabled={busy}>
          {t('backToLogin')}
        </button>
      </form>
    </section>
  );
}
