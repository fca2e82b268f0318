import { useEffect, useRef, useState } from 'react';
import type { SchoolAccountView } from '../../../shared/school/school-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { IseeType } from '../../../shared/isee/statement';
import { api } from '../api/client';
import { payAtCashdesk } from '../cashdesk/pay-at-cashdesk';
import { euro } from '../cashdesk/money';
import { openBase64 } from '../documents/pdf-blob';
import { useT } from '../i18n/useT';

/**
 * A payer's account: each month's notice (number, amount, due date, paid or open) with its
 * lines, what is owed and paid, the ISEE history. An open notice goes to the cash desk (F8) by
 * its number, or is printed as the pagoPA avviso from the hub's own position. The focus lands on
 * the first open notice's "Paga alla cassa".
 */
export function FamilyAccount(props: { payerCf: string; syncMark: string; onError: (e: ErrorData) => void }) {
  const { t, locale } = useT();
  const { payerCf, syncMark, onError } = props;
  const [account, setAccount] = useState<SchoolAccountView | null | undefined>(undefined);
  const [printError, setPrintError] = useState<ErrorData | null>(null);
  const payRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void api.school.account({ payerCodiceFiscale: payerCf }).then((res) => {
      if (!res.ok) return onError(res.error);
      setAccount(res.value);
    });
  }, [payerCf, syncMark, onError]);
  // once shown, Enter sends the first open notice to the cash desk
  useEffect(() => {
    if (account) payRef.current?.focus();
  }, [account]);

  const print = (noticeNumber: string) =>
    void api.cashdesk.avviso({ noticeNumber }).then((res) => {
      if (res.ok) {
        setPrintError(null);
        openBase64(res.value.pdfBase64, 'application/pdf');
      } else setPrintError(res.error);
    });

  if (account === undefined) return null;
  if (account === null) return <p className="muted">{t('school.account.none')}</p>;
  const firstOpen = account.months.find((m) => m.status === 'open' && m.noticeNumber !== null);
  return (
    <div data-testid="school-account" data-payer={account.payer.codiceFiscale}>
      <h3>
        {account.payer.name} <span className="mono small">{account.payer.codiceFiscale}</span>
      </h3>
      <p className="strong" data-testid="school-account-totals">
        {t('school.account.owed', {
          owed: euro(account.owedCents, locale),
          paid: euro(account.paidCents, locale),
        })}
      </p>
      {account.months.length === 0 && <p className="muted">{t('school.account.none')}</p>}
      {account.months.length > 0 && (
        <table className="results compact">
          <thead>
            <tr>
              <th>{t('school.account.month')}</th>
              <th>{t('school.account.notice')}</th>
              <th>{t('school.account.amount')}</th>
              <th>{t('school.account.due')}</th>
              <th>{t('school.account.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {account.months.map((m) => (
              <tr
                key={m.month}
                data-testid="school-notice"
                data-month={m.month}
                data-notice={m.noticeNumber ?? ''}
                data-status={m.status}
              >
                <td>
                  {m.month}
                  <ul className="small muted" style={{ margin: 0, paddingLeft: '1rem' }}>
                    {m.lines.map((l, i) => (
                      <li key={i}>
                        {l.childName} {l.kind}
                        {l.meals !== null ? ` · ${l.meals} × ${euro(l.unitPriceCents, locale)}` : ''}:{' '}
                        {euro(l.amountCents, locale)}
                        {l.note ? ` (${l.note})` : ''}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="mono small">{m.noticeNumber ?? '—'}</td>
                <td className="mono">
                  {euro(m.amountCents, locale)}
                  {m.carriedCents < 0 && (
                    <span className="small">
                      {' '}
                      {t('school.account.carried', { amount: euro(-m.carriedCents, locale) })}
                    </span>
                  )}
                </td>
                <td>{m.dueDate ? formatDate(m.dueDate) : '—'}</td>
                <td data-testid="school-notice-status">
                  {m.status === 'paid'
                    ? t('school.account.paid')
                    : m.status === 'open'
                      ? t('school.account.open')
                      : t('school.account.noneStatus')}
                </td>
                <td>
                  {m.status === 'open' && m.noticeNumber && (
                    <>
                      <button
                        type="button"
                        className="btn btn-primary"
                        ref={m === firstOpen ? payRef : undefined}
                        onClick={() => payAtCashdesk(m.noticeNumber ?? '')}
                        data-testid="school-pay"
                      >
                        {t('school.account.pay')}
                      </button>{' '}
                      <button
                        type="button"
                        className="btn btn-ghost"
                        onClick={() => print(m.noticeNumber ?? '')}
                        data-testid="school-print-avviso"
                      >
                        {t('school.account.print')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {printError && (
        <div className="alert alert-error" role="alert">
          {printError.message}
        </div>
      )}
      {account.iseeHistory.length > 0 && (
        <ul className="small muted" data-testid="school-isee-history">
          {account.iseeHistory.map((h) => (
            <li key={`${h.fromMonth}${h.valueCents}`}>
              {t('school.account.isee', {
                month: h.fromMonth,
                value: euro(h.valueCents, locale),
                type: t(`school.iseeType.${h.type as IseeType}`),
                expires: formatDate(h.expiresOn),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
