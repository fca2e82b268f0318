import { useEffect, useState, type FormEvent } from 'react';
import { CHANNEL_LABELS } from '../../../shared/cashdesk/cashdesk-messages';
import { BASKET_CHANNELS } from '../../../shared/cashdesk/wire';
import type { BasketDone, CounterSessionView } from '../../../shared/contract/cashdesk-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import type { OpenItemView } from '../../../shared/visits/open-items';
import { api } from '../api/client';
import { euro, typedCents } from '../cashdesk/money';
import { useT } from '../i18n/useT';

/** One payment for the selected items: card (the POS slip's transaction id) or cash (the change). */
export function BasketForm(props: {
  items: OpenItemView[];
  totalCents: number;
  onCancel: () => void;
  onPaid: (done: BasketDone) => void;
}) {
  const { t, locale } = useT();
  const [till, setTill] = useState<CounterSessionView | null | undefined>(undefined);
  const [channel, setChannel] = useState<(typeof BASKET_CHANNELS)[number]>('pos');
  const [psp, setPsp] = useState('');
  const [tendered, setTendered] = useState('');
  const [error, setError] = useState<ErrorData | null>(null);
  const tenderedCents = typedCents(tendered, locale);
  useEffect(() => {
    void api.cashdesk.current({}).then((res) => setTill(res.ok ? res.value : null));
  }, []);

  const pay = (e: FormEvent) => {
    e.preventDefault();
    void api.cashdesk
      .payMany({
        debts: props.items.flatMap((i) => (i.debt ? [i.debt] : [])),
        channel,
        pspTransactionId: channel === 'pos' ? psp : null,
        tenderedCents: channel === 'cash' ? tenderedCents : null,
      })
      .then((res) => (res.ok ? props.onPaid(res.value) : setError(res.error)));
  };

  if (till === undefined) return null;
  if (till === null || till.status !== 'open') {
    return (
      <div className="alert alert-warning" role="alert" data-testid="basket-no-till">
        {t('visits.basket.noTill')}{' '}
        <button type="button" className="btn btn-ghost" autoFocus onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    );
  }
  return (
    <form
      onSubmit={pay}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
      className="pay-form"
      data-testid="basket-form"
      aria-labelledby="basket-title"
    >
      <h3 id="basket-title">{t('visits.basket.title')}</h3>
      <ul className="fee-lines">
        {props.items.map((i) => (
          <li key={i.id}>
            {i.title}: {euro(i.amountCents ?? 0, locale)}
          </li>
        ))}
      </ul>
      <fieldset>
        <legend>{t('channel')}</legend>
        {BASKET_CHANNELS.filter((c) => c !== 'cash' || till.cashEnabled).map((c) => (
          <label key={c} className="check">
            <input
              type="radio"
              name="basket-channel"
              checked={channel === c}
              onChange={() => setChannel(c)}
              data-testid={`basket-channel-${c}`}
            />{' '}
            {CHANNEL_LABELS[c][locale]}
          </label>
        ))}
      </fieldset>
      {channel === 'pos' && (
        <label className="field">
          <span>{t('pspId')}</span>
          <input
            autoFocus
            className="mono"
            value={psp}
            onChange={(e) => setPsp(e.target.value)}
            data-testid="basket-psp"
          />
        </label>
      )}
      {channel === 'cash' && (
        <label className="field">
          <span>{t('tendered')}</span>
          <input
            autoFocus
            value={tendered}
            onChange={(e) => setTendered(e.target.value)}
            inputMode="decimal"
            data-testid="basket-tendered"
          />
          {tenderedCents !== null && tenderedCents >= props.totalCents && (
            <span>{t('change', { amount: euro(tenderedCents - props.totalCents, locale) })}</span>
          )}
        </label>
      )}
      {error && (
        <div className="alert alert-error" role="alert" data-testid="basket-error">
          {error.message}
        </div>
      )}
      <button type="submit" className="btn btn-primary" data-testid="basket-confirm">
        {t('visits.basket.confirm', { amount: euro(props.totalCents, locale) })}
      </button>{' '}
      <button type="button" className="btn btn-ghost" onClick={props.onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}
