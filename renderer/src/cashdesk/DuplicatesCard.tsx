import { useState, type FormEvent } from 'react';
import type { CounterSessionView, PaymentView } from '../../../shared/contract/cashdesk-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { euro } from './money';

/** Second payments of a debt, with the refund the hub proposes; a supervisor approves it here. */
export function DuplicatesCard(props: { items: PaymentView[]; onRefunded: (s: CounterSessionView) => void }) {
  const { t, locale } = useT();
  const [open, setOpen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorData | null>(null);
  if (props.items.length === 0) return null;
  const refund = (e: FormEvent, p: PaymentView) => {
    e.preventDefault();
    void api.cashdesk
      .reverse({
        paymentId: p.id,
        kind: 'refund',
        amountCents: p.refundProposal?.amountCents ?? p.amountCents - p.reversedCents,
        refundMethod: (p.refundProposal?.method as 'pos' | 'cash' | 'bank_transfer' | undefined) ?? null,
        reason,
        approver: { username: user, password },
      })
      .then((res) => {
        if (!res.ok) return setError(res.error);
        setOpen(null);
        setError(null);
        props.onRefunded(res.value);
      });
  };
  return (
    <div className="card duplicates" data-testid="duplicates">
      <h2>{t('duplicatesTitle')}</h2>
      <ul>
        {props.items.map((p) => (
          <li key={p.id} data-testid="duplicate">
            <strong>{p.receiptNumber}</strong> ({p.workstation}) – {euro(p.amountCents, locale)}
            <div className="small">{p.refundProposal?.reason}</div>
            {p.hasReceipt && open !== p.id && (
              <button type="button" className="btn btn-ghost" onClick={() => setOpen(p.id)}>
                {t('refund')}
              </button>
            )}
            {open === p.id && (
              <form onSubmit={(e) => refund(e, p)}>
                <label className="field">
                  <span>{t('refundReason')}</span>
                  <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />
                </label>
                <label className="field inline">
                  <span>{t('supervisorUser')}</span>
                  <input value={user} onChange={(e) => setUser(e.target.value)} />
                </label>{' '}
                <label className="field inline">
                  <span>{t('supervisorPassword')}</span>
                  <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
                </label>{' '}
                <button type="submit" className="btn btn-primary">
                  {t('confirmRefund')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <div className="alert alert-error" role="alert">
          {error.message}
        </div>
      )}
    </div>
  );
}
