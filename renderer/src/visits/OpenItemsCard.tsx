import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OpenItemView, OpenItemsView } from '../../../shared/visits/open-items';
import type { BasketDone } from '../../../shared/contract/cashdesk-views';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { api } from '../api/client';
import { euro } from '../cashdesk/money';
import { useStartTask } from '../hooks/useStartTask';
import { useT } from '../i18n/useT';
import { openPermitForm, PERMITS_CHANGED } from '../permits/permit-events';
import type { ResidentSlotProps } from '../services/screen-service';
import { BasketForm } from './BasketForm';
import { BasketReceipt } from './BasketReceipt';

/** Opens the cases area (F7), where the clerk finds the case by its protocol. */
const openCases = () =>
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F7', bubbles: true, cancelable: true }));

/**
 * "One visit settles everything": what the resident's household still has open (notices,
 * canteen, fines on its plates, permits to renew, open cases), each with its key. Space selects
 * payable items, Enter on one takes them all in one payment with one receipt.
 */
export function OpenItemsCard({ resident, onError, startTask }: ResidentSlotProps) {
  const { t, locale } = useT();
  const [view, setView] = useState<OpenItemsView | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [paying, setPaying] = useState(false);
  const [receipt, setReceipt] = useState<BasketDone | null>(null);
  const residentId = resident.id;
  const card = useRef<HTMLDivElement>(null);
  // a called payment booking: the cash desk (F8) takes one notice, not a person, so the task is
  // this card, with the focus on its first item (Space selects, Enter pays)
  useStartTask(view ? startTask : undefined, 'open_items', () => {
    card.current?.scrollIntoView({ block: 'nearest' });
    (card.current?.querySelector<HTMLElement>('[data-testid="open-item-check"]') ?? card.current)?.focus();
  });

  const load = useCallback(() => {
    void api.visits.openItems({ residentId }).then((res) => {
      if (!res.ok) return onError(res.error);
      setView(res.value);
      setSelected((s) => new Set([...s].filter((id) => res.value.items.some((i) => i.id === id))));
    });
  }, [residentId, onError]);
  useEffect(load, [load]);
  useEffect(() => {
    window.addEventListener(PERMITS_CHANGED, load);
    return () => window.removeEventListener(PERMITS_CHANGED, load);
  }, [load]);

  if (!view) return null;
  const payable = (i: OpenItemView) => i.debt !== null && i.amountCents !== null;
  const chosen = view.items.filter((i) => selected.has(i.id) && payable(i));
  const chosenCents = chosen.reduce((sum, i) => sum + (i.amountCents ?? 0), 0);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const onCheckKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (chosen.length > 0) setPaying(true);
  };

  return (
    <div
      ref={card}
      tabIndex={-1}
      className="card dash-wide"
      data-testid="open-items"
      aria-labelledby="open-items-title"
    >
      <h2 id="open-items-title">{t('visits.openItems.title')}</h2>
      {view.items.length === 0 ? (
        <p className="muted" data-testid="open-items-none">
          {t('visits.openItems.none')}
        </p>
      ) : (
        <>
          <p className="muted small">{t('visits.openItems.hint')}</p>
          <table className="results compact">
            <thead>
              <tr>
                <th>{t('visits.openItems.select')}</th>
                <th>{t('visits.openItems.what')}</th>
                <th>{t('visits.openItems.person')}</th>
                <th>{t('visits.openItems.date')}</th>
                <th>{t('visits.openItems.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((i) => (
                <tr
                  key={i.id}
                  data-testid="open-item"
                  data-kind={i.kind}
                  data-id={i.id}
                  className={selected.has(i.id) ? 'selected' : undefined}
                >
                  <td>
                    {payable(i) ? (
                      <input
                        type="checkbox"
                        checked={selected.has(i.id)}
                        onChange={() => toggle(i.id)}
                        onKeyDown={onCheckKey}
                        aria-label={`${t('visits.openItems.select')}: ${i.title}`}
                        data-testid="open-item-check"
                      />
                    ) : i.permitId ? (
                      <button
                        type="button"
                        className="btn btn-ghost"
                        onClick={() => openPermitForm({ renewsId: i.permitId ?? undefined })}
                        data-testid="open-item-renew"
                      >
                        {t('visits.openItems.renew')}
                      </button>
                    ) : i.caseId ? (
                      <button
                        type="button"
                        className="btn btn-ghost"
                        onClick={openCases}
                        data-testid="open-item-case"
                      >
                        {t('visits.openItems.openCase')}
                      </button>
                    ) : null}
                  </td>
                  <td>
                    <span className="strong">{t(`visits.kind.${i.kind}`)}</span> {i.title}
                    {i.notPayable && <span className="muted small"> · {i.notPayable}</span>}
                  </td>
                  <td>{i.personName}</td>
                  <td>{i.date ? formatDate(i.date) : ''}</td>
                  <td data-testid="open-item-amount">
                    {i.amountCents !== null ? euro(i.amountCents, locale) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small" data-testid="open-items-payable">
            {t('visits.openItems.payable', { amount: euro(view.payableCents, locale) })}
          </p>
          {chosen.length > 0 && !paying && (
            <p>
              <span data-testid="open-items-selected">
                {t('visits.openItems.selected', { count: chosen.length, amount: euro(chosenCents, locale) })}
              </span>{' '}
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => setPaying(true)}
                data-testid="open-items-pay"
              >
                {t('visits.openItems.paySelected')}
              </button>
            </p>
          )}
        </>
      )}
      {paying && (
        <BasketForm
          items={chosen}
          totalCents={chosenCents}
          onCancel={() => setPaying(false)}
          onPaid={(done) => {
            setPaying(false);
            setSelected(new Set());
            setReceipt(done);
            load();
          }}
        />
      )}
      {receipt && <BasketReceipt receipt={receipt} />}
    </div>
  );
}
