import { useState, type FormEvent } from 'react';
import type { ResidentDetail } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useT } from '../i18n/useT';

/** Phone and e-mail recorded at the counter: saved locally at once, synced to the hub after. */
export function ContactsCard(props: { resident: ResidentDetail; onSaved: (r: ResidentDetail) => void }) {
  const { t } = useT();
  const r = props.resident;
  const [editing, setEditing] = useState(false);
  const [phone, setPhone] = useState(r.phone ?? '');
  const [email, setEmail] = useState(r.email ?? '');
  const [error, setError] = useState<ErrorData | null>(null);
  const [saved, setSaved] = useState(false);

  const save = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    void api.registry
      .updateContacts({ residentId: r.id, phone: phone.trim() || null, email: email.trim() || null })
      .then((res) => {
        if (!res.ok) return setError(res.error);
        setEditing(false);
        setSaved(true);
        props.onSaved(res.value);
      });
  };

  if (!editing) {
    return (
      <div data-testid="contacts">
        <h2>{t('contacts')}</h2>
        <p className="address">
          {t('phone')}: <strong data-testid="contact-phone">{r.phone ?? '—'}</strong>
          <br />
          {t('email')}: <strong data-testid="contact-email">{r.email ?? '—'}</strong>
        </p>
        {saved && <p className="muted small">{t('contactsSaved')}</p>}
        {r.status === 'resident' && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => setEditing(true)}
            data-testid="edit-contacts"
          >
            {t('editContacts')}
          </button>
        )}
      </div>
    );
  }
  return (
    <form
      onSubmit={save}
      data-testid="contacts-form"
      onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setEditing(false))}
    >
      <h2>{t('contacts')}</h2>
      <label className="field">
        <span>{t('phone')}</span>
        <input
          name="phone"
          autoFocus
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          inputMode="tel"
        />
      </label>
      <label className="field">
        <span>{t('email')}</span>
        <input name="email" value={email} onChange={(e) => setEmail(e.target.value)} inputMode="email" />
      </label>
      {error && (
        <div className="alert alert-error" role="alert" data-testid="contacts-error">
          {error.message}
        </div>
      )}
      <button type="submit" className="btn btn-primary" data-testid="save-contacts">
        {t('saveContacts')}
      </button>{' '}
      <button type="button" className="btn btn-ghost" onClick={() => setEditing(false)}>
        {t('cancel')}
      </button>
    </form>
  );
}
