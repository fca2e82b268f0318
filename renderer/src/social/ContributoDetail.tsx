import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { ContributoView } from '../../../shared/social/social-views';
import { api } from '../api/client';
import { OVERLAY } from '../canone/CanoneForm';
import { euro } from '../cashdesk/money';
import { useT } from '../i18n/useT';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { DateInput } from '../components/DateInput';

const row: React.CSSProperties = { display: 'flex', gap: '0.75rem', flexWrap: 'wrap' };

/**
 * A contributo as the office follows it: who, the ISEE (an expired one said aloud), the social
 * worker's assessment and project (recorded here while the application waits for it), then the
 * payment schedule the approval makes — with its stop after a death or an emigration.
 */
export function ContributoDetail(props: {
  id: string;
  syncMark: string;
  onClose: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const { id, syncMark, onClose, onError } = props;
  const [c, setC] = useState<ContributoView | null>(null);
  const [assessment, setAssessment] = useState('');
  const [project, setProject] = useState('');
  const [amount, setAmount] = useState('');
  const [startOn, setStartOn] = useState('');
  const [endOn, setEndOn] = useState('');
  const [error, setError] = useState<ErrorData | null>(null);

  const load = useCallback(() => {
    void api.social
      .contributo({ contributoId: id })
      .then((res) => (res.ok ? setC(res.value) : onError(res.error)));
  }, [id, onError]);
  useEffect(load, [load, syncMark]);

  const assess = () => {
    setError(null);
    void api.social
      .assessment({ contributoId: id, assessment, project, amount, frequency: 'monthly', startOn, endOn })
      .then((res) => (res.ok ? setC(res.value) : setError(res.error)));
  };
  const onKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement && c?.status === 'applied') {
      e.preventDefault();
      assess();
    }
  };
  if (!c) return null;
  return (
    <div
      className="card"
      style={OVERLAY}
      role="dialog"
      aria-modal="true"
      tabIndex={-1}
      onKeyDown={onKeys}
      data-testid="social-contributo"
      data-status={c.status}
    >
      <h2>
        {t('social.kind.contributo')}: {c.beneficiaryName}
      </h2>
      <p>
        {t('social.field.status')}: <strong>{t(`social.status.${c.status}`)}</strong>
        {c.pending && <span className="muted small"> · {t('social.pending')}</span>} ·{' '}
        {t('social.field.protocol')}:{' '}
        <span className={c.protocolNumber ? 'mono' : 'muted small'} data-testid="social-protocol">
          {c.protocolNumber ?? t('social.awaitingProtocol')}
        </span>
      </p>
      <p className="small">
        {c.isee
          ? `ISEE ${c.isee.type} ${euro(c.isee.valueCents, locale)} · DSU ${c.isee.dsuProtocol}`
          : c.band.bandLabel}
        {' · '}IBAN <span className="mono">{c.iban}</span> · {t(`social.need.${c.need}`)}
      </p>
      {c.band.warning && (
        <div className="alert alert-warning" data-testid="social-isee-warning">
          {c.band.warning}
        </div>
      )}
      {c.stop && (
        <div className="alert alert-warning" role="alert" data-testid="social-stopped">
          {t('social.stopped', { date: formatDate(c.stop.on), reason: t(`social.stop.${c.stop.reason}`) })}
        </div>
      )}
      {c.assessment && (
        <p className="small">
          <strong>{t('social.field.assessment')}</strong>: {c.assessment.text}
          <br />
          <strong>{t('social.field.project')}</strong>: {c.assessment.project}
        </p>
      )}
      {c.status === 'applied' && (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="social-assess">
          <label className="field">
            <span>{t('social.field.assessment')}</span>
            <input autoFocus value={assessment} onChange={(e) => setAssessment(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('social.field.project')}</span>
            <input value={project} onChange={(e) => setProject(e.target.value)} />
          </label>
          <div style={row}>
            <label className="field" style={{ flex: '0 1 10rem' }}>
              <span>{t('social.field.amount')}</span>
              <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />
            </label>
            <label className="field" style={{ flex: '0 1 11rem' }}>
              <span>{t('social.field.start')}</span>
              <DateInput value={startOn} onChange={(value) => setStartOn(value)} />
            </label>
            <label className="field" style={{ flex: '0 1 11rem' }}>
              <span>{t('social.field.end')}</span>
              <DateInput value={endOn} onChange={(value) => setEndOn(value)} />
            </label>
          </div>
          <button type="button" className="btn btn-primary" onClick={assess}>
            {t('social.assess.save')}
          </button>
        </fieldset>
      )}
      {error && (
        <div className="alert alert-error" role="alert" data-code={error.code}>
          {error.message}
        </div>
      )}
      <h3>{t('social.schedule')}</h3>
      {c.schedule.length === 0 ? (
        <p className="muted small">{t('social.schedule.none')}</p>
      ) : (
        <table className="results compact" data-testid="social-schedule">
          <thead>
            <tr>
              <th>{t('social.schedule.month')}</th>
              <th>{t('social.schedule.due')}</th>
              <th>{t('social.field.amount')}</th>
              <th>{t('social.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {c.schedule.map((p) => (
              <tr key={p.month} data-status={p.status}>
                <td className="mono">{p.month}</td>
                <td>{formatDate(p.dueOn)}</td>
                <td className="mono">{euro(p.amountCents, locale)}</td>
                <td>{t(`social.payment.${p.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('close')} (Esc)
        </button>
      </div>
    </div>
  );
}
