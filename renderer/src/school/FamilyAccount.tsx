import { useCallback, useEffect, useRef, useState } from 'react';
import type { SchoolAbsenceView, SchoolOptionsView } from '../../../shared/school/school-calls';
import type { SchoolAccountView, SchoolEnrolmentView } from '../../../shared/school/school-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { ISEE_TYPES, type IseeType } from '../../../shared/isee/statement';
import { api } from '../api/client';
import { payAtCashdesk } from '../cashdesk/pay-at-cashdesk';
import { euro } from '../cashdesk/money';
import { openBase64 } from '../documents/pdf-blob';
import { useT } from '../i18n/useT';
import { AbsenceForm } from './AbsenceForm';
import { IseeForm } from './IseeForm';
import { monthLabel, priceLabel } from './labels';
import { WithdrawForm } from './WithdrawForm';

type Action = 'absence' | 'isee' | 'withdraw';
/** amounts and states never break across lines at 1024 px */
const NOWRAP: React.CSSProperties = { whiteSpace: 'nowrap' };
const ACTION_KEYS: Record<string, Action> = { a: 'absence', i: 'isee', r: 'withdraw' };

/**
 * A payer's account: the family's enrolments (a row chosen with the arrows or Tab is the one the
 * actions act on), each month's notice (number, amount, due date, paid or open) with its lines,
 * what is owed and paid, the canteen absences marked and the credit each gives, the ISEE history.
 * Alt+A marks an absence, Alt+I records a new ISEE, Alt+R withdraws (shown on the buttons). An
 * open notice goes to the cash desk (F8) by its number, or is printed as the pagoPA avviso from
 * the hub's own position. The focus lands on the first open notice's "Paga alla cassa".
 */
export function FamilyAccount(props: {
  payerCf: string;
  /** the enrolment to act on first (a class-list row); null: the first active one */
  enrolmentId?: string | null;
  syncMark: string;
  options: SchoolOptionsView | null;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  const { payerCf, syncMark, onError, options } = props;
  const [account, setAccount] = useState<SchoolAccountView | null | undefined>(undefined);
  const [enrolments, setEnrolments] = useState<SchoolEnrolmentView[]>([]);
  const [absences, setAbsences] = useState<SchoolAbsenceView[]>([]);
  const [selected, setSelected] = useState<string | null>(props.enrolmentId ?? null);
  const [action, setAction] = useState<Action | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [printError, setPrintError] = useState<ErrorData | null>(null);
  const payRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void api.school.account({ payerCodiceFiscale: payerCf }).then((res) => {
      if (!res.ok) return onError(res.error);
      setAccount(res.value);
    });
    void api.school.list({ by: 'payer', codiceFiscale: payerCf }).then((res) => {
      if (!res.ok) return onError(res.error);
      setEnrolments(res.value);
    });
    void api.school.absences({ payerCodiceFiscale: payerCf }).then((res) => {
      if (res.ok) setAbsences(res.value);
    });
  }, [payerCf, syncMark, version, onError]);
  // once shown, Enter sends the first open notice to the cash desk; a reload after a sync or an
  // action leaves the focus where the clerk is
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (!account || focusedOnce.current) return;
    focusedOnce.current = true;
    payRef.current?.focus();
  }, [account]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const next = ACTION_KEYS[e.key.toLowerCase()];
      if (!next || enrolments.length === 0) return;
      e.preventDefault();
      setMessage(null);
      setAction(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enrolments.length]);

  const done = useCallback((text: string) => {
    setAction(null);
    setMessage(text);
    setVersion((v) => v + 1);
  }, []);

  const print = (noticeNumber: string) =>
    void api.cashdesk.avviso({ noticeNumber }).then((res) => {
      if (res.ok) {
        setPrintError(null);
        openBase64(res.value.pdfBase64, 'application/pdf');
      } else setPrintError(res.error);
    });

  if (account === undefined) return null;
  const payer = account?.payer ?? enrolments[0]?.payer ?? null;
  if (payer === null) return <p className="muted">{t('school.account.none')}</p>;
  const months = account?.months ?? [];
  const firstOpen = months.find((m) => m.status === 'open' && m.noticeNumber !== null);
  const chosen = selected ?? enrolments.find((e) => e.status !== 'withdrawn')?.id ?? null;
  const today = options?.today ?? '';
  const open = (a: Action) => {
    setMessage(null);
    setAction(a);
  };
  return (
    <div data-testid="school-account" data-payer={payer.codiceFiscale}>
      <h3>
        {payer.name} <span className="mono small">{payer.codiceFiscale}</span>
      </h3>
      <p className="strong" data-testid="school-account-totals">
        {t('school.account.owed', {
          owed: euro(account?.owedCents ?? 0, locale),
          paid: euro(account?.paidCents ?? 0, locale),
        })}
      </p>
      {message && (
        <p className="alert alert-success" role="status" data-testid="school-action-done">
          {message}
        </p>
      )}
      <h4 style={{ margin: '0.5rem 0 0.2rem' }}>{t('school.enrolments.title')}</h4>
      <div className="actions">
        <button
          type="button"
          className="btn btn-ghost"
          disabled={enrolments.length === 0}
          onClick={() => open('absence')}
          data-testid="school-action-absence"
        >
          {t('school.action.absence')}
        </button>{' '}
        <button
          type="button"
          className="btn btn-ghost"
          disabled={enrolments.length === 0}
          onClick={() => open('isee')}
          data-testid="school-action-isee"
        >
          {t('school.action.isee')}
        </button>{' '}
        <button
          type="button"
          className="btn btn-ghost"
          disabled={enrolments.length === 0}
          onClick={() => open('withdraw')}
          data-testid="school-action-withdraw"
        >
          {t('school.action.withdraw')}
        </button>
      </div>
      <p className="muted small" data-testid="school-shortcuts">
        {t('school.shortcuts')}
      </p>
      {enrolments.length === 0 && <p className="muted">{t('school.enrolments.none')}</p>}
      {enrolments.length > 0 && (
        <table className="results compact" data-testid="school-family-enrolments">
          <thead>
            <tr>
              <th>{t('school.col.child')}</th>
              <th>{t('school.col.service')}</th>
              <th>{t('school.col.class')}</th>
              <th>{t('school.col.band')}</th>
              <th>{t('school.col.price')}</th>
              <th>{t('school.col.rank')}</th>
              <th>{t('school.col.period')}</th>
              <th>{t('school.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {enrolments.map((e) => (
              <tr
                key={e.id}
                tabIndex={0}
                aria-selected={e.id === chosen}
                className={e.id === chosen ? 'selected' : undefined}
                onFocus={() => setSelected(e.id)}
                onClick={() => setSelected(e.id)}
                data-testid="school-family-enrolment"
                data-service={e.service}
                data-status={e.status}
              >
                <td>{e.childLabel}</td>
                <td>{t(`school.service.${e.service}`)}</td>
                <td>
                  {e.school.className} <span className="muted small">{e.school.name}</span>
                </td>
                <td>{e.band?.label ?? '—'}</td>
                <td style={NOWRAP}>{priceLabel(e.band, t, locale)}</td>
                <td>{e.siblingRank}</td>
                <td>
                  {e.endMonth
                    ? t('school.period.fromTo', {
                        from: monthLabel(e.startMonth, locale),
                        to: monthLabel(e.endMonth, locale),
                      })
                    : t('school.period.from', { from: monthLabel(e.startMonth, locale) })}
                </td>
                <td>{t(`school.status.${e.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {absences.length > 0 && (
        <>
          <h4 style={{ margin: '0.5rem 0 0.2rem' }}>{t('school.absences.title')}</h4>
          <ul className="small" data-testid="school-absences">
            {absences.map((x) => (
              <li
                key={`${x.enrolmentId}${x.day}`}
                data-testid="school-absence"
                data-day={x.day}
                data-effect={x.effect}
              >
                {x.childLabel}, {formatDate(x.day)}:{' '}
                {t(`school.absences.${x.effect}`, {
                  month: monthLabel(x.creditMonth ?? x.day.slice(0, 7), locale),
                  amount: euro(x.unitPriceCents, locale),
                })}
                {x.pending && <span className="muted"> ({t('school.absences.pending')})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {months.length === 0 && <p className="muted">{t('school.account.none')}</p>}
      {months.length > 0 && (
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
            {months.map((m) => (
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
                        {l.meals !== null && (
                          <>
                            {' · '}
                            {l.meals} × <span style={NOWRAP}>{euro(l.unitPriceCents, locale)}</span>
                          </>
                        )}
                        : <span style={NOWRAP}>{euro(l.amountCents, locale)}</span>
                        {l.note ? ` (${l.note})` : ''}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="mono small">{m.noticeNumber ?? '—'}</td>
                <td className="mono" style={NOWRAP}>
                  {euro(m.amountCents, locale)}
                  {m.carriedCents < 0 && (
                    <span className="small">
                      {' '}
                      {t('school.account.carried', { amount: euro(-m.carriedCents, locale) })}
                    </span>
                  )}
                </td>
                <td>{m.dueDate ? formatDate(m.dueDate) : '—'}</td>
                <td data-testid="school-notice-status" style={NOWRAP}>
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
      {account && account.iseeHistory.length > 0 && (
        <ul className="small muted" data-testid="school-isee-history">
          {account.iseeHistory.map((h) => (
            <li key={`${h.fromMonth}${h.valueCents}`}>
              {t('school.account.isee', {
                month: monthLabel(h.fromMonth, locale),
                value: euro(h.valueCents, locale),
                type: t(`school.iseeType.${h.type as IseeType}`),
                expires: formatDate(h.expiresOn),
              })}
            </li>
          ))}
        </ul>
      )}
      {action === 'absence' && (
        <AbsenceForm
          enrolments={enrolments}
          enrolmentId={chosen}
          today={today}
          onClose={() => setAction(null)}
          onDone={done}
        />
      )}
      {action === 'isee' && (
        <IseeForm
          payer={payer}
          history={account?.iseeHistory ?? []}
          // in the clerk's language now (the options were read in the language of that moment)
          types={ISEE_TYPES.map((code) => ({ code, label: t(`school.iseeType.${code}`) }))}
          today={today}
          onClose={() => setAction(null)}
          onDone={done}
        />
      )}
      {action === 'withdraw' && (
        <WithdrawForm
          enrolments={enrolments}
          enrolmentId={chosen}
          today={today}
          onClose={() => setAction(null)}
          onDone={done}
        />
      )}
    </div>
  );
}
