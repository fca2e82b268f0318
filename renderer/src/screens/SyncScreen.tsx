import { useStaffNames } from '../admin/useStaffNames';
import { useEffect, useState } from 'react';
import type { ManagedSetupView, SyncException, SyncStatus } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useT, type T } from '../i18n/useT';
import { ManagedSettings } from './ManagedSettings';

const when = (iso: string) =>
  new Date(iso).toLocaleString('it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' });

/** What the counter has not sent yet, when it last synced, and what the hub refused and why. */
export function SyncScreen(props: {
  sync: SyncStatus | null;
  supervisor: boolean;
  /** what IT fixed on this workstation (managed configuration), shown locked */
  managed?: ManagedSetupView | null;
  onBack: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t } = useT();
  const [exceptions, setExceptions] = useState<SyncException[] | null>(null);
  const [comune, setComune] = useState<SyncException[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { onError, supervisor } = props;

  useEffect(() => {
    void api.sync.exceptions({}).then((r) => (r.ok ? setExceptions(r.value) : onError(r.error)));
  }, [onError, props.sync?.exceptions, props.sync?.quarantined]);

  useEffect(() => {
    if (!supervisor) return;
    void api.sync.comuneExceptions({}).then((r) => (r.ok ? setComune(r.value) : onError(r.error)));
  }, [onError, supervisor, props.sync?.lastSyncAt]);

  const syncNow = () => {
    setBusy(true);
    void api.sync.refresh({}).then(() => setBusy(false));
  };
  const s = props.sync;
  return (
    <section className="detail" aria-labelledby="sync-title">
      <div className="detail-head">
        <button type="button" className="btn btn-ghost" onClick={props.onBack} autoFocus>
          ← {t('syncBack')}
        </button>
        <h1 id="sync-title">{t('syncTitle')}</h1>
        <button
          type="button"
          className="btn btn-primary"
          onClick={syncNow}
          disabled={busy}
          data-testid="sync-now"
        >
          {t('syncNow')}
        </button>
      </div>
      {s && (
        <div className="card">
          <dl>
            <div className="kv">
              <dt>{t('syncStateLabel')}</dt>
              <dd data-testid="sync-online">{s.online ? t('syncOnline') : t('syncOffline')}</dd>
            </div>
            <div className="kv">
              <dt>{t('syncPendingLabel')}</dt>
              <dd data-testid="sync-pending">{s.pending}</dd>
            </div>
            <div className="kv">
              <dt>{t('syncLastLabel')}</dt>
              <dd>{s.lastSyncAt ? when(s.lastSyncAt) : '—'}</dd>
            </div>
            <div className="kv">
              <dt>{t('syncErrorLabel')}</dt>
              <dd>{s.error ?? '—'}</dd>
            </div>
          </dl>
        </div>
      )}
      <ManagedSettings managed={props.managed} />
      <h2 className="section-title">{t('exceptionsTitle')}</h2>
      <ExceptionTable rows={exceptions} testId="exceptions" />
      {supervisor && (
        <>
          <h2 className="section-title">{t('comuneExceptionsTitle')}</h2>
          <ExceptionTable rows={comune} testId="comune-exceptions" withWorkstation />
        </>
      )}
    </section>
  );
}

/** How long it has waited, in the unit a person reads at a glance. */
const age = (minutes: number, t: T): string =>
  minutes < 60
    ? t('ageMinutes', { count: minutes })
    : minutes < 48 * 60
      ? t('ageHours', { count: Math.floor(minutes / 60) })
      : t('ageDays', { count: Math.floor(minutes / 1440) });

function ExceptionTable(props: { rows: SyncException[] | null; testId: string; withWorkstation?: boolean }) {
  const { t } = useT();
  const nameOf = useStaffNames();
  if (!props.rows) return null;
  if (props.rows.length === 0) return <p className="muted">{t('noExceptions')}</p>;
  return (
    <table className="results" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{t('colWhen')}</th>
          {props.withWorkstation && <th>{t('colWorkstation')}</th>}
          <th>{t('colClerk')}</th>
          <th>{t('colWhat')}</th>
          <th>{t('colWhy')}</th>
          <th>{t('colKind')}</th>
          <th>{t('colAge')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((x) => (
          <tr
            key={`${x.workstation ?? ''}:${x.mutationId}`}
            data-testid="exception-row"
            data-source={x.source}
            data-kind={x.kind}
          >
            <td>{when(x.at)}</td>
            {props.withWorkstation && <td>{x.workstation}</td>}
            <td>{x.source === 'pull' ? t('fromHub') : nameOf(x.clerk)}</td>
            <td>{x.summary}</td>
            <td>{x.message}</td>
            <td>{x.kind === 'transient' ? t('kindTransient') : t('kindPermanent')}</td>
            <td>{age(x.ageMinutes, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
