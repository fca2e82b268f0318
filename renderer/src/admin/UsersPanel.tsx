import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminUsersView, AdminUserView } from '../../../shared/admin/admin-wire';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { isSessionError } from './admin-errors';
import { OnceBox } from './OnceBox';
import { UserForm, type UserDraft } from './UserForm';

type Once = { username: string; password: string };

/**
 * The comune's accounts: the new-account form on top (focused), the list below with, per row,
 * edit, disable/enable and a new one-time password. A password the hub made is shown once.
 */
export function UsersPanel(props: { self: string; onError: (e: ErrorData) => void }) {
  const { t } = useT();
  const { onError } = props;
  const [data, setData] = useState<AdminUsersView | null>(null);
  const [editing, setEditing] = useState<AdminUserView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [once, setOnce] = useState<Once | null>(null);
  const [focusMark, setFocusMark] = useState(0);
  /** the row button to return to after an edit or a dialog */
  const returnTo = useRef<HTMLElement | null>(null);

  const load = useCallback(() => {
    void api.admin.users({}).then((res) => {
      if (res.ok) return setData(res.value);
      if (isSessionError(res.error)) return onError(res.error);
      setError(res.error);
    });
  }, [onError]);
  useEffect(load, [load]);

  const refused = (e: ErrorData) => {
    setBusy(false);
    if (isSessionError(e)) return onError(e);
    setError(e);
  };
  const backFocus = () => {
    const el = returnTo.current;
    returnTo.current = null;
    if (el && el.isConnected) setTimeout(() => el.focus(), 0);
    else setFocusMark((m) => m + 1);
  };

  const submit = (draft: UserDraft) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    if (editing) {
      void api.admin
        .updateUser({
          username: editing.username,
          displayName: draft.displayName,
          role: draft.role,
          offices: draft.offices,
        })
        .then((res) => {
          if (!res.ok) return refused(res.error);
          setBusy(false);
          setEditing(null);
          setNotice(t('admin.user.saved', { username: res.value.username }));
          load();
          backFocus();
        });
      return;
    }
    void api.admin
      .createUser({
        username: draft.username,
        displayName: draft.displayName,
        role: draft.role,
        offices: draft.offices,
        ...(draft.password ? { password: draft.password } : {}),
      })
      .then((res) => {
        if (!res.ok) return refused(res.error);
        setBusy(false);
        setNotice(t('admin.user.created', { username: res.value.user.username }));
        if (res.value.password) setOnce({ username: res.value.user.username, password: res.value.password });
        else setFocusMark((m) => m + 1);
        load();
      });
  };

  const toggle = (u: AdminUserView, button: HTMLElement) => {
    returnTo.current = button;
    setError(null);
    void api.admin.setDisabled({ username: u.username, disabled: !u.disabled }).then((res) => {
      if (!res.ok) return refused(res.error);
      load();
      backFocus();
    });
  };
  const reset = (u: AdminUserView, button: HTMLElement) => {
    returnTo.current = button;
    setError(null);
    void api.admin.resetPassword({ username: u.username }).then((res) => {
      if (!res.ok) return refused(res.error);
      setOnce(res.value);
      load();
    });
  };

  return (
    <div data-testid="admin-users">
      {once ? (
        <OnceBox
          title={t('admin.user.onceTitle', { username: once.username })}
          hint={t('admin.user.onceHint')}
          secret={once.password}
          testId="admin-password-once"
          onClose={() => {
            setOnce(null);
            backFocus();
          }}
        />
      ) : (
        <UserForm
          key={editing ? `edit-${editing.username}` : `new-${focusMark}`}
          editing={editing}
          roles={data?.roles ?? ['clerk', 'supervisor', 'admin']}
          offices={data?.offices ?? []}
          busy={busy}
          error={error}
          focusMark={focusMark}
          onSubmit={submit}
          onCancel={() => {
            setEditing(null);
            setError(null);
            backFocus();
          }}
        />
      )}
      {notice && (
        <p className="alert alert-success" role="status" data-testid="admin-user-notice">
          {notice}
        </p>
      )}
      {data && (
        <table className="results compact" data-testid="admin-user-list" aria-label={t('admin.users')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.user.displayName')}</th>
              <th scope="col">{t('admin.user.username')}</th>
              <th scope="col">{t('admin.user.role')}</th>
              <th scope="col">{t('admin.user.offices')}</th>
              <th scope="col">{t('admin.user.status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <tr key={u.username} data-testid={`admin-user-${u.username}`}>
                <td>{u.displayName}</td>
                <td>
                  <code>{u.username}</code>
                </td>
                <td>{t(`admin.role.${u.role}`)}</td>
                <td>{u.offices.map((o) => o.replaceAll('_', ' ')).join(', ') || t('admin.none')}</td>
                <td>
                  {u.disabled ? t('admin.user.disabled') : t('admin.user.active')}
                  {u.locked ? ` · ${t('admin.user.locked')}` : ''}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn-link"
                    aria-label={`${t('admin.user.edit')} ${u.displayName}`}
                    onClick={(e) => {
                      returnTo.current = e.currentTarget;
                      setError(null);
                      setEditing(u);
                    }}
                  >
                    {t('admin.user.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="btn-link"
                    aria-label={`${u.disabled ? t('admin.user.enable') : t('admin.user.disable')} ${u.displayName}`}
                    onClick={(e) => toggle(u, e.currentTarget)}
                    data-testid={`admin-user-toggle-${u.username}`}
                  >
                    {u.disabled ? t('admin.user.enable') : t('admin.user.disable')}
                  </button>{' '}
                  <button
                    type="button"
                    className="btn-link"
                    aria-label={`${t('admin.user.reset')} ${u.displayName}`}
                    onClick={(e) => reset(u, e.currentTarget)}
                    data-testid={`admin-user-reset-${u.username}`}
                  >
                    {t('admin.user.reset')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
