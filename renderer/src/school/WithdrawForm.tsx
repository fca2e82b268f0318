import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { withdrawalFromMonth } from '../../../shared/school/billing';
import type { SchoolWithdrawPreviewView } from '../../../shared/school/school-calls';
import type { SchoolEnrolmentView } from '../../../shared/school/school-views';
import { api } from '../api/client';
import { OVERLAY } from '../canone/CanoneForm';
import { euro } from '../cashdesk/money';
import { useT } from '../i18n/useT';
import { monthLabel, priceLabel } from './labels';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { DateInput } from '../components/DateInput';

const REASONS = ['family', 'moved', 'other'] as const;

/**
 * Withdrawing a child from the canteen or transport: the enrolment (the one chosen in the account
 * first), the day (today unless typed) and why. What it changes in billing is shown before
 * anything is done: the last month still billed, what stops from the next one, the months already
 * billed that stay due, the brothers and sisters whose rank and price change. Enter goes on to the
 * confirmation, Enter again withdraws; Esc goes back, then closes.
 */
export function WithdrawForm(props: {
  enrolments: readonly SchoolEnrolmentView[];
  enrolmentId: string | null;
  today: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const active = props.enrolments.filter((e) => e.status !== 'withdrawn');
  const [enrolmentId, setEnrolmentId] = useState(
    active.find((e) => e.id === props.enrolmentId)?.id ?? active[0]?.id ?? '',
  );
  const [day, setDay] = useState(props.today);
  const [reason, setReason] = useState<(typeof REASONS)[number]>('family');
  const [preview, setPreview] = useState<SchoolWithdrawPreviewView | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const busy = useRef(false);
  const dayRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const chosen = active.find((e) => e.id === enrolmentId) ?? null;
  const fromMonth = /^\d{4}-\d{2}-\d{2}$/.test(day) ? withdrawalFromMonth(day) : null;

  useEffect(() => dayRef.current?.focus(), []);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else dayRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    // no day yet: the old answer no longer matches (`p` below) and is not shown
    if (!chosen || fromMonth === null) return;
    let live = true;
    void api.school.withdrawPreview({ enrolmentId: chosen.id, fromMonth }).then((res) => {
      if (!live) return;
      if (res.ok) setPreview(res.value);
      else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [chosen, fromMonth]);

  const withdraw = () => {
    if (!chosen || fromMonth === null || busy.current) return;
    busy.current = true;
    void api.school
      .withdraw({ enrolmentId: chosen.id, fromMonth, reason: t(`school.withdraw.reason.${reason}`) })
      .then((res) => {
        busy.current = false;
        if (!res.ok) {
          setConfirming(false);
          return setError(res.error);
        }
        props.onDone(
          t('school.withdraw.done', {
            child: chosen.childLabel,
            service: t(`school.service.${chosen.service}`),
            month: monthLabel(fromMonth, locale),
          }),
        );
      });
  };
  const onKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (confirming) setConfirming(false);
      else props.onClose();
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      if (chosen && preview && preview.fromMonth === fromMonth) setConfirming(true);
    }
  };
  const p =
    preview && preview.fromMonth === fromMonth && preview.enrolmentId === enrolmentId ? preview : null;
  return (
    <div
      className="card"
      style={OVERLAY}
      role="dialog"
      aria-modal="true"
      aria-labelledby="school-withdraw-title"
      onKeyDown={onKeys}
      data-testid="school-withdraw-form"
    >
      <h2 id="school-withdraw-title">{t('school.withdraw.title')}</h2>
      <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
        <label className="field" style={{ flex: '1 1 20rem' }}>
          <span>{t('school.withdraw.enrolment')}</span>
          <select
            value={enrolmentId}
            disabled={confirming}
            onChange={(e) => {
              setEnrolmentId(e.target.value);
              setError(null);
            }}
            data-testid="school-withdraw-enrolment"
          >
            {active.map((e) => (
              <option key={e.id} value={e.id}>
                {e.childLabel} – {t(`school.service.${e.service}`)}, {e.school.className}
              </option>
            ))}
          </select>
        </label>
        <label className="field" style={{ flex: '0 1 11rem' }}>
          <span>{t('school.withdraw.day')}</span>
          <DateInput
            ref={dayRef}
            value={day}
            disabled={confirming}
            onChange={(value) => {
              setDay(value);
              setError(null);
            }}
            data-testid="school-withdraw-day"
          />
        </label>
        <label className="field" style={{ flex: '1 1 14rem' }}>
          <span>{t('school.withdraw.reason')}</span>
          <select
            value={reason}
            disabled={confirming}
            onChange={(e) => setReason(e.target.value as (typeof REASONS)[number])}
            data-testid="school-withdraw-reason"
          >
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`school.withdraw.reason.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {chosen && p && (
        <div className="card" data-testid="school-withdraw-preview" data-from={p.fromMonth}>
          <ul className="fee-lines">
            <li data-testid="school-withdraw-last">
              {p.lastMonth
                ? t('school.withdraw.lastMonth', { month: monthLabel(p.lastMonth, locale) })
                : t('school.withdraw.noMonth')}
            </li>
            <li className="strong" data-testid="school-withdraw-stops">
              {t(chosen.service === 'mensa' ? 'school.withdraw.stops.meal' : 'school.withdraw.stops.month', {
                month: monthLabel(p.fromMonth, locale),
                price: p.band ? euro(p.band.unitPriceCents, locale) : '—',
              })}
            </li>
            {p.alreadyBilled.length > 0 && (
              <li>
                {t('school.withdraw.billed', {
                  months: p.alreadyBilled.map((m) => monthLabel(m, locale)).join(', '),
                })}
              </li>
            )}
            {p.siblings.map((s) => (
              <li key={s.enrolmentId} data-testid="school-withdraw-sibling">
                {t('school.withdraw.sibling', {
                  child: s.childLabel,
                  from: s.siblingRank,
                  to: s.afterRank,
                  before: priceLabel(s.before, t, locale),
                  after: priceLabel(s.after, t, locale),
                })}
              </li>
            ))}
            {p.siblings.length === 0 && <li className="muted">{t('school.withdraw.noSiblings')}</li>}
          </ul>
        </div>
      )}
      {error && (
        <div className="alert alert-error" role="alert" data-testid="school-withdraw-error">
          {error.message}
        </div>
      )}
      {confirming && chosen ? (
        <div className="alert alert-warning" role="alertdialog" data-testid="school-withdraw-confirm">
          <p className="strong">
            {t('school.withdraw.question', {
              child: chosen.childLabel,
              service: t(`school.service.${chosen.service}`),
              day: formatDate(day),
            })}
          </p>
          <div className="actions">
            <button
              type="button"
              className="btn btn-primary"
              ref={confirmRef}
              onClick={withdraw}
              data-testid="school-withdraw-yes"
            >
              {t('school.withdraw.confirm')}
            </button>{' '}
            <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>
              {t('school.withdraw.back')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={!chosen || p === null}
            onClick={() => setConfirming(true)}
            data-testid="school-withdraw-next"
          >
            {t('school.withdraw.next')}
          </button>{' '}
          <button type="button" className="btn btn-ghost" onClick={props.onClose}>
            {t('school.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
