import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { CHANNEL_LABELS } from '../../../shared/cashdesk/cashdesk-messages';
import type {
  CounterSessionView,
  DebtLookup,
  PaymentDone,
  PaymentView,
} from '../../../shared/contract/cashdesk-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { printPdf, useObjectUrl } from '../documents/pdf-blob';
import { useT } from '../i18n/useT';
import { DebtCard } from './DebtCard';
import { DuplicatesCard } from './DuplicatesCard';
import { euro } from './money';
import { takeNoticeForCashdesk } from './pay-at-cashdesk';
import { SessionBar } from './SessionBar';

/** Fines, pagoPA notices and the cash desk (F8): one box a barcode reader can type into. */
export function CashdeskScreen(props: { onError: (e: ErrorData) => void }) {
  const { t, locale } = useT();
  const { onError } = props;
  // undefined until the desk has said: the bar must not offer to open a day already open
  const [session, setSession] = useState<CounterSessionView | null | undefined>(undefined);
  // a notice another screen sent here (school account: "Paga alla cassa") is looked up at once
  const [handed] = useState(takeNoticeForCashdesk);
  const [query, setQuery] = useState(handed ?? '');
  const [answer, setAnswer] = useState<{ query: string; lookup: DebtLookup } | null>(null);
  const asked = useRef(0);
  // Debts are shown (and payable with Enter) only for the code now in the box: an older lookup
  // answering late, or a box edited since, must never put someone else's notice under Pay.
  const result = answer && answer.query === query ? answer.lookup : null;
  const [receipt, setReceipt] = useState<PaymentDone | null>(null);
  const [duplicates, setDuplicates] = useState<PaymentView[]>([]);

  const refresh = useCallback(() => {
    void api.cashdesk.current({}).then((res) => (res.ok ? setSession(res.value) : onError(res.error)));
    void api.cashdesk.duplicates({}).then((res) => res.ok && setDuplicates(res.value));
  }, [onError]);
  useEffect(refresh, [refresh]);

  const search = (text: string) => {
    const ticket = ++asked.current;
    void api.fines.lookup({ query: text }).then((res) => {
      if (ticket !== asked.current) return;
      if (res.ok) setAnswer({ query: text, lookup: res.value });
      else onError(res.error);
    });
  };
  useEffect(() => {
    if (handed) search(handed);
    // once, for the number handed over
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setReceipt(null);
    search(query);
  };
  const paid = (p: PaymentDone) => {
    setReceipt(p);
    search(query);
    refresh();
  };

  return (
    <section className="cashdesk" aria-labelledby="cashdesk-title">
      <h1 id="cashdesk-title">{t('cashdeskTitle')}</h1>
      <SessionBar session={session} onChange={setSession} />
      <form onSubmit={submit} className="field field-search">
        <label htmlFor="debt-query">{t('lookupLabel')}</label>
        <input
          id="debt-query"
          autoFocus
          value={query}
          placeholder={t('lookupPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="debt-query"
          autoComplete="off"
          spellCheck={false}
        />
      </form>
      {receipt && <ReceiptCard receipt={receipt} />}
      {result && result.kind !== 'results' && (
        <div
          className={`alert ${result.kind === 'invalid' ? 'alert-error' : 'alert-warning'}`}
          role="alert"
          data-testid="lookup-message"
        >
          {result.message}
        </div>
      )}
      {result?.kind === 'results' &&
        result.debts.map((d, i) => (
          <DebtCard
            key={d.key}
            debt={d}
            cashEnabled={session?.cashEnabled ?? false}
            canPay={session?.status === 'open'}
            autoFocusPay={i === 0 && !receipt}
            onPaid={paid}
          />
        ))}
      <DuplicatesCard items={duplicates} onRefunded={(s) => (setSession(s), refresh())} />
      {session && session.entries.length > 0 && (
        <div className="card">
          <h2>{t('entriesTitle')}</h2>
          <table className="results compact" data-testid="entries">
            <tbody>
              {session.entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.at.slice(11, 16)}</td>
                  <td className="mono">{e.receiptNumber}</td>
                  <td>{e.debtKey}</td>
                  <td>{CHANNEL_LABELS[e.channel][locale]}</td>
                  <td>
                    {e.kind === 'payment' ? '' : '−'}
                    {euro(e.amountCents, locale)}
                  </td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The payment just taken: what was paid, the change, and its receipt to print or save. */
function ReceiptCard({ receipt }: { receipt: PaymentDone }) {
  const { t, locale } = useT();
  const url = useObjectUrl(receipt.pdfBase64, 'application/pdf');
  return (
    <div className="card issued" data-testid="receipt">
      <h2 data-testid="receipt-title">{t('receiptTitle', { number: receipt.payment.receiptNumber })}</h2>
      <ul className="fee-lines">
        {receipt.breakdown.map((l) => (
          <li key={l}>{l}</li>
        ))}
        <li>
          {CHANNEL_LABELS[receipt.payment.channel][locale]}: {euro(receipt.payment.amountCents, locale)}
        </li>
        {receipt.changeCents !== null && (
          <li>{t('change', { amount: euro(receipt.changeCents, locale) })}</li>
        )}
      </ul>
      <button
        type="button"
        className="btn btn-primary"
        autoFocus
        onClick={() => printPdf(url)}
        data-testid="print-receipt"
      >
        {t('printReceipt')}
      </button>{' '}
      <a className="btn btn-ghost" href={url} download={`${receipt.payment.receiptNumber}.pdf`}>
        {t('savePdf')}
      </a>
    </div>
  );
}
