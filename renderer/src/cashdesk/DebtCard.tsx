import { useState, type FormEvent } from 'react';
import {
  CHANNEL_LABELS,
  PAYMENT_CHANNELS,
  type PaymentChannel,
} from '../../../shared/cashdesk/cashdesk-messages';
import type { DebtView, PaymentDone } from '../../../shared/contract/cashdesk-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { api } from '../api/client';
import { openBase64 } from '../documents/pdf-blob';
import { useT } from '../i18n/useT';
import { euro, typedCents } from './money';

/** One fine or notice: the amount due today with its next threshold, and taking the payment. */
export function DebtCard(props: {
  debt: DebtView;
  cashEnabled: boolean;
  canPay: boolean;
  autoFocusPay: boolean;
  onPaid: (p: PaymentDone) => void;
}) {
  const { t, locale } = useT();
  const d = props.debt;
  const [paying, setPaying] = useState(false);
  const [channel, setChannel] = useState<PaymentChannel>('pos');
  const [psp, setPsp] = useState('');
  const [tendered, setTendered] = useState('');
  const [error, setError] = useState<ErrorData | null>(null);
  const [printing, setPrinting] = useState(false);
  const [avvisoError, setAvvisoError] = useState<ErrorData | null>(null);
  const tenderedCents = typedCents(tendered, locale);
  const due = d.amountDueCents;

  const pay = (e: FormEvent) => {
    e.preventDefault();
    void api.cashdesk
      .pay({
        debt: { kind: d.kind, key: d.key },
        channel,
        pspTransactionId: channel === 'pos' ? psp : null,
        tenderedCents: channel === 'cash' ? tenderedCents : null,
        noticeNumber: channel === 'pagopa_notice' ? d.noticeNumber : null,
      })
      .then((res) => {
        if (!res.ok) return setError(res.error);
        setPaying(false);
        props.onPaid(res.value);
      });
  };

  // the hub prints the notice from its own position: the citizen takes it to any pagoPA channel
  const printAvviso = () => {
    setPrinting(true);
    void api.cashdesk.avviso({ noticeNumber: d.noticeNumber }).then((res) => {
      setPrinting(false);
      if (!res.ok) return setAvvisoError(res.error);
      setAvvisoError(null);
      openBase64(res.value.pdfBase64, 'application/pdf');
    });
  };

  return (
    <div className="card debt" data-testid="debt" data-key={d.key} data-status={d.status}>
      <div className="debt-head">
        <h2>{d.title}</h2>
        <span className={`badge ${d.status === 'paid' ? 'badge-cert-valid' : 'badge-cert-expired'}`}>
          {d.status === 'paid'
            ? t('paidWith', { receipt: d.paidReceipt ?? '' })
            : d.kind === 'fine'
              ? d.plate
              : formatDate(d.dueDate ?? '')}
        </span>
      </div>
      <p className="muted small mono">pagoPA {d.noticeNumber}</p>
      {d.violationDate && (
        <p className="small">
          {formatDate(d.violationDate)}
          {d.due && ` · ${t('notifiedOn', { date: formatDate(d.due.notifiedOn) })}`}
          {d.licencePoints > 0 && ` · ${t('points', { n: d.licencePoints })}`}
        </p>
      )}
      {due !== null && (
        <p className="amount-due">
          {t('amountDue')}: <strong data-testid="amount-due">{euro(due, locale)}</strong>
        </p>
      )}
      {d.due && (
        <>
          <p className="strong" data-testid="due-summary">
            {d.due.summary}
          </p>
          {d.due.noReduction && <p className="muted small">{d.due.noReduction}</p>}
          {d.due.provisional && <p className="muted small">{t('provisional')}</p>}
          <details>
            <summary>{t('scheduleTitle')}</summary>
            <ul className="fee-lines">
              {d.due.schedule.map((w) => (
                <li key={w.phase}>
                  {w.phase}: {euro(w.totalCents, locale)}
                  {w.until ? ` (${t('scheduleUntil', { date: formatDate(w.until) })})` : ''}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
      {d.driverIdentificationBy && (
        <p className="small" data-testid="driver-due">
          {t('driverDue', { date: formatDate(d.driverIdentificationBy) })}
        </p>
      )}
      {d.notPayable && (
        <p className="alert alert-warning" data-testid="not-payable">
          {d.notPayable}
        </p>
      )}
      {d.payments.length > 0 && (
        <ul className="small">
          {d.payments.map((p) => (
            <li key={p.id}>
              {p.receiptNumber} · {euro(p.amountCents, locale)} · {CHANNEL_LABELS[p.channel][locale]} ·{' '}
              {p.workstation}
              {p.status === 'pending' && ` · ${t('paymentPending')}`}
              {p.status === 'duplicate' && ` · ${t('paymentDuplicate')}`}
            </li>
          ))}
        </ul>
      )}
      {d.status !== 'paid' && (
        <button
          type="button"
          className="btn btn-ghost"
          disabled={printing}
          onClick={printAvviso}
          data-testid="print-avviso"
        >
          {t('printAvviso')}
        </button>
      )}
      {avvisoError && (
        <div className="alert alert-error" role="alert" data-testid="avviso-error">
          {avvisoError.message}
        </div>
      )}
      {due !== null && props.canPay && !paying && (
        <button
          type="button"
          className="btn btn-primary"
          autoFocus={props.autoFocusPay}
          onClick={() => setPaying(true)}
          data-testid="pay"
        >
          {t('payButton')} {euro(due, locale)}
        </button>
      )}
      {due !== null && paying && (
        <form onSubmit={pay} className="pay-form" data-testid="pay-form">
          <fieldset>
            <legend>{t('channel')}</legend>
            {PAYMENT_CHANNELS.filter((c) => c !== 'cash' || props.cashEnabled).map((c) => (
              <label key={c} className="check">
                <input
                  type="radio"
                  name={`channel-${d.key}`}
                  checked={channel === c}
                  onChange={() => setChannel(c)}
                  data-testid={`channel-${c}`}
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
                data-testid="psp-id"
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
                data-testid="tendered"
              />
              {tenderedCents !== null && tenderedCents >= due && (
                <span>{t('change', { amount: euro(tenderedCents - due, locale) })}</span>
              )}
            </label>
          )}
          {error && (
            <div className="alert alert-error" role="alert" data-testid="pay-error">
              {error.message}
            </div>
          )}
          <button type="submit" className="btn btn-primary" data-testid="confirm-pay">
            {t('confirmPay', { amount: euro(due, locale) })}
          </button>{' '}
          <button type="button" className="btn btn-ghost" onClick={() => setPaying(false)}>
            {t('cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
