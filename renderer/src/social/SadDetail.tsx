import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SessionInfo } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { SadQuoteView } from '../../../shared/social/social-calls';
import type { SadView } from '../../../shared/social/social-views';
import { SAD_TASKS, type SadTask } from '../../../shared/social/social-wire';
import { api } from '../api/client';
import { OVERLAY } from '../canone/CanoneForm';
import { euro } from '../cashdesk/money';
import { useT } from '../i18n/useT';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { DateInput } from '../components/DateInput';
import { romeDateOf } from '../../../shared/calendar/rome-date';

const row: React.CSSProperties = { display: 'flex', gap: '0.75rem', flexWrap: 'wrap' };

/**
 * The counter's day in Italy, for the date fields' first value: the desk checks a visit against
 * the application's date, which it takes in Rome time; a machine clock on UTC said yesterday
 * between midnight and one (two in summer), and the visit was refused as before the application.
 */
const todayHere = (): string => romeDateOf(new Date());

/** "4", "4,5" → 4.5; NaN while not a number. */
const typedHours = (text: string): number =>
  text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'));

/**
 * A home-care record through its steps (DOMAIN.md §10.3): the home visit, then the PAI with the
 * personalised hourly rate and the month's cost computed live as hours and operators change,
 * then (a supervisor) the start or the waiting list; afterwards the monthly co-payments billed.
 * Each step is one form: the cursor is in its first field, Enter records it, Esc goes back.
 */
export function SadDetail(props: {
  id: string;
  session: SessionInfo;
  syncMark: string;
  onClose: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const { id, session, syncMark, onClose, onError } = props;
  const [s, setS] = useState<SadView | null>(null);
  const [visitedOn, setVisitedOn] = useState(todayHere);
  const [livesAlone, setLivesAlone] = useState(false);
  const [notes, setNotes] = useState('');
  const [hours, setHours] = useState('');
  const [operators, setOperators] = useState('1');
  const [tasks, setTasks] = useState<SadTask[]>(['igiene_personale']);
  const [provider, setProvider] = useState('');
  const [answer, setAnswer] = useState<{ key: string; view: SadQuoteView } | null>(null);
  const [startOn, setStartOn] = useState(todayHere);
  const [error, setError] = useState<ErrorData | null>(null);
  const asked = useRef(0);
  const supervisor = session.clerk.role !== 'clerk';

  const load = useCallback(() => {
    void api.social.sad({ sadId: id }).then((res) => (res.ok ? setS(res.value) : onError(res.error)));
  }, [id, onError]);
  useEffect(load, [load, syncMark]);

  // the PAI's price, asked of the desk at every change of hours or operators
  const planning = s?.status === 'visited';
  useEffect(() => {
    if (!planning) return;
    const h = typedHours(hours);
    if (Number.isNaN(h)) return;
    const key = `${hours}|${operators}`;
    const ticket = ++asked.current;
    const timer = setTimeout(() => {
      void api.social.sadQuote({ sadId: id, hoursPerWeek: h, operators: Number(operators) }).then((res) => {
        if (ticket !== asked.current) return;
        if (res.ok) setAnswer({ key, view: res.value });
        else onError(res.error);
      });
    }, 100);
    return () => clearTimeout(timer);
  }, [planning, id, hours, operators, onError]);

  // the price shown is the one for the hours and operators on screen
  const quote = answer?.key === `${hours}|${operators}` ? answer.view : null;

  const recorded = (res: { ok: true; value: SadView } | { ok: false; error: ErrorData }) => {
    if (!res.ok) return setError(res.error);
    setError(null);
    setS(res.value);
  };
  const step = () => {
    if (!s) return;
    if (s.status === 'applied')
      void api.social.sadVisit({ sadId: id, visitedOn, livesAlone, notes }).then(recorded);
    else if (s.status === 'visited')
      void api.social
        .sadPlan({
          sadId: id,
          hoursPerWeek: typedHours(hours) || 0,
          operators: Number(operators),
          tasks,
          provider,
        })
        .then(recorded);
    else if ((s.status === 'planned' || s.status === 'waiting') && supervisor)
      void api.social.sadStart({ sadId: id, startOn }).then(recorded);
  };
  const onKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (
      e.key === 'Enter' &&
      // a closed list answers Enter too: the operators are picked with the arrows
      ((e.target instanceof HTMLInputElement && e.target.type !== 'checkbox') ||
        e.target instanceof HTMLSelectElement)
    ) {
      e.preventDefault();
      step();
    }
  };
  if (!s) return null;
  return (
    <div
      className="card"
      style={OVERLAY}
      role="dialog"
      aria-modal="true"
      tabIndex={-1}
      onKeyDown={onKeys}
      data-testid="social-sad"
      data-status={s.status}
    >
      <h2>
        {t('social.kind.sad')}: {s.beneficiaryName}
      </h2>
      <p>
        {t('social.field.status')}:{' '}
        <strong data-testid="social-sad-status">{t(`social.status.${s.status}`)}</strong>
        {s.pending && <span className="muted small"> · {t('social.pending')}</span>} ·{' '}
        {t('social.field.protocol')}:{' '}
        <span className={s.protocolNumber ? 'mono' : 'muted small'} data-testid="social-sad-protocol">
          {s.protocolNumber ?? t('social.awaitingProtocol')}
        </span>
      </p>
      <p className="small">
        {s.isee ? `ISEE ${s.isee.type} ${euro(s.isee.valueCents, locale)}` : t('social.isee.none')}
        {s.visit && ` · ${t('social.visit.on')} ${formatDate(s.visit.visitedOn)}`}
        {s.visit?.livesAlone && ` · ${t('social.visit.livesAlone')}`}
      </p>
      {s.plan && (
        <p className="small" data-testid="social-sad-plan">
          {t('social.plan.title')}: {String(s.plan.hoursPerWeek).replace('.', ',')} h × {s.plan.operators} ·{' '}
          {t('social.plan.perOperator', {
            rate: euro(s.plan.hourlyRateCents, locale),
            operators: s.plan.operators,
          })}
          {s.plan.band.warning && <span className="alert alert-warning"> {s.plan.band.warning}</span>}
        </p>
      )}
      {s.waiting && (
        <p data-testid="social-sad-waiting">
          {t('social.waiting.position')} {s.waiting.position} · {t('social.waiting.points')}{' '}
          {s.waiting.points} ({s.waiting.criteria.map((c) => `${c[locale]}: ${c.points}`).join('; ')})
        </p>
      )}

      {s.status === 'applied' && (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="social-visit">
          <h3>{t('social.visit.title')}</h3>
          <div style={row}>
            <label className="field" style={{ flex: '0 1 11rem' }}>
              <span>{t('social.visit.on')}</span>
              <DateInput autoFocus value={visitedOn} onChange={(value) => setVisitedOn(value)} />
            </label>
            <label className="check" style={{ alignSelf: 'end' }}>
              <input type="checkbox" checked={livesAlone} onChange={(e) => setLivesAlone(e.target.checked)} />{' '}
              {t('social.visit.livesAlone')}
            </label>
          </div>
          <label className="field">
            <span>{t('social.visit.notes')}</span>
            <input
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              data-testid="social-visit-notes"
            />
          </label>
          <button type="button" className="btn btn-primary" onClick={step}>
            {t('social.visit.save')}
          </button>
        </fieldset>
      )}

      {s.status === 'visited' && (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="social-plan">
          <h3>{t('social.plan.title')}</h3>
          <div style={row}>
            <label className="field" style={{ flex: '0 1 9rem' }}>
              <span>{t('social.plan.hours')}</span>
              <input
                autoFocus
                value={hours}
                onChange={(e) => setHours(e.target.value)}
                inputMode="decimal"
                data-testid="social-plan-hours"
              />
            </label>
            <label className="field" style={{ flex: '0 1 8rem' }}>
              <span>{t('social.plan.operators')}</span>
              <select
                value={operators}
                onChange={(e) => setOperators(e.target.value)}
                data-testid="social-plan-operators"
              >
                {['1', '2', '3'].map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
            <label className="field" style={{ flex: '1 1 14rem' }}>
              <span>{t('social.plan.provider')}</span>
              <input
                value={provider}
                onChange={(e) => setProvider(e.target.value)}
                data-testid="social-plan-provider"
              />
            </label>
          </div>
          <p className="small">{t('social.plan.tasks')}:</p>
          <div style={row}>
            {SAD_TASKS.map((task) => (
              <label key={task} className="check">
                <input
                  type="checkbox"
                  checked={tasks.includes(task)}
                  onChange={(e) =>
                    setTasks((ts) => (e.target.checked ? [...ts, task] : ts.filter((x) => x !== task)))
                  }
                  data-testid={`social-task-${task}`}
                />{' '}
                {t(`social.task.${task}`)}
              </label>
            ))}
          </div>
          {quote && (
            <div data-testid="social-plan-quote">
              {quote.hourlyRateCents !== null && (
                <p>
                  {t('social.plan.rate')}:{' '}
                  <strong data-testid="social-plan-rate">
                    {quote.exempt
                      ? t('social.plan.exempt')
                      : t('social.plan.perOperator', {
                          rate: euro(quote.hourlyRateCents, locale),
                          operators: quote.operators,
                        })}
                  </strong>{' '}
                  <span className="muted small">({quote.bandLabel})</span>
                </p>
              )}
              {quote.weeklyCents !== null && quote.monthlyEstimateCents !== null && (
                <p>
                  {t('social.plan.weekly')}: <span className="mono">{euro(quote.weeklyCents, locale)}</span> ·{' '}
                  {t('social.plan.monthly')}:{' '}
                  <strong className="mono" data-testid="social-plan-monthly">
                    {euro(quote.monthlyEstimateCents, locale)}
                  </strong>
                </p>
              )}
              {quote.warning && <div className="alert alert-warning">{quote.warning}</div>}
              {quote.tariffSource && <p className="muted small">{quote.tariffSource}</p>}
              {!quote.ok && (
                <div className="alert alert-error" role="alert" data-testid="social-plan-refusals">
                  <strong>{t('social.plan.refused')}</strong>
                  <ul style={{ margin: '0.3rem 0 0 1.1rem', padding: 0 }}>
                    {quote.refusals.map((r, i) => (
                      <li key={`${r.code}-${i}`} data-code={r.code}>
                        {r.message}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          )}
          <button type="button" className="btn btn-primary" onClick={step} data-testid="social-plan-save">
            {t('social.plan.save')}
          </button>
        </fieldset>
      )}

      {(s.status === 'planned' || s.status === 'waiting') &&
        (supervisor ? (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="social-start">
            <h3>{t('social.start.title')}</h3>
            <label className="field" style={{ maxWidth: '11rem' }}>
              <span>{t('social.start.on')}</span>
              <DateInput autoFocus value={startOn} onChange={(value) => setStartOn(value)} />
            </label>
            <button type="button" className="btn btn-primary" onClick={step}>
              {t('social.start.save')}
            </button>
          </fieldset>
        ) : (
          <p className="muted small">{t('social.start.supervisor')}</p>
        ))}

      {error && (
        <div className="alert alert-error" role="alert" data-testid="social-sad-error" data-code={error.code}>
          {error.message}
        </div>
      )}
      {s.months.length > 0 && (
        <>
          <h3>{t('social.months')}</h3>
          <table className="results compact">
            <thead>
              <tr>
                <th>{t('social.schedule.month')}</th>
                <th>{t('social.months.hours')}</th>
                <th>{t('social.plan.operators')}</th>
                <th>{t('social.field.amount')}</th>
                <th>{t('social.months.notice')}</th>
              </tr>
            </thead>
            <tbody>
              {s.months.map((m) => (
                <tr key={m.month}>
                  <td className="mono">{m.month}</td>
                  <td>{String(m.hours).replace('.', ',')}</td>
                  <td>{m.operators}</td>
                  <td className="mono">{euro(m.amountCents, locale)}</td>
                  <td className="mono small">{m.noticeNumber ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="actions">
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('close')} (Esc)
        </button>
      </div>
    </div>
  );
}
