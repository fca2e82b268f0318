import { useEffect, useState } from 'react';
import { addDays } from '../../../shared/calendar/iso-date';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { ErrorData } from '../../../shared/errors/app-error';
import { cents } from '../../../shared/money/cents';
import { formatEuro } from '../../../shared/money/euro-format';
import type { PermitView } from '../../../shared/permits/permit-views';
import type { PermitStats } from '../../../shared/permits/street-wire';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { PermitRows } from './PermitRows';

/** Kind by kind over the period: the hub's rows summed across days. */
function byKind(
  stats: PermitStats,
): { kind: string; issued: number; renewed: number; revoked: number; revenueCents: number }[] {
  const sums = new Map<string, { issued: number; renewed: number; revoked: number; revenueCents: number }>();
  for (const r of stats.rows) {
    const s = sums.get(r.kind) ?? { issued: 0, renewed: 0, revoked: 0, revenueCents: 0 };
    s.issued += r.issued;
    s.renewed += r.renewed;
    s.revoked += r.revoked;
    s.revenueCents += r.revenueCents;
    sums.set(r.kind, s);
  }
  return [...sums.entries()].map(([kind, s]) => ({ kind, ...s })).sort((a, b) => b.issued - a.issued);
}

/**
 * For supervisors, in the permits area: the last 30 days' figures from the hub (online), and the
 * permits the registry's changes proposed for revocation (from the mirror, offline too).
 */
export function SupervisorPanel(props: {
  syncMark: string;
  onOpenResident: (id: string) => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  const { syncMark, onError } = props;
  const [stats, setStats] = useState<PermitStats | null>(null);
  const [statsError, setStatsError] = useState<string | null>(null);
  const [proposed, setProposed] = useState<PermitView[] | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const to = romeDateOf(new Date());
    void api.permits.stats({ from: addDays(to, -29), to }).then((res) => {
      if (res.ok) {
        setStats(res.value);
        setStatsError(null);
      } else setStatsError(res.error.message);
    });
    void api.permits
      .proposedRevocations({})
      .then((res) => (res.ok ? setProposed(res.value) : onError(res.error)));
  }, [syncMark, version, onError]);

  const euro = (c: number) => formatEuro(cents(c), locale);
  return (
    <div className="card" data-testid="permits-supervisor">
      <h2>{t('permit.stats.title')}</h2>
      {statsError && <p className="muted">{statsError}</p>}
      {stats && (
        <>
          <p data-testid="permit-stats-totals">
            {t('permit.stats.issued')}: <strong>{stats.totals.issued}</strong> · {t('permit.stats.renewed')}:{' '}
            <strong>{stats.totals.renewed}</strong> · {t('permit.stats.revoked')}:{' '}
            <strong>{stats.totals.revoked}</strong> · {t('permit.stats.revenue')}:{' '}
            <strong>{euro(stats.totals.revenueCents)}</strong> · {t('permit.stats.expiring')}:{' '}
            <strong>{stats.expiringIn30Days}</strong>
          </p>
          {stats.rows.length > 0 && (
            <table className="results compact">
              <thead>
                <tr>
                  <th>{t('permit.field.kind')}</th>
                  <th>{t('permit.stats.issued')}</th>
                  <th>{t('permit.stats.renewed')}</th>
                  <th>{t('permit.stats.revoked')}</th>
                  <th>{t('permit.stats.revenue')}</th>
                </tr>
              </thead>
              <tbody>
                {byKind(stats).map((k) => (
                  <tr key={k.kind}>
                    <td>{t(`permit.kind.${k.kind}` as Parameters<typeof t>[0])}</td>
                    <td>{k.issued}</td>
                    <td>{k.renewed}</td>
                    <td>{k.revoked}</td>
                    <td>{euro(k.revenueCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <h2>{t('permit.revocations.title')}</h2>
      {proposed && proposed.length === 0 && <p className="muted">{t('permit.revocations.none')}</p>}
      {proposed && proposed.length > 0 && (
        <PermitRows
          permits={proposed}
          mayRevoke
          onChanged={() => setVersion((v) => v + 1)}
          onError={onError}
          showHolder
          onOpenHolder={props.onOpenResident}
        />
      )}
    </div>
  );
}
