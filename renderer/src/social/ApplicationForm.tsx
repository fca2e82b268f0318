import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ErrorData } from '../../../shared/errors/app-error';
import type {
  ContributoApplyInput,
  HouseholdView,
  IbanCheckView,
  SadApplyInput,
} from '../../../shared/social/social-calls';
import {
  DECREE_ROLES,
  L104_STATUSES,
  NEED_CATEGORIES,
  REQUESTER_ROLES,
  SOCIAL_ISEE_TYPES,
  type NeedCategory,
  type RequesterRole,
} from '../../../shared/social/social-wire';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { api } from '../api/client';
import { OVERLAY } from '../canone/CanoneForm';
import { useT } from '../i18n/useT';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { DateInput } from '../components/DateInput';

const row: React.CSSProperties = { display: 'flex', gap: '0.75rem', flexWrap: 'wrap' };
type IseeChoice = (typeof SOCIAL_ISEE_TYPES)[number] | 'none';

/**
 * A contributo economico or home-care application at the social-services office, keyboard first
 * (DOMAIN.md §10.2-10.3): the beneficiary and the household from the registry, who applies (a
 * legal protector with the decree), the ISEE as the INPS form shows it, disability and L. 104,
 * the accompanying allowance; for the contributo the IBAN (checked as typed) and the need.
 * Enter files it, Esc closes. The desk refuses bad input in words and stores nothing.
 */
export function ApplicationForm(props: {
  kind: 'contributo' | 'sad';
  beneficiary: { id: string; name: string };
  onClose: () => void;
  onFiled: (id: string) => void;
  onError: (e: ErrorData) => void;
}) {
  const { t } = useT();
  useReturnFocus();
  const { kind, beneficiary, onClose, onFiled, onError } = props;
  const [household, setHousehold] = useState<HouseholdView | null>(null);
  const [role, setRole] = useState<RequesterRole>('self');
  const [surname, setSurname] = useState('');
  const [givenNames, setGivenNames] = useState('');
  const [codiceFiscale, setCodiceFiscale] = useState('');
  const [decree, setDecree] = useState('');
  const [iseeType, setIseeType] = useState<IseeChoice>('ordinario');
  const [iseeValue, setIseeValue] = useState('');
  const [dsu, setDsu] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [invalidity, setInvalidity] = useState('');
  const [l104, setL104] = useState<(typeof L104_STATUSES)[number]>('none');
  const [allowance, setAllowance] = useState(false);
  const [iban, setIban] = useState('');
  const [ibanAnswer, setIbanAnswer] = useState<{ iban: string; view: IbanCheckView } | null>(null);
  const [need, setNeed] = useState<NeedCategory>('reddito');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ErrorData | null>(null);
  const busy = useRef(false);
  const firstRef = useRef<HTMLSelectElement>(null);
  const [openedAt] = useState(() => Date.now());

  useEffect(() => {
    firstRef.current?.focus();
    void api.social.household({ residentId: beneficiary.id }).then((res) => {
      if (res.ok) setHousehold(res.value);
      else onError(res.error);
    });
    // once per opening
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // the IBAN is checked as it is typed: a wrong check digit is said before filing
  useEffect(() => {
    if (kind !== 'contributo' || iban.replace(/\s+/g, '').length < 15) return;
    const timer = setTimeout(() => {
      void api.social
        .checkIban({ iban })
        .then((res) => (res.ok ? setIbanAnswer({ iban, view: res.value }) : onError(res.error)));
    }, 120);
    return () => clearTimeout(timer);
  }, [kind, iban, onError]);

  // an answer for an IBAN since changed is not shown
  const ibanCheck = ibanAnswer?.iban === iban ? ibanAnswer.view : null;

  const common = (): SadApplyInput => ({
    beneficiaryId: beneficiary.id,
    requester:
      role === 'self'
        ? { role }
        : { role, surname, givenNames, codiceFiscale, decree: DECREE_ROLES.includes(role) ? decree : null },
    isee:
      iseeType === 'none'
        ? null
        : { type: iseeType, value: iseeValue, dsuProtocol: dsu, issuedOn: issuedOn || '0000-01-01' },
    disability: {
      invalidityPct:
        invalidity.trim() === '' ? null : Math.min(100, Math.max(0, Math.trunc(Number(invalidity)) || 0)),
      l104,
      accompanyingAllowance: allowance,
    },
    needNote: note,
    counterSeconds: Math.min(86_400, Math.round((Date.now() - openedAt) / 1000)),
  });

  const file = () => {
    if (busy.current) return;
    if (iseeType !== 'none' && !/^\d{4}-\d{2}-\d{2}$/.test(issuedOn)) {
      setError({ code: 'invalid_input', message: `${t('social.field.iseeIssued')}?` });
      return;
    }
    busy.current = true;
    setError(null);
    const done = (res: { ok: true; value: { id: string } } | { ok: false; error: ErrorData }) => {
      busy.current = false;
      if (!res.ok) return setError(res.error);
      onFiled(res.value.id);
    };
    if (kind === 'contributo') {
      const input: ContributoApplyInput = { ...common(), iban, need };
      void api.social.contributoApply(input).then(done);
    } else void api.social.sadApply(common()).then(done);
  };

  const onKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (
      e.key === 'Enter' &&
      !(e.target instanceof HTMLSelectElement) &&
      !(e.target instanceof HTMLButtonElement) &&
      !(e.target instanceof HTMLTextAreaElement)
    ) {
      e.preventDefault();
      file();
    }
  };

  return (
    <div
      className="card"
      style={OVERLAY}
      role="dialog"
      aria-modal="true"
      aria-labelledby="social-form-title"
      onKeyDown={onKeys}
      data-testid="social-form"
    >
      <h2 id="social-form-title">
        {t(kind === 'contributo' ? 'social.form.titleContributo' : 'social.form.titleSad')}
      </h2>
      <p className="strong" data-testid="social-beneficiary">
        {t('social.form.beneficiary')}: {beneficiary.name}
        {household && <span className="muted small"> · {household.beneficiary.addressLine}</span>}
      </p>
      {household && (
        <p className="small" data-testid="social-household">
          {t('social.form.household')}:{' '}
          {household.household.length === 0
            ? t('social.form.householdAlone')
            : household.household
                .map((m) => `${m.name} (${m.relationship}, ${formatDate(m.birthDate)})`)
                .join(' · ')}
        </p>
      )}
      <div style={row}>
        <label className="field" style={{ flex: '0 1 16rem' }}>
          <span>{t('social.field.requesterRole')}</span>
          <select
            ref={firstRef}
            value={role}
            onChange={(e) => setRole(e.target.value as RequesterRole)}
            data-testid="social-role"
          >
            {REQUESTER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`social.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {role !== 'self' && (
          <>
            <label className="field" style={{ flex: '1 1 10rem' }}>
              <span>{t('social.field.requesterSurname')}</span>
              <input
                value={surname}
                onChange={(e) => setSurname(e.target.value)}
                data-testid="social-req-surname"
              />
            </label>
            <label className="field" style={{ flex: '1 1 10rem' }}>
              <span>{t('social.field.requesterGivenNames')}</span>
              <input
                value={givenNames}
                onChange={(e) => setGivenNames(e.target.value)}
                data-testid="social-req-given"
              />
            </label>
            <label className="field" style={{ flex: '0 1 12rem' }}>
              <span>{t('social.field.requesterCf')}</span>
              <input
                value={codiceFiscale}
                onChange={(e) => setCodiceFiscale(e.target.value.toUpperCase())}
                maxLength={16}
                className="mono"
                data-testid="social-req-cf"
              />
            </label>
          </>
        )}
      </div>
      {DECREE_ROLES.includes(role) && (
        <label className="field">
          <span>{t('social.field.decree')}</span>
          <input value={decree} onChange={(e) => setDecree(e.target.value)} data-testid="social-decree" />
        </label>
      )}
      <div style={row}>
        <label className="field" style={{ flex: '0 1 12rem' }}>
          <span>{t('social.field.iseeType')}</span>
          <select
            value={iseeType}
            onChange={(e) => setIseeType(e.target.value as IseeChoice)}
            data-testid="social-isee-type"
          >
            {SOCIAL_ISEE_TYPES.map((i) => (
              <option key={i} value={i}>
                {t(`social.isee.${i}`)}
              </option>
            ))}
            <option value="none">{t('social.isee.none')}</option>
          </select>
        </label>
        {iseeType !== 'none' && (
          <>
            <label className="field" style={{ flex: '0 1 9rem' }}>
              <span>{t('social.field.iseeValue')}</span>
              <input
                value={iseeValue}
                onChange={(e) => setIseeValue(e.target.value)}
                inputMode="decimal"
                className="mono"
                data-testid="social-isee-value"
              />
            </label>
            <label className="field" style={{ flex: '1 1 14rem' }}>
              <span>{t('social.field.dsu')}</span>
              <input
                value={dsu}
                onChange={(e) => setDsu(e.target.value.toUpperCase())}
                placeholder="INPS-ISEE-2026-000000000-00"
                className="mono"
                data-testid="social-isee-dsu"
              />
            </label>
            <label className="field" style={{ flex: '0 1 11rem' }}>
              <span>{t('social.field.iseeIssued')}</span>
              <DateInput
                value={issuedOn}
                onChange={(value) => setIssuedOn(value)}
                data-testid="social-isee-issued"
              />
            </label>
          </>
        )}
      </div>
      <div style={row}>
        <label className="field" style={{ flex: '0 1 9rem' }}>
          <span>{t('social.field.invalidity')}</span>
          <input
            value={invalidity}
            onChange={(e) => setInvalidity(e.target.value)}
            inputMode="numeric"
            data-testid="social-invalidity"
          />
        </label>
        <label className="field" style={{ flex: '0 1 12rem' }}>
          <span>{t('social.field.l104')}</span>
          <select
            value={l104}
            onChange={(e) => setL104(e.target.value as (typeof L104_STATUSES)[number])}
            data-testid="social-l104"
          >
            {L104_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`social.l104.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check" style={{ alignSelf: 'end' }}>
          <input
            type="checkbox"
            checked={allowance}
            onChange={(e) => setAllowance(e.target.checked)}
            data-testid="social-allowance"
          />{' '}
          {t('social.field.allowance')}
        </label>
      </div>
      {kind === 'contributo' && (
        <div style={row}>
          <label className="field" style={{ flex: '2 1 20rem' }}>
            <span>
              {t('social.field.iban')}
              {ibanCheck?.ok && (
                <span className="small" data-testid="social-iban-ok">
                  {' '}
                  ✓ {t('social.iban.ok')}
                </span>
              )}
            </span>
            <input
              value={iban}
              onChange={(e) => setIban(e.target.value.toUpperCase())}
              className="mono"
              maxLength={42}
              autoComplete="off"
              data-testid="social-iban"
            />
          </label>
          <label className="field" style={{ flex: '1 1 12rem' }}>
            <span>{t('social.field.need')}</span>
            <select
              value={need}
              onChange={(e) => setNeed(e.target.value as NeedCategory)}
              data-testid="social-need"
            >
              {NEED_CATEGORIES.map((n) => (
                <option key={n} value={n}>
                  {t(`social.need.${n}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {ibanCheck && !ibanCheck.ok && (
        <div
          className="alert alert-error"
          role="alert"
          data-testid="social-iban-error"
          data-code={ibanCheck.code}
        >
          {ibanCheck.message}
        </div>
      )}
      <label className="field">
        <span>{t('social.field.needNote')}</span>
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={1000}
          data-testid="social-note"
        />
      </label>
      {error && (
        <div className="alert alert-error" role="alert" data-testid="social-error" data-code={error.code}>
          {error.message}
        </div>
      )}
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={file} data-testid="social-file">
          {t('social.form.file')}
        </button>{' '}
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('close')} (Esc)
        </button>
      </div>
      <p className="muted small">{t('social.keys')}</p>
    </div>
  );
}
