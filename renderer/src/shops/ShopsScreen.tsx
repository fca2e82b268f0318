import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { can } from '../../../shared/auth/policy';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { ShopEventType } from '../../../shared/shops/shop-events';
import type { ShopView } from '../../../shared/shops/shop-views';
import type { AreaProps } from '../services/screen-service';
import { moveSelection } from '../commands/commands';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { eventsFor } from './shop-events';
import { SciaChecksPanel } from './SciaChecksPanel';
import { ShopForm } from './ShopForm';

type View =
  | { step: 'register' }
  | { step: 'detail'; shop: ShopView }
  | { step: 'form'; shop: ShopView | null; event: ShopEventType };

/**
 * The shops area (F12): the register of the comune's shops from the counter's mirror (offline
 * too), searched by sign, company, VAT number or street; a shop's page with its history and the
 * events it may file; the filing form; for supervisors, the SCIA checks due.
 */
export function ShopsScreen({ session, syncMark, onError }: AreaProps) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ShopView['status'] | ''>('');
  const [shops, setShops] = useState<ShopView[] | null>(null);
  const [cursor, setCursor] = useState(0);
  const [view, setView] = useState<View>({ step: 'register' });
  const searchRef = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    void api.shops
      .register({ query, status: status === '' ? null : status })
      .then((res) => (res.ok ? setShops(res.value) : onError(res.error)));
  }, [query, status, onError]);
  useEffect(load, [load, syncMark, view.step]);

  const backToRegister = () => {
    setView({ step: 'register' });
    setTimeout(() => searchRef.current?.focus(), 0);
  };

  const onSearchKeys = (e: KeyboardEvent<HTMLInputElement>) => {
    const list = shops ?? [];
    if (e.key === 'Enter') {
      e.preventDefault();
      const shop = list[cursor];
      if (shop) setView({ step: 'detail', shop });
    } else if (['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp'].includes(e.key)) {
      e.preventDefault();
      setCursor((c) => moveSelection(c, e.key, list.length));
    }
  };
  const onAreaKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'F3' && view.step === 'register') {
      e.preventDefault();
      setView({ step: 'form', shop: null, event: 'apertura' });
    }
  };

  return (
    <section aria-labelledby="shops-title" data-testid="shops-screen" onKeyDown={onAreaKeys}>
      <h1 id="shops-title">{t('shop.title')}</h1>
      {view.step === 'form' && (
        <ShopForm
          shop={view.shop}
          event={view.event}
          syncMark={syncMark}
          onClose={backToRegister}
          onError={onError}
        />
      )}
      {view.step === 'detail' && (
        <ShopDetail
          shop={view.shop}
          onPick={(event) => setView({ step: 'form', shop: view.shop, event })}
          onBack={backToRegister}
        />
      )}
      {view.step === 'register' && (
        <div className="card">
          <h2>{t('shop.register.title')}</h2>
          <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'flex-end' }}>
            <label className="field field-search" style={{ flex: '3 1 20rem' }}>
              <span>{t('shop.register.search')}</span>
              <input
                ref={searchRef}
                autoFocus
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setCursor(0);
                }}
                onKeyDown={onSearchKeys}
                autoComplete="off"
                spellCheck={false}
                data-testid="shop-search"
              />
            </label>
            <label className="field">
              <span>{t('shop.field.status')}</span>
              <select
                value={status}
                onChange={(e) => {
                  setStatus(e.target.value as ShopView['status'] | '');
                  setCursor(0);
                }}
                data-testid="shop-status-filter"
              >
                <option value="">{t('shop.register.allStatuses')}</option>
                {(['active', 'suspended', 'closed', 'prohibited'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`shop.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setView({ step: 'form', shop: null, event: 'apertura' })}
              data-testid="shop-new"
            >
              {t('shop.new')}
            </button>
          </div>
          <p className="muted small">{t('shop.register.help')}</p>
          {shops && shops.length === 0 && <p className="muted">{t('shop.register.none')}</p>}
          {shops && shops.length > 0 && (
            <>
              <p className="muted small">{t('shop.register.count', { count: shops.length })}</p>
              <table className="results compact">
                <thead>
                  <tr>
                    <th>{t('shop.field.signName')}</th>
                    <th>{t('shop.field.company')}</th>
                    <th>{t('shop.field.partitaIva')}</th>
                    <th>{t('shop.field.address')}</th>
                    <th>{t('shop.field.sector')}</th>
                    <th>{t('shop.field.salesArea')}</th>
                    <th>{t('shop.field.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shops.map((s, i) => (
                    <tr
                      key={s.id}
                      className={i === cursor ? 'selected' : undefined}
                      aria-selected={i === cursor}
                      onClick={() => setView({ step: 'detail', shop: s })}
                      data-testid="shop-row"
                      data-status={s.status}
                    >
                      <td>{s.signName}</td>
                      <td>{s.company.name}</td>
                      <td className="mono small">{s.company.partitaIva}</td>
                      <td>{s.address}</td>
                      <td>{t(`shop.sector.${s.sector}`)}</td>
                      <td>{s.salesAreaM2}</td>
                      <td data-testid="shop-row-status">
                        {t(`shop.status.${s.status}`)}
                        {s.pending && <span className="muted small"> ({t('shop.pending')})</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
      {view.step === 'register' && can(session.clerk.role, 'shops.sciaOutcome') && (
        <SciaChecksPanel syncMark={syncMark} onError={onError} onChanged={load} />
      )}
    </section>
  );
}

/** One shop: its data and history, and the events it may file (type to filter, Enter to choose). */
function ShopDetail(props: { shop: ShopView; onPick: (e: ShopEventType) => void; onBack: () => void }) {
  const { t } = useT();
  const { shop, onPick, onBack } = props;
  const [filter, setFilter] = useState('');
  const [cursor, setCursor] = useState(0);
  const events = eventsFor(shop.status).filter((e) =>
    t(`shop.event.${e}`).toLowerCase().includes(filter.trim().toLowerCase()),
  );
  const onKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onBack();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const picked = events[Math.min(cursor, events.length - 1)];
      if (picked) onPick(picked);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setCursor((c) => moveSelection(c, e.key, events.length));
    }
  };
  return (
    <div className="card" onKeyDown={onKeys} data-testid="shop-detail">
      <h2 data-testid="shop-detail-name">{shop.signName}</h2>
      <dl>
        <div className="kv">
          <dt>{t('shop.field.company')}</dt>
          <dd>
            {shop.company.name} · P.IVA {shop.company.partitaIva}
            {shop.company.rea ? ` · REA ${shop.company.rea}` : ''}
          </dd>
        </div>
        <div className="kv">
          <dt>{t('shop.field.address')}</dt>
          <dd>{shop.address}</dd>
        </div>
        <div className="kv">
          <dt>{t('shop.field.salesArea')}</dt>
          <dd>
            {shop.salesAreaM2} / {shop.totalAreaM2} · {t(`shop.sector.${shop.sector}`)}
          </dd>
        </div>
        <div className="kv">
          <dt>{t('shop.field.status')}</dt>
          <dd data-testid="shop-detail-status">{t(`shop.status.${shop.status}`)}</dd>
        </div>
        <div className="kv">
          <dt>{t('shop.field.openedOn')}</dt>
          <dd>{formatDate(shop.openedOn)}</dd>
        </div>
      </dl>
      <h3>{t('shop.field.history')}</h3>
      <ul className="small">
        {shop.history.map((h) => (
          <li key={h.filingId}>
            {formatDate(h.effectiveDate)} · {t(`shop.event.${h.event}`)} · {h.note}
          </li>
        ))}
      </ul>
      <h3>{t('shop.fileEvent')}</h3>
      {events.length === 0 && filter === '' ? (
        <p className="muted">{t('shop.detail.noEvents')}</p>
      ) : (
        <>
          <label className="field">
            <span>{t('shop.detail.eventFilter')}</span>
            <input
              autoFocus
              value={filter}
              onChange={(e) => {
                setFilter(e.target.value);
                setCursor(0);
              }}
              data-testid="shop-event-filter"
            />
          </label>
          <ul role="listbox">
            {events.map((e, i) => (
              <li
                key={e}
                role="option"
                aria-selected={i === cursor}
                className={i === cursor ? 'selected' : undefined}
                style={{
                  padding: '0.3rem 0.6rem',
                  cursor: 'pointer',
                  background: i === cursor ? '#dbe6f5' : undefined,
                }}
                onClick={() => onPick(e)}
                data-testid="shop-event-option"
              >
                {t(`shop.event.${e}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">{t('shop.detail.back')}</p>
    </div>
  );
}
