import { useCallback, useEffect, useRef, useState } from 'react';
import { can } from '../../../shared/auth/policy';
import { CANONE_LIST_FILTERS } from '../../../shared/canone/canone-calls';
import type { ActiveStreetView, CanoneApplicationView } from '../../../shared/canone/canone-views';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { AreaProps } from '../services/screen-service';
import { api } from '../api/client';
import { euro } from '../cashdesk/money';
import { useT } from '../i18n/useT';
import { ApplicationDetail } from './ApplicationDetail';
import { CanoneForm } from './CanoneForm';
import { DateInput } from '../components/DateInput';

type Filter = (typeof CANONE_LIST_FILTERS)[number];

/**
 * The canone area (F11): "Nuova domanda" focused on arrival (Enter opens the form), the
 * occupations in force on a day listed by street (a list, not a map: the counter works offline
 * and has no map library), and the applications by status. Enter on a row opens it.
 */
export function CanoneScreen({ session, syncMark, onError }: AreaProps) {
  const { t, locale } = useT();
  const [day, setDay] = useState('');
  const [active, setActive] = useState<ActiveStreetView[] | null>(null);
  const [filter, setFilter] = useState<Filter>('submitted');
  const [list, setList] = useState<CanoneApplicationView[] | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [open, setOpen] = useState<{ id: string; filed: boolean } | null>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  /** back from the form or an application: the focus returns to "Nuova domanda" (Enter: the next one) */
  const refocus = () => setTimeout(() => newRef.current?.focus(), 0);

  useEffect(() => {
    void api.canone.options({}).then((res) => {
      if (res.ok) setDay((d) => d || res.value.today);
    });
  }, []);
  const loadActive = useCallback(() => {
    if (day === '') return;
    void api.canone.active({ day }).then((res) => (res.ok ? setActive(res.value) : onError(res.error)));
  }, [day, onError]);
  useEffect(loadActive, [loadActive, syncMark]);
  const loadList = useCallback(() => {
    void api.canone
      .list({ status: filter })
      .then((res) => (res.ok ? setList(res.value) : onError(res.error)));
  }, [filter, onError]);
  useEffect(loadList, [loadList, syncMark]);

  const closeAll = () => {
    setOpen(null);
    setFormOpen(false);
    loadList();
    loadActive();
    refocus();
  };

  return (
    <section aria-labelledby="canone-title" data-testid="canone-screen">
      <h1 id="canone-title">{t('canone.title')}</h1>
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          ref={newRef}
          autoFocus
          onClick={() => setFormOpen(true)}
          data-testid="canone-new"
        >
          {t('canone.new')}
        </button>
      </div>
      <div className="card" data-testid="canone-active">
        <h2>{t('canone.tab.active')}</h2>
        <label className="field inline">
          <span>{t('canone.active.day')}</span>
          <DateInput value={day} onChange={(value) => setDay(value)} data-testid="canone-active-day" />
        </label>
        <p className="muted small">{t('canone.active.note')}</p>
        {active && active.length === 0 && day !== '' && (
          <p className="muted">{t('canone.active.none', { day: formatDate(day) })}</p>
        )}
        {active?.map((s) => (
          <div key={s.street} data-testid="canone-active-street">
            <h3 style={{ margin: '0.6rem 0 0.2rem' }}>
              {s.totalM2 > 0
                ? t('canone.active.street', { street: s.street, zone: s.zone, m2: s.totalM2 })
                : t('canone.active.streetNoArea', { street: s.street, zone: s.zone })}
            </h3>
            <table className="results compact">
              <tbody>
                {s.occupations.map((o) => (
                  <tr
                    key={o.applicationId}
                    tabIndex={0}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') setOpen({ id: o.applicationId, filed: false });
                    }}
                    onClick={() => setOpen({ id: o.applicationId, filed: false })}
                    data-testid="canone-active-row"
                  >
                    <td className="mono">{o.civic}</td>
                    <td>{o.categoryLabel}</td>
                    <td>
                      {o.measure} {o.unit === 'm2' ? 'm²' : 'ml'}
                    </td>
                    <td>{o.holder}</td>
                    <td>
                      {o.end ? `${formatDate(o.start)} – ${formatDate(o.end)}` : `dal ${formatDate(o.start)}`}
                    </td>
                    <td className={o.concessionNumber ? 'mono small' : 'small'}>
                      {o.concessionNumber ?? t(`canone.status.${o.status}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
      <div className="card" data-testid="canone-applications">
        <h2>{t('canone.tab.applications')}</h2>
        <label className="field inline">
          <span>{t('canone.list.filter')}</span>
          <select
            value={filter}
            onChange={(e) => setFilter(e.target.value as Filter)}
            data-testid="canone-filter"
          >
            {CANONE_LIST_FILTERS.map((f) => (
              <option key={f} value={f}>
                {f === 'all' ? t('canone.list.all') : t(`canone.status.${f}`)}
              </option>
            ))}
          </select>
        </label>
        {list && list.length === 0 && <p className="muted">{t('canone.list.none')}</p>}
        {list && list.length > 0 && (
          <table className="results compact">
            <thead>
              <tr>
                <th>{t('canone.field.protocol')}</th>
                <th>{t('canone.field.applicant')}</th>
                <th>{t('canone.field.category')}</th>
                <th>{t('canone.field.address')}</th>
                <th>{t('canone.field.period')}</th>
                <th>{t('canone.field.fee')}</th>
                <th>{t('canone.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr
                  key={a.id}
                  tabIndex={0}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') setOpen({ id: a.id, filed: false });
                  }}
                  onClick={() => setOpen({ id: a.id, filed: false })}
                  data-testid="canone-row"
                  data-status={a.status}
                >
                  <td className="mono small">{a.protocol ?? '—'}</td>
                  <td>{a.applicantLabel}</td>
                  <td>{a.categoryLabel}</td>
                  <td>{a.address}</td>
                  <td>
                    {a.end ? `${formatDate(a.start)} – ${formatDate(a.end)}` : `dal ${formatDate(a.start)}`}
                  </td>
                  <td className="mono">{euro(a.fee.totalCents, locale)}</td>
                  <td>
                    {a.statusLabel}
                    {a.concession && <span className="mono small"> {a.concession.number}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {formOpen && (
        <CanoneForm
          onClose={() => {
            setFormOpen(false);
            refocus();
          }}
          onFiled={(a) => {
            setFormOpen(false);
            setOpen({ id: a.id, filed: true });
          }}
          onError={onError}
        />
      )}
      {open && (
        <ApplicationDetail
          applicationId={open.id}
          filed={open.filed}
          mayRevoke={can(session.clerk.role, 'canone.revoke')}
          syncMark={syncMark}
          onClose={closeAll}
          onError={onError}
        />
      )}
    </section>
  );
}
