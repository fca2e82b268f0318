import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { can } from '../../../shared/auth/policy';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { ExpiringPermitView, PermitView } from '../../../shared/permits/permit-views';
import type { AreaProps } from '../services/screen-service';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { PermitRows } from './PermitRows';
import { SupervisorPanel } from './SupervisorPanel';

/** the soonest first; a long list is a job for the letters' batch, not for the screen */
const EXPIRING_SHOWN = 50;

/** The permits area (F10): a plate lookup, and the permits expiring in 30 days with letter drafts. */
export function PermitsScreen({ session, syncMark, onOpenResident, onError }: AreaProps) {
  const { t } = useT();
  const [plate, setPlate] = useState('');
  const [found, setFound] = useState<{ plate: string; permits: PermitView[] } | null>(null);
  const [lookupError, setLookupError] = useState<ErrorData | null>(null);
  const [expiring, setExpiring] = useState<ExpiringPermitView[] | null>(null);
  const [draftOf, setDraftOf] = useState<string | null>(null);

  const loadExpiring = useCallback(() => {
    void api.permits.expiring({}).then((res) => (res.ok ? setExpiring(res.value) : onError(res.error)));
  }, [onError]);
  useEffect(loadExpiring, [loadExpiring, syncMark]);

  const lookup = (text: string) =>
    void api.permits.lookup({ plate: text }).then((res) => {
      if (res.ok) {
        setFound({ plate: text.toUpperCase(), permits: res.value });
        setLookupError(null);
      } else {
        setFound(null);
        setLookupError(res.error);
      }
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    lookup(plate);
  };

  return (
    <section aria-labelledby="permits-title" data-testid="permits-screen">
      <h1 id="permits-title">{t('permit.title')}</h1>
      <div className="card">
        <h2>{t('permit.lookup.title')}</h2>
        <form onSubmit={submit} className="field field-search">
          <input
            autoFocus
            value={plate}
            placeholder={t('permit.lookup.placeholder')}
            onChange={(e) => setPlate(e.target.value.toUpperCase())}
            className="mono"
            autoComplete="off"
            spellCheck={false}
            data-testid="permit-lookup"
          />
        </form>
        {lookupError && (
          <div
            className="alert alert-error"
            role="alert"
            data-testid="permit-lookup-error"
            data-code={lookupError.code}
          >
            {lookupError.message}
          </div>
        )}
        {found && found.permits.length === 0 && (
          <p className="muted">{t('permit.lookup.none', { plate: found.plate })}</p>
        )}
        {found && found.permits.length > 0 && (
          <PermitRows
            permits={found.permits}
            mayRevoke={can(session.clerk.role, 'permits.revoke')}
            onChanged={() => lookup(found.plate)}
            onError={onError}
            showHolder
            onOpenHolder={onOpenResident}
          />
        )}
      </div>
      {can(session.clerk.role, 'permits.stats') && (
        <SupervisorPanel syncMark={syncMark} onOpenResident={onOpenResident} onError={onError} />
      )}
      <div className="card" data-testid="permits-expiring">
        <h2>{t('permit.expiring.title')}</h2>
        {expiring && expiring.length === 0 && <p className="muted">{t('permit.expiring.none')}</p>}
        {expiring && expiring.length > 0 && (
          <table className="results compact">
            <thead>
              <tr>
                <th>{t('permit.field.number')}</th>
                <th>{t('permit.field.kind')}</th>
                <th>{t('permit.field.holder')}</th>
                <th>{t('permit.field.plates')}</th>
                <th>{t('permit.field.validTo')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {expiring.slice(0, EXPIRING_SHOWN).map((e) => (
                <tr key={e.permit.id} data-testid="permit-expiring-row">
                  <td className="mono small">{e.permit.number}</td>
                  <td>{e.permit.kindLabel}</td>
                  <td>{e.permit.holderName}</td>
                  <td className="mono">{e.permit.plates.map((p) => p.plate).join(', ')}</td>
                  <td>
                    {formatDate(e.permit.validTo)}{' '}
                    <span className="muted small">
                      ({t('permit.expiring.daysLeft', { days: e.daysLeft })})
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-ghost"
                      onClick={() => setDraftOf(draftOf === e.permit.id ? null : e.permit.id)}
                      data-testid="permit-letter"
                    >
                      {t('permit.expiring.draft')}
                    </button>
                    {e.email && (
                      <a
                        className="btn btn-ghost"
                        href={`mailto:${e.email}?subject=${encodeURIComponent(e.letter.subject)}&body=${encodeURIComponent(e.letter.body)}`}
                      >
                        {t('permit.expiring.email')}
                      </a>
                    )}
                    {draftOf === e.permit.id && (
                      <pre
                        className="small"
                        style={{ whiteSpace: 'pre-wrap', maxWidth: '40rem', fontFamily: 'inherit' }}
                        data-testid="permit-letter-text"
                      >
                        {e.letter.subject}
                        {'\n\n'}
                        {e.letter.body}
                      </pre>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {expiring && expiring.length > EXPIRING_SHOWN && (
          <p className="muted small" data-testid="permit-expiring-more">
            {t('permit.expiring.more', { shown: EXPIRING_SHOWN, total: expiring.length })}
          </p>
        )}
      </div>
    </section>
  );
}
