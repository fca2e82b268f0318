import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { addDays } from '../../../shared/calendar/iso-date';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { over20Share, waitStatsCsv } from '../../../shared/visits/wait-stats-csv';
import type { WaitStatsRow } from '../../../shared/visits/visit-wire';
import { api } from '../api/client';
import { DateInput } from '../components/DateInput';
import { useT } from '../i18n/useT';
import { serviceLabel } from '../../../shared/booking/what-to-bring';

const fmt = (n: number) => (Math.round(n * 10) / 10).toFixed(1).replace('.', ',');

/** The supervisors' view: waits, service times, no-shows and the over-20-minutes share; CSV. */
export function WaitStatsPanel(props: { onError: (e: ErrorData) => void }) {
  const { t, locale } = useT();
  const today = romeDateOf(new Date());
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const [rows, setRows] = useState<WaitStatsRow[] | null>(null);

  const show = (e: FormEvent) => {
    e.preventDefault();
    void api.visits
      .stats({ from, to })
      .then((res) => (res.ok ? setRows(res.value) : props.onError(res.error)));
  };
  const csvUrl = useMemo(
    () => (rows ? URL.createObjectURL(new Blob([waitStatsCsv(rows)], { type: 'text/csv' })) : null),
    [rows],
  );
  useEffect(() => () => void (csvUrl && URL.revokeObjectURL(csvUrl)), [csvUrl]);
  const share = rows ? over20Share(rows) : null;

  return (
    <div data-testid="wait-stats">
      <h2>{t('visits.stats.title')}</h2>
      <form onSubmit={show} className="field inline">
        <label>
          {t('visits.stats.from')}{' '}
          <DateInput value={from} onChange={setFrom} autoFocus data-testid="wait-stats-from" />
        </label>{' '}
        <label>
          {t('visits.stats.to')} <DateInput value={to} onChange={setTo} data-testid="wait-stats-to" />
        </label>{' '}
        <button type="submit" className="btn btn-primary">
          {t('visits.stats.show')}
        </button>
      </form>
      {rows && rows.length === 0 && <p className="muted">{t('visits.stats.none')}</p>}
      {rows && rows.length > 0 && (
        <>
          {share !== null && (
            <p className="strong" data-testid="wait-stats-over20">
              {t('visits.stats.over20', { pct: fmt(share) })}
            </p>
          )}
          <table className="results compact" data-testid="wait-stats-table">
            <thead>
              <tr>
                <th>{t('visits.stats.day')}</th>
                <th>{t('visits.stats.office')}</th>
                <th>{t('visits.stats.service')}</th>
                <th>{t('visits.stats.counter')}</th>
                <th>{t('visits.stats.visits')}</th>
                <th>{t('visits.stats.noShows')}</th>
                <th>{t('visits.stats.wait')}</th>
                <th>{t('visits.stats.serviceTime')}</th>
                <th>{t('visits.stats.over20Col')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.day}|${r.office}|${r.serviceKey}|${r.counter ?? ''}`}>
                  <td>{formatDate(r.day)}</td>
                  <td>{r.office}</td>
                  <td>{serviceLabel(r.serviceKey, locale)}</td>
                  <td>{r.counter ?? '—'}</td>
                  <td>{r.visits}</td>
                  <td>{r.noShows}</td>
                  <td>{fmt(r.meanWaitMinutes)}</td>
                  <td>{fmt(r.meanServiceMinutes)}</td>
                  <td>{fmt(r.over20Pct)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {csvUrl && (
            <a
              className="btn btn-ghost"
              href={csvUrl}
              download={`attese-${from}-${to}.csv`}
              data-testid="wait-stats-csv"
            >
              {t('visits.stats.csv')}
            </a>
          )}
        </>
      )}
    </div>
  );
}
