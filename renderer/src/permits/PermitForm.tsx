import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ResidentDetail } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { PermitIssueInput } from '../../../shared/permits/permit-calls';
import type {
  IssuedPermitView,
  PermitDraftView,
  PermitKindOption,
  PermitView,
} from '../../../shared/permits/permit-views';
import { api } from '../api/client';
import { euro } from '../cashdesk/money';
import { printBase64Pdf } from '../documents/pdf-blob';
import { useT } from '../i18n/useT';
import { kindChoices, type KindChoice } from './kind-options';
import { permitsChanged } from './permit-events';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { DateInput } from '../components/DateInput';

/** The form floats over the resident's page (the slot sits in the page's header). */
export const OVERLAY: React.CSSProperties = {
  position: 'fixed',
  top: '4.5rem',
  left: '50%',
  transform: 'translateX(-50%)',
  width: 'min(760px, 94vw)',
  maxHeight: '86vh',
  overflowY: 'auto',
  zIndex: 40,
  boxShadow: '0 12px 40px rgba(0,0,0,0.28)',
  textAlign: 'left',
};

const splitPlates = (text: string): string[] =>
  text
    .split(/[,;/]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const validityText = (p: {
  validFrom: string | null;
  validTo: string | null;
  validFromAt: string | null;
  validToAt: string | null;
}) =>
  p.validFromAt && p.validToAt
    ? `${formatDate(p.validFromAt.slice(0, 10))} ${p.validFromAt.slice(11, 16)}–${p.validToAt.slice(11, 16)}`
    : p.validFrom && p.validTo
      ? `${formatDate(p.validFrom)} – ${formatDate(p.validTo)}`
      : '—';

/**
 * A permit at the counter, keyboard first: F3 opens the kind list focused (type to narrow,
 * arrows, Enter); the desk pre-fills holder, household, address, zone and plate and checks the
 * rules live; Enter issues (the fee in cash into the till, or a pagoPA notice); the issued panel
 * prints A4 or the card; Esc goes back one step.
 */
export function PermitForm(props: {
  resident: ResidentDetail;
  renewsId?: string | undefined;
  onClose: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const { resident, onError, onClose } = props;
  const [kinds, setKinds] = useState<PermitKindOption[] | null>(null);
  /** null until the resident's permits are in */
  const [renewable, setRenewable] = useState<PermitView[] | null>(null);
  const [step, setStep] = useState<'kind' | 'details' | 'issued'>('kind');
  const [filter, setFilter] = useState('');
  const [cursor, setCursor] = useState(0);
  const [choice, setChoice] = useState<KindChoice | null>(null);
  const [plates, setPlates] = useState<string | null>(null);
  const [country, setCountry] = useState('I');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [aslRef, setAslRef] = useState('');
  const [privateParking, setPrivateParking] = useState(false);
  const [declared, setDeclared] = useState<Record<string, boolean>>({});
  const [payment, setPayment] = useState<'cash' | 'pagopa'>('cash');
  const [draft, setDraft] = useState<PermitDraftView | null>(null);
  const [issueError, setIssueError] = useState<ErrorData | null>(null);
  const [issued, setIssued] = useState<IssuedPermitView | null>(null);
  const busy = useRef(false);
  const asked = useRef(0);
  const filterRef = useRef<HTMLInputElement>(null);
  const plateRef = useRef<HTMLInputElement>(null);
  const issueRef = useRef<HTMLButtonElement>(null);
  const aslRef_ = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void api.permits.kinds({}).then((res) => (res.ok ? setKinds(res.value) : onError(res.error)));
    void api.permits.forResident({ residentId: resident.id }).then((res) => {
      if (!res.ok) return onError(res.error);
      const list = res.value.filter((p) => p.renewable);
      setRenewable(list);
      const asked = props.renewsId ? list.find((p) => p.id === props.renewsId) : undefined;
      if (asked) {
        setChoice({ type: 'renew', permit: asked });
        setStep('details');
      }
    });
    // once per opening
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resident.id]);

  // Listed once both are in: the renewals come first, and a list that gained them after it was
  // shown moved the first entry under a clerk's Enter (a new permit instead of the renewal).
  const loaded = kinds !== null && renewable !== null;
  const choices = loaded ? kindChoices(filter, kinds, renewable) : [];
  const option: PermitKindOption | null =
    choice === null
      ? null
      : choice.type === 'new'
        ? choice.option
        : ((kinds ?? []).find((k) => k.kind === choice.permit.kind) ?? null);

  const request = (): PermitIssueInput | null => {
    if (choice === null) return null;
    const typed = plates === null ? [] : splitPlates(plates).map((plate) => ({ plate, country }));
    return {
      residentId: resident.id,
      kind: choice.type === 'renew' ? choice.permit.kind : choice.option.kind,
      renewsId: choice.type === 'renew' ? choice.permit.id : null,
      plates: typed,
      start: start === '' ? null : start,
      end: end === '' ? null : end,
      aslRef: aslRef.trim() === '' ? null : aslRef,
      privateParking,
      ...declared,
      payment,
    };
  };

  // the live check: every change asks the desk again; only the latest answer is shown
  useEffect(() => {
    if (step !== 'details') return;
    const input = request();
    if (input === null) return;
    const ticket = ++asked.current;
    const timer = setTimeout(() => {
      const { payment: _payment, ...ask } = input;
      void api.permits.prepare(ask).then((res) => {
        if (ticket !== asked.current) return;
        if (res.ok) setDraft(res.value);
        else setIssueError(res.error);
      });
    }, 100);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, choice, plates, country, start, end, aslRef, privateParking, declared]);

  useEffect(() => {
    if (step === 'kind') filterRef.current?.focus();
    if (step === 'details') {
      const first = option?.requiresPlate ? plateRef : option?.needsAslRef ? aslRef_ : issueRef;
      first.current?.focus();
    }
  }, [step, option?.requiresPlate, option?.needsAslRef]);

  const pick = (c: KindChoice | undefined) => {
    if (!c) return;
    setChoice(c);
    setDraft(null);
    setIssueError(null);
    setPlates(null);
    setStep('details');
  };

  const issue = () => {
    const input = request();
    if (input === null || busy.current) return;
    busy.current = true;
    setIssueError(null);
    void api.permits.issue(input).then((res) => {
      busy.current = false;
      if (!res.ok) return setIssueError(res.error);
      setIssued(res.value);
      setStep('issued');
      permitsChanged();
    });
  };

  const onKindKeys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = choices.length;
      if (n > 0) setCursor((c) => (e.key === 'ArrowDown' ? Math.min(c + 1, n - 1) : Math.max(c - 1, 0)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(choices[Math.min(cursor, choices.length - 1)]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  const onDetailKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setStep('kind');
    } else if (
      e.key === 'Enter' &&
      !(e.target instanceof HTMLSelectElement) &&
      !(e.target instanceof HTMLButtonElement)
    ) {
      e.preventDefault();
      issue();
    }
  };

  const onIssuedKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  const printCard = (permitId: string) =>
    void api.permits.pdf({ permitId, format: 'card' }).then((res) => {
      if (res.ok) printBase64Pdf(res.value.pdfBase64);
      else onError(res.error);
    });

  if (step === 'issued' && issued) {
    const p = issued.permit;
    return (
      <div
        className="card issued"
        style={OVERLAY}
        role="dialog"
        aria-modal="true"
        onKeyDown={onIssuedKeys}
        data-testid="permit-issued"
      >
        <h2 data-testid="permit-issued-title">{t('permit.issued.title', { number: p.number })}</h2>
        <p className="strong">
          {p.kindLabel} – {p.plates.map((x) => x.plate).join(', ') || p.holderName}
          {p.zone ? ` – ${p.zone}` : ''}
        </p>
        <p data-testid="permit-issued-validity">
          {t('permit.field.validity')}: <strong>{validityText(p)}</strong>
        </p>
        {issued.payment === 'cash' && (
          <p>{t('permit.issued.paidCash', { amount: euro(p.feeCents, locale) })}</p>
        )}
        {issued.payment === 'pagopa' && issued.noticeNumber && (
          <p data-testid="permit-notice">
            {t('permit.issued.notice', { notice: issued.noticeNumber, amount: euro(p.feeCents, locale) })}
          </p>
        )}
        {issued.payment === 'free' && <p className="muted">{t('permit.form.free')}</p>}
        {issued.verificationUrl && (
          <p className="muted small">
            {t('verificationLink')}:{' '}
            <a
              href={issued.verificationUrl}
              target="_blank"
              rel="noreferrer"
              data-testid="permit-verification-url"
            >
              {issued.verificationUrl}
            </a>
          </p>
        )}
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary"
            autoFocus
            onClick={() => printBase64Pdf(issued.pdfBase64)}
            data-testid="permit-print-a4"
          >
            {t('permit.issued.printA4')}
          </button>{' '}
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => printCard(p.id)}
            data-testid="permit-print-card"
          >
            {t('permit.issued.printCard')}
          </button>{' '}
          <button type="button" className="btn btn-ghost" onClick={onClose} data-testid="permit-issued-close">
            {t('close')}
          </button>
        </div>
        <p className="muted small">{t('permit.issued.keys')}</p>
      </div>
    );
  }

  if (step === 'kind' || choice === null) {
    return (
      <div className="card" style={OVERLAY} role="dialog" aria-modal="true" data-testid="permit-form">
        <h2>{t('permit.form.title', { name: `${resident.surname} ${resident.givenNames}` })}</h2>
        <label className="field">
          <span>{t('permit.form.kindFilter')}</span>
          <input
            ref={filterRef}
            autoFocus
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setCursor(0);
            }}
            onKeyDown={onKindKeys}
            role="combobox"
            aria-expanded="true"
            aria-controls="permit-kinds"
            autoComplete="off"
            spellCheck={false}
            data-testid="permit-kind-filter"
          />
        </label>
        <ul
          id="permit-kinds"
          role="listbox"
          className="results compact"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {choices.map((c, i) => {
            const selected = i === Math.min(cursor, choices.length - 1);
            const label =
              c.type === 'renew'
                ? t('permit.form.renewOption', {
                    kind: c.permit.kindLabel,
                    number: c.permit.number,
                    plate: c.permit.plates.map((p) => p.plate).join(', '),
                    until: formatDate(c.permit.validTo),
                  })
                : c.option.label;
            return (
              <li
                key={c.type === 'renew' ? c.permit.id : c.option.kind}
                role="option"
                aria-selected={selected}
                className={selected ? 'selected' : undefined}
                style={{
                  padding: '0.35rem 0.6rem',
                  cursor: 'pointer',
                  fontWeight: c.type === 'renew' ? 600 : undefined,
                  background: selected ? '#dbe6f5' : undefined,
                }}
                onClick={() => pick(c)}
                data-testid="permit-kind-option"
              >
                {label}
                {c.type === 'new' && c.option.feeCents !== null && (
                  <span className="muted small">
                    {' '}
                    · {c.option.feeCents === 0 ? t('permit.form.free') : euro(c.option.feeCents, locale)}
                  </span>
                )}
              </li>
            );
          })}
          {loaded && choices.length === 0 && <li className="muted">{t('permit.form.noKind')}</li>}
        </ul>
        <p className="muted small">Esc: {t('close')}</p>
      </div>
    );
  }

  const fee = draft?.feeCents ?? option?.feeCents ?? null;
  const platesValue = plates ?? draft?.plates.map((p) => p.plate).join(', ') ?? '';
  return (
    <div
      className="card"
      style={OVERLAY}
      role="dialog"
      aria-modal="true"
      onKeyDown={onDetailKeys}
      data-testid="permit-form"
    >
      <h2 data-testid="permit-form-kind">
        {choice.type === 'renew' ? `${t('permit.button.renew')}: ` : ''}
        {draft?.kindLabel ?? option?.label ?? ''}
        {choice.type === 'renew' && <span className="muted small"> (n. {choice.permit.number})</span>}
      </h2>
      <dl>
        <div className="kv">
          <dt>{t('permit.field.holder')}</dt>
          <dd data-testid="permit-holder">
            {draft?.holder.name ?? '…'}
            {draft?.askedBy && (
              <span className="muted small">
                {' '}
                – {t('permit.form.holderIsHead', { name: draft.askedBy.name })}
              </span>
            )}
          </dd>
        </div>
        <div className="kv">
          <dt>{t('permit.field.household')}</dt>
          <dd>{draft?.household?.members.join(', ') ?? '—'}</dd>
        </div>
        <div className="kv">
          <dt>{t('permit.form.address')}</dt>
          <dd>{draft?.address || '—'}</dd>
        </div>
        <div className="kv">
          <dt>{t('permit.field.zone')}</dt>
          <dd data-testid="permit-zone">{draft?.zone ?? '—'}</dd>
        </div>
      </dl>
      <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
        <label className="field" style={{ flex: '2 1 14rem' }}>
          <span>
            {option && option.maxPlates > 1 ? t('permit.field.plates') : t('permit.field.plate')}
            {option && option.maxPlates > 1 && (
              <span className="muted small"> ({t('permit.form.platesHint')})</span>
            )}
          </span>
          <input
            ref={plateRef}
            value={platesValue}
            onChange={(e) => setPlates(e.target.value.toUpperCase())}
            onFocus={(e) => e.target.select()}
            autoComplete="off"
            spellCheck={false}
            className="mono"
            data-testid="permit-plate"
          />
        </label>
        <label className="field" style={{ flex: '0 1 5rem' }}>
          <span>{t('permit.field.country')}</span>
          <input
            value={country}
            maxLength={3}
            onChange={(e) => setCountry(e.target.value.toUpperCase())}
            data-testid="permit-country"
          />
        </label>
        <label className="field" style={{ flex: '1 1 12rem' }}>
          <span>{option?.startsAtTime ? t('permit.field.startTime') : t('permit.field.validFrom')}</span>
          <input
            type={option?.startsAtTime ? 'datetime-local' : 'date'}
            value={start}
            onChange={(e) => setStart(e.target.value)}
            title={t('permit.form.startHint')}
            data-testid="permit-start"
          />
        </label>
        {option?.needsEnd && (
          <label className="field" style={{ flex: '1 1 12rem' }}>
            <span>{t('permit.field.certifiedEnd')}</span>
            <DateInput value={end} onChange={(value) => setEnd(value)} data-testid="permit-end" />
          </label>
        )}
        {option?.needsAslRef && (
          <label className="field" style={{ flex: '2 1 14rem' }}>
            <span>{t('permit.field.aslRef')}</span>
            <input
              ref={aslRef_}
              value={aslRef}
              onChange={(e) => setAslRef(e.target.value)}
              autoComplete="off"
              data-testid="permit-asl"
            />
          </label>
        )}
      </div>
      {option?.noPrivateParking && (
        <label className="check">
          <input
            type="checkbox"
            checked={privateParking}
            onChange={(e) => setPrivateParking(e.target.checked)}
            data-testid="permit-private-parking"
          />{' '}
          {t('permit.field.privateParking')}
        </label>
      )}
      {option?.declarations.map((d) => (
        <label className="check" key={d}>
          <input
            type="checkbox"
            checked={declared[d] ?? false}
            onChange={(e) => setDeclared((x) => ({ ...x, [d]: e.target.checked }))}
            data-testid={`permit-declared-${d}`}
          />{' '}
          {t(
            d === 'garageWithPassoCarraio'
              ? 'permit.requirement.garage_passo_carraio'
              : d === 'chamberOfCommerce'
                ? 'permit.requirement.chamber_of_commerce'
                : 'permit.requirement.albo',
          )}
        </label>
      ))}
      <div className="kv">
        <dt>{t('permit.field.validity')}</dt>
        <dd className="strong" data-testid="permit-validity">
          {draft ? validityText(draft) : '…'}
        </dd>
      </div>
      <div className="kv">
        <dt>{t('permit.field.fee')}</dt>
        <dd className="strong" data-testid="permit-fee">
          {fee === null ? '—' : fee === 0 ? t('permit.form.free') : euro(fee, locale)}
          {draft?.uncertain && <span className="muted small"> · {t('permit.uncertainValue')}</span>}
        </dd>
      </div>
      {fee !== null && fee > 0 && (
        <label className="field" style={{ maxWidth: '18rem' }}>
          <span>{t('permit.form.payment')}</span>
          <select
            value={payment}
            onChange={(e) => setPayment(e.target.value as 'cash' | 'pagopa')}
            data-testid="permit-payment"
          >
            <option value="cash">{t('permit.form.payment.cash')}</option>
            <option value="pagopa">{t('permit.form.payment.pagopa')}</option>
          </select>
        </label>
      )}
      {draft && draft.ok && !issueError && (
        <div
          className="alert alert-warning"
          style={{ background: '#e7f4ea', borderColor: '#8cc79a' }}
          data-testid="permit-eligible"
        >
          {t('permit.form.eligible')}
        </div>
      )}
      {draft && !draft.ok && (
        <div className="alert alert-error" role="alert" data-testid="permit-refusal">
          <strong>{t('permit.form.refused')}</strong>
          <ul style={{ margin: '0.3rem 0 0 1.1rem', padding: 0 }}>
            {draft.refusals.map((r, i) => (
              <li key={`${r.code}-${i}`} data-code={r.code}>
                {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {issueError && (
        <div
          className="alert alert-error"
          role="alert"
          data-testid="permit-error"
          data-code={issueError.code}
        >
          {issueError.message}
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          ref={issueRef}
          className="btn btn-primary"
          onClick={issue}
          data-testid="permit-issue"
        >
          {choice.type === 'renew' ? t('permit.button.renew') : t('permit.button.issue')} (Invio)
        </button>{' '}
        <button type="button" className="btn btn-ghost" onClick={() => setStep('kind')}>
          {t('permit.form.backToKinds')}
        </button>
      </div>
    </div>
  );
}
