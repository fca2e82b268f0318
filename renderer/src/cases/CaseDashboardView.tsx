import { useStaffNames } from '../admin/useStaffNames';
import { useEffect, useState } from 'react';
import { CASE_STATUS_LABELS } from '../../../shared/cases/case-model';
import type { CaseDashboard, HandlingRow, ProcedureView } from '../../../shared/contract/case-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { DueBadge } from './CaseQueue';

const one = (n: number): string => n.toFixed(1).replace('.', ',');

/** Open cases by state and colour, the overdue list, handling times, sync exceptions. */
export function CaseDashboardView(props: {
  procedures: ProcedureView[];
  version: number;
  onOpen: (id: string) => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  const nameOf = useStaffNames();
  const { version, onError } = props;
  const [data, setData] = useState<CaseDashboard | null>(null);

  useEffect(() => {
    let stale = false;
    void api.cases.dashboard({}).then((res) => {
      if (stale) return;
      if (!res.ok) return onError(res.error);
      setData(res.value);
    });
    return () => {
      stale = true;
    };
  }, [version, onError]);

  if (!data) return <p className="muted">{t('loading')}</p>;
  const title = (code: string) => props.procedures.find((p) => p.code === code)?.title[locale] ?? code;
  const handling = (rows: HandlingRow[], label: (key: string) => string, testId: string) => (
    <table className="results compact" data-testid={testId}>
      <thead>
        <tr>
          <th />
          <th>{t('caseDashCount')}</th>
          <th>{t('caseDashMean')}</th>
          <th>{t('caseDashP90')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{label(r.key)}</td>
            <td>{r.count}</td>
            <td>{one(r.mean)}</td>
            <td>{r.p90}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="dashboard" data-testid="case-dashboard">
      <div className="dash-totals">
        <div className="card dash-total">
          <span className="dash-number" data-testid="dash-open">
            {data.openTotal}
          </span>
          <span>{t('caseDashOpen')}</span>
        </div>
        <div className="card dash-total dash-red">
          <span className="dash-number" data-testid="dash-overdue">
            {data.overdueTotal}
          </span>
          <span>{t('caseDashOverdue')}</span>
        </div>
      </div>
      <div className="dash-grid">
        <div className="card">
          <h3>{t('caseDashByState')}</h3>
          <table className="results compact" data-testid="dash-by-state">
            <thead>
              <tr>
                <th />
                <th>
                  <span className="dot dot-green" /> {t('caseColour_green')}
                </th>
                <th>
                  <span className="dot dot-amber" /> {t('caseColour_amber')}
                </th>
                <th>
                  <span className="dot dot-red" /> {t('caseColour_red')}
                </th>
                <th>{t('caseDashTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {data.byStatus.map((s) => (
                <tr key={s.status}>
                  <td>{CASE_STATUS_LABELS[s.status][locale]}</td>
                  <td>{s.green}</td>
                  <td>{s.amber}</td>
                  <td className={s.red > 0 ? 'strong danger' : undefined}>{s.red}</td>
                  <td className="strong">{s.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="card">
          <h3>{t('caseDashOverdueList')}</h3>
          {data.overdue.length === 0 && <p className="muted">—</p>}
          <ul className="notes">
            {data.overdue.map((c) => (
              <li key={c.id}>
                <button type="button" className="btn btn-link" onClick={() => props.onOpen(c.id)}>
                  {c.protocol ?? t('caseAwaitingProtocol')}
                </button>{' '}
                {c.subject} · {formatDate(c.dueDate)} <DueBadge item={c} t={t} />
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h3>{t('caseDashHandlingProcedure')}</h3>
          {handling(data.handlingByProcedure, title, 'dash-handling-procedure')}
        </div>
        <div className="card">
          <h3>{t('caseDashHandlingClerk')}</h3>
          {handling(data.handlingByClerk, (k) => k, 'dash-handling-clerk')}
        </div>
        <div className="card dash-wide">
          <h3>
            {t('caseDashExceptions')}{' '}
            <span className="muted small">
              ({data.exceptionsSource === 'hub' ? t('caseDashExceptionsHub') : t('caseDashExceptionsLocal')})
            </span>
          </h3>
          {data.exceptions.length === 0 && <p className="muted">{t('caseDashNoExceptions')}</p>}
          <ul className="notes" data-testid="dash-exceptions">
            {data.exceptions.map((x) => (
              <li key={x.mutationId}>
                <span className="muted small">
                  {x.at.slice(0, 16).replace('T', ' ')} · {nameOf(x.clerk)}
                  {x.workstation ? ` · ${x.workstation}` : ''}
                </span>
                <div>
                  <span className="mono small">{x.name}</span> — {x.message}
                </div>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
