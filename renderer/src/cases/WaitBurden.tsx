import { useEffect, useState } from 'react';
import { addDays } from '../../../shared/calendar/iso-date';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { ErrorData } from '../../../shared/errors/app-error';
import {
  ISTAT_WAIT_BASELINE,
  waitMonths,
  waitVerdict,
  type WaitMonth,
} from '../../../shared/visits/wait-burden';
import { api } from '../api/client';
import { useT } from '../i18n/useT';

const pct = (n: number): string => `${n.toFixed(1).replace('.', ',')} %`;

/**
 * Waiting on the burden meter (supervisors): the hub's measured visits, month by month, against
 * ISTAT's share for comuni of Casale's class and the meter's target of a quarter less.
 */
export function WaitBurden() {
  const { t } = useT();
  const [months, setMonths] = useState<WaitMonth[] | null>(null);
  const [problem, setProblem] = useState<ErrorData | null>(null);

  useEffect(() => {
    const today = romeDateOf(new Date());
    void api.visits.stats({ from: addDays(today, -364), to: today }).then((res) => {
      if (res.ok) setMonths(waitMonths(res.value));
      else setProblem(res.error);
    });
  }, []);

  const verdict = months ? waitVerdict(months) : null;
  return (
    <div className="card" data-testid="burden-waits">
      <h3>{t('caseBurdenWaitTitle')}</h3>
      <p className="muted small">{t('caseBurdenWaitIntro', { source: ISTAT_WAIT_BASELINE.source })}</p>
      {problem && (
        <p className="alert alert-warning">
          {t('caseBurdenNoHub')} <span className="muted small">({problem.message})</span>
        </p>
      )}
      {months && months.length === 0 && <p className="muted">{t('caseBurdenWaitNone')}</p>}
      {months && months.length > 0 && (
        <table className="results compact" data-testid="burden-waits-table">
          <thead>
            <tr>
              <th scope="col">{t('caseBurdenWaitMonth')}</th>
              <th scope="col">{t('caseBurdenWaitVisits')}</th>
              <th scope="col">{t('caseBurdenWaitShare')}</th>
            </tr>
          </thead>
          <tbody>
            {months.slice(-6).map((m) => (
              <tr key={m.month}>
                <td>
                  {m.month.slice(5)}/{m.month.slice(0, 4)}
                </td>
                <td>{m.visits}</td>
                <td>{m.over20Pct === null ? '—' : pct(m.over20Pct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {verdict && (
        <p data-testid="burden-waits-verdict" className={`verdict verdict-${verdict.verdict}`}>
          {t(`caseBurdenVerdict_${verdict.verdict}`)}
          {verdict.recent !== null && ` · ${t('caseBurdenActual')} ${pct(verdict.recent)}`}
          {` · ${t('caseBurdenBaseline')} ${pct(ISTAT_WAIT_BASELINE.over20Pct)}`}
          {` · ${t('caseBurdenTarget')} ${pct(verdict.target)}`}
        </p>
      )}
    </div>
  );
}
