import { useCallback, useEffect, useState } from 'react';
import { can } from '../../../shared/auth/policy';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { ContributoView, SadView, WaitingListEntryView } from '../../../shared/social/social-views';
import type { AreaProps } from '../services/screen-service';
import { api } from '../api/client';
import { euro } from '../cashdesk/money';
import { useT } from '../i18n/useT';
import { ContributoDetail } from './ContributoDetail';
import { SadDetail } from './SadDetail';

/**
 * The social-services area (F1, the office only): the contributi and the home-care records, and
 * the SAD waiting list in the comune's order with each person's points, for the office's
 * supervisors only (they decide who starts; the desk and the hub refuse it to the others).
 * New applications start from the resident's page (Alt+O, Alt+D). Enter on a row opens it.
 */
export function SocialScreen({ session, syncMark, onError }: AreaProps) {
  const { t, locale } = useT();
  const [contributi, setContributi] = useState<ContributoView[] | null>(null);
  const [sads, setSads] = useState<SadView[] | null>(null);
  const [waiting, setWaiting] = useState<WaitingListEntryView[] | null>(null);
  const [open, setOpen] = useState<{ kind: 'contributo' | 'sad'; id: string } | null>(null);
  const supervisor = can(session.clerk.role, 'social.waitingList');

  const load = useCallback(() => {
    void api.social.contributi({}).then((res) => (res.ok ? setContributi(res.value) : onError(res.error)));
    void api.social.sads({}).then((res) => (res.ok ? setSads(res.value) : onError(res.error)));
    if (supervisor)
      void api.social.waitingList({}).then((res) => (res.ok ? setWaiting(res.value) : onError(res.error)));
  }, [onError, supervisor]);
  useEffect(load, [load, syncMark]);

  const rowKeys = (kind: 'contributo' | 'sad', id: string) => ({
    tabIndex: 0,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter') setOpen({ kind, id });
    },
    onClick: () => setOpen({ kind, id }),
  });

  return (
    <section aria-labelledby="social-title" data-testid="social-screen">
      <h1 id="social-title">{t('social.title')}</h1>
      <p className="muted small">{t('social.keys')}</p>
      <div className="card" data-testid="social-sads">
        <h2>{t('social.tab.sad')}</h2>
        {sads?.length === 0 && <p className="muted">{t('social.none')}</p>}
        {sads && sads.length > 0 && (
          <table className="results compact">
            <thead>
              <tr>
                <th>{t('social.field.protocol')}</th>
                <th>{t('social.form.beneficiary')}</th>
                <th>{t('social.plan.title')}</th>
                <th>{t('social.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {sads.map((s, i) => (
                <tr
                  key={s.id}
                  {...rowKeys('sad', s.id)}
                  autoFocus={i === 0}
                  data-testid="social-sad-row"
                  data-status={s.status}
                >
                  <td className="mono small">{s.protocolNumber ?? '—'}</td>
                  <td>{s.beneficiaryName}</td>
                  <td>
                    {s.plan
                      ? `${String(s.plan.hoursPerWeek).replace('.', ',')} h × ${s.plan.operators} · ${euro(s.plan.hourlyRateCents, locale)}/h`
                      : '—'}
                  </td>
                  <td>
                    {t(`social.status.${s.status}`)}
                    {s.pending && <span className="muted small"> · {t('social.pending')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {supervisor && (
        <div className="card" data-testid="social-waiting">
          <h2>{t('social.tab.waiting')}</h2>
          {waiting?.length === 0 && <p className="muted">{t('social.waiting.none')}</p>}
          {waiting && waiting.length > 0 && (
            <table className="results compact">
              <thead>
                <tr>
                  <th>{t('social.waiting.position')}</th>
                  <th>{t('social.form.beneficiary')}</th>
                  <th>{t('social.waiting.points')}</th>
                  <th>{t('social.waiting.criteria')}</th>
                  <th>{t('social.waiting.since')}</th>
                </tr>
              </thead>
              <tbody>
                {waiting.map((w) => (
                  <tr key={w.sadId} {...rowKeys('sad', w.sadId)} data-testid="social-waiting-row">
                    <td className="mono">{w.position}</td>
                    <td>{w.beneficiaryName}</td>
                    <td className="mono">{w.points}</td>
                    <td className="small">{w.criteria.map((c) => `${c[locale]}: ${c.points}`).join('; ')}</td>
                    <td>{formatDate(w.since)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <div className="card" data-testid="social-contributi">
        <h2>{t('social.tab.contributi')}</h2>
        {contributi?.length === 0 && <p className="muted">{t('social.none')}</p>}
        {contributi && contributi.length > 0 && (
          <table className="results compact">
            <thead>
              <tr>
                <th>{t('social.field.protocol')}</th>
                <th>{t('social.form.beneficiary')}</th>
                <th>{t('social.field.amount')}</th>
                <th>{t('social.field.start')}</th>
                <th>{t('social.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {contributi.map((c) => (
                <tr
                  key={c.id}
                  {...rowKeys('contributo', c.id)}
                  data-testid="social-contributo-row"
                  data-status={c.status}
                >
                  <td className="mono small">{c.protocolNumber ?? '—'}</td>
                  <td>{c.beneficiaryName}</td>
                  <td className="mono">{c.amountCents === null ? '—' : euro(c.amountCents, locale)}</td>
                  <td>
                    {c.startOn ? `${formatDate(c.startOn)} – ${c.endOn ? formatDate(c.endOn) : ''}` : '—'}
                  </td>
                  <td>
                    {t(`social.status.${c.status}`)}
                    {c.pending && <span className="muted small"> · {t('social.pending')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {open?.kind === 'contributo' && (
        <ContributoDetail
          id={open.id}
          syncMark={syncMark}
          onClose={() => {
            setOpen(null);
            load();
          }}
          onError={onError}
        />
      )}
      {open?.kind === 'sad' && (
        <SadDetail
          id={open.id}
          session={session}
          syncMark={syncMark}
          onClose={() => {
            setOpen(null);
            load();
          }}
          onError={onError}
        />
      )}
    </section>
  );
}
