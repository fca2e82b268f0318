import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { IseeType } from '../../../shared/isee/statement';
import type { SchoolIseeInput, SchoolIseePreviewView } from '../../../shared/school/school-calls';
import type { SchoolAccountView } from '../../../shared/school/school-views';
import { api } from '../api/client';
import { OVERLAY } from '../canone/CanoneForm';
import { euro } from '../cashdesk/money';
import { IseeFields, type IseeFieldValues } from '../isee/IseeFields';
import { useT } from '../i18n/useT';
import { monthLabel, priceLabel } from './labels';
import { useReturnFocus } from '../hooks/useReturnFocus';

/**
 * The payer's new ISEE statement: type, value (euro, at most two decimals), DSU protocol, issue
 * and expiry. It applies from next month (the months already in force keep their band); the
 * band and price it gives each enrolment from then are asked of the desk at every change (the
 * same shared engine the hub bills with), beside the band of today's statement; the history of
 * statements below. Enter records it; Esc closes.
 */
export function IseeForm(props: {
  payer: { codiceFiscale: string; name: string };
  history: SchoolAccountView['iseeHistory'];
  types: readonly { code: string; label: string }[];
  today: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const [fields, setFields] = useState<IseeFieldValues>({
    type: 'ordinario',
    value: '',
    dsuProtocol: '',
    issuedOn: props.today,
    expiresOn: '',
  });
  const [preview, setPreview] = useState<SchoolIseePreviewView | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const asked = useRef(0);
  const busy = useRef(false);
  const valueRef = useRef<HTMLInputElement>(null);
  useEffect(() => valueRef.current?.focus(), []);

  const input = (): SchoolIseeInput | null =>
    fields.type === '' || fields.value.trim() === ''
      ? null
      : {
          type: fields.type as IseeType,
          value: fields.value,
          dsuProtocol: fields.dsuProtocol,
          issuedOn: fields.issuedOn || props.today,
          expiresOn: fields.expiresOn === '' ? null : fields.expiresOn,
        };

  // live: the band the statement gives from next month; only the latest answer is shown
  useEffect(() => {
    const isee = input();
    // no value yet: nothing is asked and nothing shown (`shown` below)
    if (isee === null) return;
    const ticket = ++asked.current;
    const timer = setTimeout(() => {
      void api.school.iseePreview({ payerCodiceFiscale: props.payer.codiceFiscale, isee }).then((res) => {
        if (ticket !== asked.current) return;
        if (res.ok) setPreview(res.value);
        else setError(res.error);
      });
    }, 100);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fields]);

  const save = () => {
    const isee = input();
    if (isee === null || busy.current) return;
    busy.current = true;
    setError(null);
    void api.school.isee({ payerCodiceFiscale: props.payer.codiceFiscale, isee }).then((res) => {
      busy.current = false;
      if (!res.ok) return setError(res.error);
      props.onDone(t('school.isee.saved', { month: monthLabel(preview?.fromMonth ?? '', locale) }));
    });
  };
  const onKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      save();
    }
  };
  const shown = input() === null ? null : preview;
  const ok = shown !== null && shown.refusals.length === 0;
  return (
    <div
      className="card"
      style={OVERLAY}
      role="dialog"
      aria-modal="true"
      aria-labelledby="school-isee-title"
      onKeyDown={onKeys}
      data-testid="school-isee-form"
    >
      <h2 id="school-isee-title">{t('school.isee.title')}</h2>
      <p className="strong">
        {t('school.isee.payer', { name: props.payer.name })}{' '}
        <span className="mono small">{props.payer.codiceFiscale}</span>
      </p>
      <IseeFields
        values={fields}
        onChange={(next) => {
          setFields(next);
          setError(null);
        }}
        types={props.types}
        labels={{
          type: t('school.field.iseeType'),
          value: t('school.field.iseeValue'),
          dsu: t('school.field.dsu'),
          issued: t('school.field.iseeIssued'),
          expires: t('school.field.iseeExpires'),
          expiresHint: t('school.expiryDefault'),
        }}
        testId="school-newisee"
        valueRef={valueRef}
      />
      {shown && (
        <div className="card" data-testid="school-isee-preview" data-from={shown.fromMonth}>
          <p className="strong" data-testid="school-isee-from">
            {t('school.isee.fromMonth', { month: monthLabel(shown.fromMonth, locale) })}
          </p>
          {shown.rows.length === 0 && (
            <p className="muted">{t('school.isee.noRows', { month: monthLabel(shown.fromMonth, locale) })}</p>
          )}
          {shown.rows.length > 0 && shown.refusals.length === 0 && (
            <table className="results compact">
              <thead>
                <tr>
                  <th>{t('school.col.child')}</th>
                  <th>{t('school.col.service')}</th>
                  <th>{t('school.isee.col.now')}</th>
                  <th>{t('school.isee.col.new')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.rows.map((r) => (
                  <tr key={r.enrolmentId} data-testid="school-isee-row">
                    <td>{r.childLabel}</td>
                    <td>{t(`school.service.${r.service}`)}</td>
                    <td>
                      {r.before?.label ?? '—'}: {priceLabel(r.before, t, locale)}
                    </td>
                    <td className="strong" data-testid="school-isee-new">
                      {r.after?.label ?? '—'}: {priceLabel(r.after, t, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {shown.warning && (
            <p className="alert alert-warning" role="status" data-testid="school-isee-warning">
              {shown.warning}
            </p>
          )}
          {shown.refusals.length > 0 && (
            <ul className="alert alert-error" data-testid="school-isee-refusals">
              {shown.refusals.map((r) => (
                <li key={`${r.code}${r.message}`} data-code={r.code}>
                  {r.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <div className="alert alert-error" role="alert" data-testid="school-isee-error">
          {error.message}
        </div>
      )}
      <h3 style={{ margin: '0.5rem 0 0.2rem' }}>{t('school.isee.history')}</h3>
      {props.history.length === 0 && <p className="muted small">{t('school.isee.historyNone')}</p>}
      <ul className="small" data-testid="school-isee-form-history">
        {[...props.history].reverse().map((h) => (
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
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!ok}
          onClick={save}
          data-testid="school-isee-save"
        >
          {t('school.isee.save')}
        </button>{' '}
        <button type="button" className="btn btn-ghost" onClick={props.onClose}>
          {t('school.cancel')}
        </button>
      </div>
    </div>
  );
}
