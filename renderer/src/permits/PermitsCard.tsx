import { useCallback, useEffect, useState } from 'react';
import { can } from '../../../shared/auth/policy';
import type { PermitView } from '../../../shared/permits/permit-views';
import type { ResidentSlotProps } from '../services/screen-service';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { openPermitForm, PERMITS_CHANGED } from './permit-events';
import { PermitRows } from './PermitRows';

/** The person's and the household's permits on the resident's page. */
export function PermitsCard({ resident, session, onError }: ResidentSlotProps) {
  const { t } = useT();
  const [permits, setPermits] = useState<PermitView[] | null>(null);
  const load = useCallback(() => {
    void api.permits
      .forResident({ residentId: resident.id })
      .then((res) => (res.ok ? setPermits(res.value) : onError(res.error)));
  }, [resident.id, onError]);
  useEffect(() => {
    load();
    window.addEventListener(PERMITS_CHANGED, load);
    return () => window.removeEventListener(PERMITS_CHANGED, load);
  }, [load]);

  return (
    <div className="card" data-testid="permits-card">
      <h2>{t('permit.title')}</h2>
      {permits && permits.length === 0 && <p className="muted">{t('permit.card.empty')}</p>}
      {permits && permits.length > 0 && (
        <>
          <PermitRows
            permits={permits}
            mayRevoke={can(session.clerk.role, 'permits.revoke')}
            onRenew={(p) => openPermitForm({ renewsId: p.id })}
            onChanged={load}
            onError={onError}
          />
          <p className="muted small">{t('permit.card.keys')}</p>
        </>
      )}
    </div>
  );
}
