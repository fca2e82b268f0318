import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AdminUserView } from '../../../shared/admin/admin-wire';
import type { Role } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { useFormKeys } from '../hooks/useFormKeys';
import { useT } from '../i18n/useT';

export interface UserDraft {
  username: string;
  displayName: string;
  role: Role;
  offices: string[];
  password: string;
}

/**
 * A new account (username, name, role, offices, optional password) or an existing one's name,
 * role and offices. Ctrl+Enter confirms, Esc drops the changes.
 */
export function UserForm(props: {
  editing: AdminUserView | null;
  roles: readonly Role[];
  offices: readonly string[];
  busy: boolean;
  error: ErrorData | null;
  onSubmit: (draft: UserDraft) => void;
  onCancel: () => void;
  /** bumped by the panel to bring focus back to the first field (after a dialog closes); the panel remounts a new-account form to empty it */
  focusMark: number;
}) {
  const { t } = useT();
  const { editing } = props;
  const empty: UserDraft = { username: '', displayName: '', role: 'clerk', offices: [], password: '' };
  const [draft, setDraft] = useState<UserDraft>(
    editing
      ? {
          ...empty,
          username: editing.username,
          displayName: editing.displayName,
          role: editing.role,
          offices: editing.offices,
        }
      : empty,
  );
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), [props.focusMark, editing]);
  const set = (patch: Partial<UserDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!props.busy) props.onSubmit(draft);
  };
  const onKeyDown = useFormKeys({ onSubmit: submit, onCancel: props.onCancel });
  const id = editing ? 'admin-edit' : 'admin-new';
  return (
    <form
      className="card"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      data-testid={`${id}-user`}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>
        {editing ? `${t('admin.user.edit')}: ${editing.username}` : t('admin.user.new')}
      </h2>
      {!editing && (
        <label className="field">
          <span>{t('admin.user.username')}</span>
          <input
            ref={firstRef}
            value={draft.username}
            onChange={(e) => set({ username: e.target.value })}
            autoComplete="off"
            spellCheck={false}
            data-testid="admin-user-username"
          />
        </label>
      )}
      <label className="field">
        <span>{t('admin.user.displayName')}</span>
        <input
          ref={editing ? firstRef : undefined}
          value={draft.displayName}
          onChange={(e) => set({ displayName: e.target.value })}
          autoComplete="off"
          data-testid="admin-user-display-name"
        />
      </label>
      <label className="field">
        <span>{t('admin.user.role')}</span>
        <select
          value={draft.role}
          onChange={(e) => set({ role: e.target.value as Role })}
          data-testid="admin-user-role"
        >
          {props.roles.map((r) => (
            <option key={r} value={r}>
              {t(`admin.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {props.offices.length > 0 && (
        <fieldset>
          <legend>{t('admin.user.offices')}</legend>
          {props.offices.map((o) => (
            <label key={o} className="field inline">
              <input
                type="checkbox"
                checked={draft.offices.includes(o)}
                onChange={(e) =>
                  set({
                    offices: e.target.checked ? [...draft.offices, o] : draft.offices.filter((x) => x !== o),
                  })
                }
                data-testid={`admin-user-office-${o}`}
              />
              <span>{o.replaceAll('_', ' ')}</span>
            </label>
          ))}
        </fieldset>
      )}
      {!editing && (
        <label className="field">
          <span>{t('admin.user.password')}</span>
          <input
            type="password"
            value={draft.password}
            onChange={(e) => set({ password: e.target.value })}
            autoComplete="new-password"
            data-testid="admin-user-password"
          />
        </label>
      )}
      {props.error && (
        <div
          className="alert alert-error"
          role="alert"
          data-testid="admin-user-error"
          data-code={props.error.code}
        >
          {props.error.message}
        </div>
      )}
      <div className="form-buttons">
        <button
          type="submit"
          className="btn"
          disabled={props.busy}
          aria-busy={props.busy}
          data-testid="admin-user-submit"
        >
          {editing ? t('admin.user.save') : t('admin.user.create')}
        </button>
        {editing && (
          <button type="button" className="btn btn-ghost" onClick={props.onCancel}>
            {t('admin.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
