import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { cents } from '../../../shared/money/cents';
import { formatEuro } from '../../../shared/money/euro-format';
import { DECLARANT_ROLES, SECTORS, type ShopEventType } from '../../../shared/shops/shop-events';
import type { FiledView, FilingCheckView, ShopView } from '../../../shared/shops/shop-views';
import type { ShopFiling } from '../../../shared/shops/shop-wire';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { DateInput } from '../components/DateInput';

type Payment = 'cash' | 'pagopa';

function initialFiling(shop: ShopView | null, event: ShopEventType): ShopFiling {
  return {
    event,
    effectiveDate: romeDateOf(new Date()),
    declarant: shop?.declarant ?? { surname: '', givenNames: '', codiceFiscale: '', role: 'titolare' },
    company: shop?.company ?? { name: '', partitaIva: '', rea: '', pec: '' },
    signName: shop?.signName ?? '',
    premises: {
      streetType: shop?.streetType ?? 'Via',
      streetName: shop?.streetName ?? '',
      houseNumber: shop?.houseNumber ?? '',
      salesAreaM2: shop?.salesAreaM2 ?? 0,
      totalAreaM2: shop?.totalAreaM2 ?? 0,
    },
    sector: shop?.sector ?? 'non_alimentare',
    requirements: {
      moral: true,
      professional: shop ? shop.sector !== 'non_alimentare' : false,
      preposto: null,
      antimafia: true,
    },
    takeover: event === 'subingresso' ? { previousHolder: shop?.company.name ?? '', deed: '' } : null,
    suspendedUntil: null,
  };
}

/**
 * Filing one event of a shop, keyboard first: the effective date has the focus, Enter files, Esc
 * goes back. The live check (class, kind, fees, term) runs on the counter's mirror as the clerk
 * types; the result shows the protocol number once the hub has given it.
 */
export function ShopForm(props: {
  shop: ShopView | null;
  event: ShopEventType;
  syncMark: string;
  onClose: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const { shop, event, syncMark, onClose } = props;
  const [filing, setFiling] = useState<ShopFiling>(() => initialFiling(shop, event));
  const [payment, setPayment] = useState<Payment>('cash');
  const [check, setCheck] = useState<FilingCheckView | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [filed, setFiled] = useState<FiledView | null>(null);
  const [protocol, setProtocol] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (filed) return;
    const timer = setTimeout(() => {
      void api.shops.check({ shopId: shop?.id ?? null, filing }).then((res) => {
        if (res.ok) setCheck(res.value);
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [filing, shop, filed]);

  useEffect(() => {
    if (!filed) return;
    resultRef.current?.focus();
    void api.shops.caseProtocol({ caseId: filed.caseId }).then((res) => {
      if (res.ok) setProtocol(res.value.protocolNumber);
    });
    // a pagoPA notice is numbered by the hub: it comes back with the shop after the sync
    void api.shops.get({ shopId: filed.shop.id }).then((res) => {
      if (!res.ok) return;
      const own = res.value.notices.find((n) =>
        res.value.history.some((h) => h.filingId === n.filingId && h.caseId === filed.caseId),
      );
      setNotice(own?.noticeNumber ?? null);
    });
  }, [filed, syncMark]);

  const set = (patch: Partial<ShopFiling>) => setFiling((f) => ({ ...f, ...patch }));
  const setPremises = (patch: Partial<ShopFiling['premises']>) =>
    setFiling((f) => ({ ...f, premises: { ...f.premises, ...patch } }));
  const setCompany = (patch: Partial<ShopFiling['company']>) =>
    setFiling((f) => ({ ...f, company: { ...f.company, ...patch } }));
  const setDeclarant = (patch: Partial<ShopFiling['declarant']>) =>
    setFiling((f) => ({ ...f, declarant: { ...f.declarant, ...patch } }));
  const setReq = (patch: Partial<ShopFiling['requirements']>) =>
    setFiling((f) => ({ ...f, requirements: { ...f.requirements, ...patch } }));

  const file = () => {
    if (busy) return;
    setBusy(true);
    void api.shops.file({ shopId: shop?.id ?? null, filing, payment }).then((res) => {
      setBusy(false);
      if (res.ok) {
        setFiled(res.value);
        setProtocol(res.value.protocolNumber);
        setError(null);
      } else setError(res.error);
    });
  };

  const onKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (
      !filed &&
      e.key === 'Enter' &&
      !(e.target instanceof HTMLSelectElement) &&
      !(e.target instanceof HTMLButtonElement) &&
      !(e.target instanceof HTMLTextAreaElement)
    ) {
      e.preventDefault();
      file();
    }
  };

  const euro = (c: number) => formatEuro(cents(c), locale);
  const opening = event === 'apertura';
  const describesPremises = [
    'apertura',
    'trasferimento',
    'ampliamento',
    'variazione_settore',
    'subingresso',
  ].includes(event);
  const needsRequirements = describesPremises || event === 'ripresa';

  if (filed) {
    return (
      <div className="card" tabIndex={-1} ref={resultRef} onKeyDown={onKeys} data-testid="shop-result">
        <h2>{t('shop.result.title')}</h2>
        <p>
          <strong data-testid="shop-result-kind">{filed.kindLabel}</strong> · {t(`shop.event.${event}`)} ·{' '}
          {filed.shop.signName}
        </p>
        <p data-testid="shop-result-protocol">
          {protocol ? t('shop.result.protocol', { number: protocol }) : t('shop.result.awaiting')}
        </p>
        <p data-testid="shop-result-effect">
          {filed.checkDueDate
            ? t('shop.result.sciaTerm', { date: formatDate(filed.checkDueDate) })
            : t('shop.result.comunicazione')}
        </p>
        {filed.feeCents > 0 && (
          <p>
            {t('shop.form.fees')}: {euro(filed.feeCents)} ({t(`shop.pay.${payment}`)})
          </p>
        )}
        {notice && <p data-testid="shop-result-notice">{t('shop.result.notice', { notice })}</p>}
        <p className="muted small">{t('shop.result.back')}</p>
      </div>
    );
  }

  return (
    <div className="card" role="dialog" aria-modal="true" onKeyDown={onKeys} data-testid="shop-form">
      <h2>{t('shop.form.title', { event: t(`shop.event.${event}`) })}</h2>
      {shop && (
        <p className="muted">
          {shop.signName} · {shop.company.name} · {shop.address}
        </p>
      )}
      <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
        <label className="field">
          <span>{t('shop.field.effectiveDate')}</span>
          <DateInput
            autoFocus
            value={filing.effectiveDate}
            onChange={(value) => set({ effectiveDate: value })}
            data-testid="shop-effective-date"
          />
        </label>
        {event === 'sospensione' && (
          <label className="field">
            <span>{t('shop.field.suspendedUntil')}</span>
            <DateInput
              value={filing.suspendedUntil ?? ''}
              onChange={(value) => set({ suspendedUntil: value || null })}
              data-testid="shop-suspended-until"
            />
          </label>
        )}
      </div>
      {(opening || event === 'subingresso') && (
        <fieldset>
          <legend>{t('shop.field.company')}</legend>
          <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
            <label className="field">
              <span>{t('shop.field.signName')}</span>
              <input
                value={filing.signName}
                onChange={(e) => set({ signName: e.target.value })}
                data-testid="shop-sign"
              />
            </label>
            <label className="field">
              <span>{t('shop.field.company')}</span>
              <input
                value={filing.company.name}
                onChange={(e) => setCompany({ name: e.target.value })}
                data-testid="shop-company"
              />
            </label>
            <label className="field">
              <span>{t('shop.field.partitaIva')}</span>
              <input
                className="mono"
                value={filing.company.partitaIva}
                onChange={(e) => setCompany({ partitaIva: e.target.value })}
                data-testid="shop-piva"
              />
            </label>
            <label className="field">
              <span>{t('shop.field.rea')}</span>
              <input value={filing.company.rea} onChange={(e) => setCompany({ rea: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('shop.field.pec')}</span>
              <input value={filing.company.pec} onChange={(e) => setCompany({ pec: e.target.value })} />
            </label>
          </div>
          <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
            <label className="field">
              <span>{t('shop.field.surname')}</span>
              <input
                value={filing.declarant.surname}
                onChange={(e) => setDeclarant({ surname: e.target.value })}
                data-testid="shop-declarant-surname"
              />
            </label>
            <label className="field">
              <span>{t('shop.field.givenNames')}</span>
              <input
                value={filing.declarant.givenNames}
                onChange={(e) => setDeclarant({ givenNames: e.target.value })}
                data-testid="shop-declarant-name"
              />
            </label>
            <label className="field">
              <span>{t('shop.field.codiceFiscale')}</span>
              <input
                className="mono"
                value={filing.declarant.codiceFiscale}
                onChange={(e) => setDeclarant({ codiceFiscale: e.target.value.toUpperCase() })}
                data-testid="shop-declarant-cf"
              />
            </label>
            <label className="field">
              <span>{t('shop.field.role')}</span>
              <select
                value={filing.declarant.role}
                onChange={(e) => setDeclarant({ role: e.target.value as ShopFiling['declarant']['role'] })}
              >
                {DECLARANT_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`shop.role.${r}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </fieldset>
      )}
      {event === 'subingresso' && filing.takeover && (
        <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
          <label className="field">
            <span>{t('shop.field.previousHolder')}</span>
            <input
              value={filing.takeover.previousHolder}
              onChange={(e) =>
                set({ takeover: { deed: filing.takeover?.deed ?? '', previousHolder: e.target.value } })
              }
            />
          </label>
          <label className="field" style={{ flex: '2 1 20rem' }}>
            <span>{t('shop.field.deed')}</span>
            <input
              value={filing.takeover.deed}
              onChange={(e) =>
                set({
                  takeover: { previousHolder: filing.takeover?.previousHolder ?? '', deed: e.target.value },
                })
              }
              data-testid="shop-deed"
            />
          </label>
        </div>
      )}
      {describesPremises && (
        <fieldset>
          <legend>{t('shop.field.address')}</legend>
          <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
            <label className="field" style={{ flex: '0 1 7rem' }}>
              <span>{t('shop.field.streetType')}</span>
              <input
                value={filing.premises.streetType}
                onChange={(e) => setPremises({ streetType: e.target.value })}
                data-testid="shop-street-type"
              />
            </label>
            <label className="field">
              <span>{t('shop.field.streetName')}</span>
              <input
                value={filing.premises.streetName}
                onChange={(e) => setPremises({ streetName: e.target.value })}
                data-testid="shop-street"
              />
            </label>
            <label className="field" style={{ flex: '0 1 6rem' }}>
              <span>{t('shop.field.houseNumber')}</span>
              <input
                value={filing.premises.houseNumber}
                onChange={(e) => setPremises({ houseNumber: e.target.value })}
                data-testid="shop-house"
              />
            </label>
            <label className="field" style={{ flex: '0 1 10rem' }}>
              <span>{t('shop.field.salesArea')}</span>
              <input
                inputMode="decimal"
                value={String(filing.premises.salesAreaM2)}
                onChange={(e) => setPremises({ salesAreaM2: Number(e.target.value.replace(',', '.')) || 0 })}
                data-testid="shop-sales-area"
              />
            </label>
            <label className="field" style={{ flex: '0 1 10rem' }}>
              <span>{t('shop.field.totalArea')}</span>
              <input
                inputMode="decimal"
                value={String(filing.premises.totalAreaM2)}
                onChange={(e) => setPremises({ totalAreaM2: Number(e.target.value.replace(',', '.')) || 0 })}
                data-testid="shop-total-area"
              />
            </label>
            <label className="field">
              <span>{t('shop.field.sector')}</span>
              <select
                value={filing.sector}
                onChange={(e) => set({ sector: e.target.value as ShopFiling['sector'] })}
                data-testid="shop-sector"
              >
                {SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {t(`shop.sector.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </fieldset>
      )}
      {needsRequirements && (
        <fieldset>
          <label>
            <input
              type="checkbox"
              checked={filing.requirements.moral}
              onChange={(e) => setReq({ moral: e.target.checked })}
            />{' '}
            {t('shop.req.moral')}
          </label>
          <br />
          <label>
            <input
              type="checkbox"
              checked={filing.requirements.professional}
              onChange={(e) => setReq({ professional: e.target.checked })}
              data-testid="shop-req-professional"
            />{' '}
            {t('shop.req.professional')}
          </label>
          <br />
          <label>
            <input
              type="checkbox"
              checked={filing.requirements.antimafia}
              onChange={(e) => setReq({ antimafia: e.target.checked })}
            />{' '}
            {t('shop.req.antimafia')}
          </label>
        </fieldset>
      )}
      {check && (
        <div className="small" data-testid="shop-check" style={{ margin: '0.5rem 0' }}>
          <p>
            {t('shop.form.kind')}: <strong data-testid="shop-check-kind">{check.kindLabel}</strong>
          </p>
          {describesPremises && (
            <p
              className={check.classOk ? undefined : 'alert alert-error'}
              data-testid="shop-class-line"
              data-ok={check.classOk ? 'yes' : 'no'}
            >
              {check.classLine}
            </p>
          )}
          {check.checkDueDate && <p>{t('shop.result.sciaTerm', { date: formatDate(check.checkDueDate) })}</p>}
          <p>
            {t('shop.form.fees')}:{' '}
            {check.fees.length === 0
              ? t('shop.form.noFees')
              : check.fees.map((f) => `${f.label[locale]} ${euro(f.cents)}`).join(' + ')}
          </p>
          {check.refusal && (
            <p
              className="alert alert-error"
              role="alert"
              data-testid="shop-refusal"
              data-code={check.refusal.code}
            >
              {check.refusal.message}
            </p>
          )}
        </div>
      )}
      {check && check.feeCents > 0 && (
        <label className="field">
          <span>{t('shop.field.payment')}</span>
          <select
            value={payment}
            onChange={(e) => setPayment(e.target.value as Payment)}
            data-testid="shop-payment"
          >
            <option value="cash">{t('shop.pay.cash')}</option>
            <option value="pagopa">{t('shop.pay.pagopa')}</option>
          </select>
        </label>
      )}
      {error && (
        <div className="alert alert-error" role="alert" data-testid="shop-error" data-code={error.code}>
          {error.message}
        </div>
      )}
      <div style={{ display: 'flex', gap: '0.5rem', marginTop: '0.75rem' }}>
        <button
          type="button"
          className="btn btn-primary"
          onClick={file}
          disabled={busy}
          data-testid="shop-file"
        >
          {t('shop.form.file')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('shop.form.cancel')}
        </button>
      </div>
    </div>
  );
}
