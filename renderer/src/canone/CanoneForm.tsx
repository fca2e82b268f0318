import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { addDays, daysBetween, isIsoDate } from '../../../shared/calendar/iso-date';
import type {
  CanoneApplicantInput,
  CanoneApplyInput,
  CanoneOptionsView,
} from '../../../shared/canone/canone-calls';
import type { CanoneApplicationView, CanoneQuoteView } from '../../../shared/canone/canone-views';
import type { ResidentSummary } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { api } from '../api/client';
import { euro } from '../cashdesk/money';
import { useT } from '../i18n/useT';
import { FeeBreakdown } from './FeeBreakdown';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { DateInput } from '../components/DateInput';

/** The form floats over the screen it was opened from (the area, or a resident's page). */
export const OVERLAY: React.CSSProperties = {
  position: 'fixed',
  top: '4.5rem',
  left: '50%',
  transform: 'translateX(-50%)',
  width: 'min(820px, 95vw)',
  maxHeight: '88vh',
  overflowY: 'auto',
  zIndex: 40,
  boxShadow: '0 12px 40px rgba(0,0,0,0.28)',
  textAlign: 'left',
};

type ApplicantKind = CanoneApplicantInput['kind'];

/** "12,5" or "12.5" as typed → 12.5; null while it is not a number yet. */
const typedNumber = (text: string): number | null => {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
};

const row: React.CSSProperties = { display: 'flex', gap: '0.75rem', flexWrap: 'wrap' };

/**
 * A concession application at the counter, keyboard first: the applicant (a company by partita
 * IVA, a resident from the registry, or another person by codice fiscale), where, what, how big
 * and how long; the fee is asked of the desk at every change and shown with its breakdown and
 * every reason it cannot be filed yet; Enter files it; Esc closes.
 */
export function CanoneForm(props: {
  resident?: { id: string; name: string } | null;
  onClose: () => void;
  onFiled: (application: CanoneApplicationView) => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const { onError, onClose, onFiled } = props;
  const [options, setOptions] = useState<CanoneOptionsView | null>(null);
  const [kind, setKind] = useState<ApplicantKind>(props.resident ? 'resident' : 'company');
  const [resident, setResident] = useState(props.resident ?? null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ResidentSummary[]>([]);
  const [cursor, setCursor] = useState(0);
  const [partitaIva, setPartitaIva] = useState('');
  const [companyName, setCompanyName] = useState('');
  const [seat, setSeat] = useState('');
  const [pec, setPec] = useState('');
  const [codiceFiscale, setCodiceFiscale] = useState('');
  const [personName, setPersonName] = useState('');
  const [street, setStreet] = useState('');
  const [civic, setCivic] = useState('');
  const [category, setCategory] = useState('');
  const [regime, setRegime] = useState<'temporary' | 'permanent'>('temporary');
  const [measure, setMeasure] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [hoursFrom, setHoursFrom] = useState('');
  const [hoursTo, setHoursTo] = useState('');
  const [ownSign, setOwnSign] = useState(false);
  const [traffic, setTraffic] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [answer, setAnswer] = useState<CanoneQuoteView | null>(null);
  const [fileError, setFileError] = useState<ErrorData | null>(null);
  const busy = useRef(false);
  const asked = useRef(0);
  const firstRef = useRef<HTMLInputElement>(null);
  /** when the form opened: the time at the counter, for the burden meter (cases' counterSeconds) */
  const [openedAt] = useState(() => Date.now());

  useEffect(() => {
    void api.canone.options({}).then((res) => {
      if (!res.ok) return onError(res.error);
      setOptions(res.value);
      setStart((s) => s || res.value.today);
      setCategory((c) => c || (res.value.categories[0]?.code ?? ''));
    });
    // once per opening
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const loaded = options !== null;
  const applicantKnown = kind === 'resident' && resident !== null;
  useEffect(() => {
    firstRef.current?.focus();
  }, [kind, loaded, applicantKnown]);

  // the registry search for a resident applicant: the first hits, arrows and Enter to pick
  useEffect(() => {
    if (kind !== 'resident' || query.trim().length < 2) return;
    const timer = setTimeout(() => {
      void api.registry.search({ query, limit: 8 }).then((res) => {
        if (res.ok && res.value.kind === 'results') {
          setFound(res.value.residents.filter((r) => r.status === 'resident'));
          setCursor(0);
        } else setFound([]);
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [kind, query]);

  const hits = kind === 'resident' && query.trim().length >= 2 ? found : [];
  const chosen = options?.categories.find((c) => c.code === category) ?? null;
  const measureValue = typedNumber(measure);
  const days =
    start !== '' && end !== '' && isIsoDate(start) && isIsoDate(end) ? daysBetween(start, end) + 1 : null;

  const applicant = (): CanoneApplicantInput | null => {
    if (kind === 'resident') return resident ? { kind: 'resident', residentId: resident.id } : null;
    if (kind === 'person') {
      return codiceFiscale.trim() === '' ? null : { kind: 'person', codiceFiscale, name: personName };
    }
    if (partitaIva.trim() === '') return null;
    return {
      kind: 'company',
      partitaIva,
      name: companyName,
      ...(seat.trim() !== '' ? { seat } : {}),
      pec: pec.trim() === '' ? null : pec,
    };
  };

  const request = (): CanoneApplyInput | null => {
    if (!options || category === '' || measureValue === null || !isIsoDate(start)) return null;
    const who = applicant();
    return {
      applicant: who ?? { kind: 'company', partitaIva: '', name: '' },
      street,
      civic,
      category,
      regime,
      measure: measureValue,
      start,
      end: isIsoDate(end) ? end : null,
      hours: hoursFrom !== '' && hoursTo !== '' ? { from: hoursFrom, to: hoursTo } : null,
      ownSign: chosen?.advertising ? ownSign : false,
      trafficAffected: traffic,
      ...(purpose.trim() !== '' ? { purpose } : {}),
      counterSeconds: Math.min(86_400, Math.round((Date.now() - openedAt) / 1000)),
    };
  };

  // the live fee: every change asks the desk again; only the latest answer is shown
  useEffect(() => {
    const input = request();
    if (input === null) return;
    const ticket = ++asked.current;
    const timer = setTimeout(() => {
      const { purpose: _p, trafficAffected: _t, counterSeconds: _s, ...ask } = input;
      const who = applicant();
      void api.canone.quote({ ...ask, applicant: who }).then((res) => {
        if (ticket !== asked.current) return;
        if (res.ok) {
          setAnswer(res.value);
          setFileError(null);
        } else setFileError(res.error);
      });
    }, 120);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    options,
    kind,
    resident,
    partitaIva,
    companyName,
    seat,
    pec,
    codiceFiscale,
    personName,
    street,
    civic,
    category,
    regime,
    measure,
    start,
    end,
    hoursFrom,
    hoursTo,
    ownSign,
  ]);

  const file = () => {
    const input = request();
    if (input === null || busy.current) return;
    if (applicant() === null) {
      setFileError({ code: 'invalid_input', message: t('canone.field.applicant') });
      return;
    }
    busy.current = true;
    setFileError(null);
    void api.canone.apply(input).then((res) => {
      busy.current = false;
      if (!res.ok) return setFileError(res.error);
      onFiled(res.value.application);
    });
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

  const onSearchKeys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setCursor((c) =>
        e.key === 'ArrowDown' ? Math.min(c + 1, Math.max(hits.length - 1, 0)) : Math.max(c - 1, 0),
      );
    } else if (e.key === 'Enter' && hits.length > 0 && !resident) {
      // Enter picks the highlighted person; the next Enter files
      e.preventDefault();
      e.stopPropagation();
      const hit = hits[Math.min(cursor, hits.length - 1)];
      if (hit) {
        setResident({ id: hit.id, name: `${hit.surname} ${hit.givenNames}` });
        setQuery('');
      }
    }
  };

  const setDays = (text: string) => {
    const n = typedNumber(text);
    if (n === null || !Number.isInteger(n) || n < 1 || !isIsoDate(start)) return setEnd('');
    setEnd(addDays(start, n - 1));
  };

  // an answer for a request the form can no longer make (a field emptied) is not shown
  const quote = request() === null ? null : answer;
  const fee = quote?.fee ?? null;
  return (
    <div
      className="card"
      style={OVERLAY}
      role="dialog"
      aria-modal="true"
      aria-labelledby="canone-form-title"
      onKeyDown={onKeys}
      data-testid="canone-form"
    >
      <h2 id="canone-form-title">{t('canone.form.title')}</h2>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <div style={row}>
          <label className="field" style={{ flex: '0 1 14rem' }}>
            <span>{t('canone.field.applicant')}</span>
            <select
              value={kind}
              onChange={(e) => setKind(e.target.value as ApplicantKind)}
              data-testid="canone-applicant-kind"
            >
              <option value="company">{t('canone.applicant.company')}</option>
              <option value="resident">{t('canone.applicant.resident')}</option>
              <option value="person">{t('canone.applicant.person')}</option>
            </select>
          </label>
          {kind === 'company' && (
            <>
              <label className="field" style={{ flex: '0 1 10rem' }}>
                <span>{t('canone.field.partitaIva')}</span>
                <input
                  ref={firstRef}
                  value={partitaIva}
                  onChange={(e) => setPartitaIva(e.target.value.replace(/\s+/g, ''))}
                  inputMode="numeric"
                  maxLength={13}
                  className="mono"
                  autoComplete="off"
                  data-testid="canone-piva"
                />
              </label>
              <label className="field" style={{ flex: '1 1 14rem' }}>
                <span>{t('canone.field.companyName')}</span>
                <input
                  value={companyName}
                  onChange={(e) => setCompanyName(e.target.value)}
                  autoComplete="off"
                  data-testid="canone-company-name"
                />
              </label>
            </>
          )}
          {kind === 'resident' &&
            (resident ? (
              <p className="strong" style={{ alignSelf: 'end' }} data-testid="canone-resident">
                {t('canone.form.fromResident', { name: resident.name })}{' '}
                <button
                  type="button"
                  className="btn btn-ghost"
                  onClick={() => setResident(null)}
                  data-testid="canone-resident-change"
                >
                  ✕
                </button>
              </p>
            ) : (
              <label className="field" style={{ flex: '1 1 18rem' }}>
                <span>{t('canone.field.residentSearch')}</span>
                <input
                  ref={firstRef}
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  onKeyDown={onSearchKeys}
                  role="combobox"
                  aria-expanded={hits.length > 0}
                  aria-controls="canone-resident-hits"
                  autoComplete="off"
                  spellCheck={false}
                  data-testid="canone-resident-search"
                />
              </label>
            ))}
          {kind === 'person' && (
            <>
              <label className="field" style={{ flex: '0 1 12rem' }}>
                <span>{t('canone.field.codiceFiscale')}</span>
                <input
                  ref={firstRef}
                  value={codiceFiscale}
                  onChange={(e) => setCodiceFiscale(e.target.value.toUpperCase())}
                  className="mono"
                  maxLength={16}
                  autoComplete="off"
                  data-testid="canone-cf"
                />
              </label>
              <label className="field" style={{ flex: '1 1 14rem' }}>
                <span>{t('canone.field.name')}</span>
                <input
                  value={personName}
                  onChange={(e) => setPersonName(e.target.value)}
                  autoComplete="off"
                  data-testid="canone-person-name"
                />
              </label>
            </>
          )}
        </div>
        {kind === 'resident' && !resident && hits.length > 0 && (
          <ul
            id="canone-resident-hits"
            role="listbox"
            className="results compact"
            style={{ listStyle: 'none', padding: 0 }}
          >
            {hits.map((h, i) => (
              <li
                key={h.id}
                role="option"
                aria-selected={i === cursor}
                style={{
                  padding: '0.3rem 0.6rem',
                  background: i === cursor ? '#dbe6f5' : undefined,
                  cursor: 'pointer',
                }}
                onClick={() => setResident({ id: h.id, name: `${h.surname} ${h.givenNames}` })}
                data-testid="canone-resident-hit"
              >
                {h.surname} {h.givenNames} <span className="muted small mono">{h.codiceFiscale}</span>{' '}
                <span className="muted small">{h.addressLine}</span>
              </li>
            ))}
          </ul>
        )}
        {kind === 'company' && (
          <div style={row}>
            <label className="field" style={{ flex: '2 1 18rem' }}>
              <span>{t('canone.field.seat')}</span>
              <input
                value={seat}
                onChange={(e) => setSeat(e.target.value)}
                autoComplete="off"
                data-testid="canone-seat"
              />
            </label>
            <label className="field" style={{ flex: '1 1 12rem' }}>
              <span>{t('canone.field.pec')}</span>
              <input
                value={pec}
                onChange={(e) => setPec(e.target.value)}
                autoComplete="off"
                data-testid="canone-pec"
              />
            </label>
          </div>
        )}
        <div style={row}>
          <label className="field" style={{ flex: '2 1 16rem' }}>
            <span>
              {t('canone.field.street')}
              {quote?.zone && (
                <span className="muted small" data-testid="canone-zone">
                  {' '}
                  · {t('canone.field.zone')} {quote.zone}
                </span>
              )}
            </span>
            <input
              ref={kind === 'resident' && resident ? firstRef : undefined}
              value={street}
              onChange={(e) => setStreet(e.target.value)}
              list="canone-streets"
              autoComplete="off"
              spellCheck={false}
              data-testid="canone-street"
            />
            <datalist id="canone-streets">
              {options?.streets.map((s) => (
                <option
                  key={`${s.streetType} ${s.streetName}`}
                  value={`${s.streetType} ${s.streetName}`.trim()}
                >
                  {s.zoneLabel}
                </option>
              ))}
            </datalist>
          </label>
          <label className="field" style={{ flex: '0 1 6rem' }}>
            <span>{t('canone.field.civic')}</span>
            <input
              value={civic}
              onChange={(e) => setCivic(e.target.value)}
              autoComplete="off"
              data-testid="canone-civic"
            />
          </label>
        </div>
        <div style={row}>
          <label className="field" style={{ flex: '2 1 18rem' }}>
            <span>{t('canone.field.category')}</span>
            <select
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              data-testid="canone-category"
            >
              {options?.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label} ({c.unit === 'm2' ? 'm²' : 'ml'})
                </option>
              ))}
            </select>
          </label>
          <label className="field" style={{ flex: '0 1 10rem' }}>
            <span>{t('canone.field.regime')}</span>
            <select
              value={regime}
              onChange={(e) => setRegime(e.target.value as 'temporary' | 'permanent')}
              data-testid="canone-regime"
            >
              <option value="temporary">{t('canone.regime.temporary')}</option>
              <option value="permanent">{t('canone.regime.permanent')}</option>
            </select>
          </label>
          <label className="field" style={{ flex: '0 1 9rem' }}>
            <span>{chosen?.unit === 'ml' ? t('canone.field.measure.ml') : t('canone.field.measure.m2')}</span>
            <input
              value={measure}
              onChange={(e) => setMeasure(e.target.value)}
              inputMode="decimal"
              autoComplete="off"
              data-testid="canone-measure"
            />
          </label>
        </div>
        <div style={row}>
          <label className="field" style={{ flex: '0 1 11rem' }}>
            <span>{t('canone.field.start')}</span>
            <DateInput value={start} onChange={(value) => setStart(value)} data-testid="canone-start" />
          </label>
          {regime === 'temporary' && (
            <label className="field" style={{ flex: '0 1 6rem' }}>
              <span>{t('canone.field.days')}</span>
              <input
                value={days === null ? '' : String(days)}
                onChange={(e) => setDays(e.target.value)}
                inputMode="numeric"
                autoComplete="off"
                data-testid="canone-days"
              />
            </label>
          )}
          <label className="field" style={{ flex: '0 1 11rem' }}>
            <span>{t('canone.field.end')}</span>
            <DateInput value={end} onChange={(value) => setEnd(value)} data-testid="canone-end" />
          </label>
          {options?.hourly && regime === 'temporary' && (
            <>
              <label className="field" style={{ flex: '0 1 7rem' }}>
                <span>{t('canone.field.hoursFrom')}</span>
                <input
                  type="time"
                  value={hoursFrom}
                  onChange={(e) => setHoursFrom(e.target.value)}
                  data-testid="canone-hours-from"
                />
              </label>
              <label className="field" style={{ flex: '0 1 7rem' }}>
                <span>{t('canone.field.hoursTo')}</span>
                <input
                  type="time"
                  value={hoursTo}
                  onChange={(e) => setHoursTo(e.target.value)}
                  data-testid="canone-hours-to"
                />
              </label>
            </>
          )}
        </div>
        {chosen?.advertising && (
          <label className="check">
            <input
              type="checkbox"
              checked={ownSign}
              onChange={(e) => setOwnSign(e.target.checked)}
              data-testid="canone-own-sign"
            />{' '}
            {t('canone.field.ownSign')}
          </label>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={traffic}
            onChange={(e) => setTraffic(e.target.checked)}
            data-testid="canone-traffic"
          />{' '}
          {t('canone.field.traffic')}
        </label>
        <label className="field">
          <span>{t('canone.field.purpose')}</span>
          <input
            value={purpose}
            placeholder={chosen?.label ?? ''}
            onChange={(e) => setPurpose(e.target.value)}
            maxLength={300}
            autoComplete="off"
            data-testid="canone-purpose"
          />
        </label>
      </fieldset>

      <h3 style={{ marginBottom: '0.3rem' }}>{t('canone.form.feeLive')}</h3>
      {fee ? (
        <FeeBreakdown fee={fee} />
      ) : (
        <p className="muted" data-testid="canone-fee-none">
          —
        </p>
      )}
      {quote && quote.instalments.length > 0 && (
        <p className="small" data-testid="canone-instalments">
          {t('canone.form.instalments')}:{' '}
          {quote.instalments
            .map((i) => `${euro(i.amountCents, locale)} ${formatDate(i.dueDate)}`)
            .join(' · ')}
        </p>
      )}
      {quote && quote.ok && !fileError && (
        <div
          className="alert alert-warning"
          style={{ background: '#e7f4ea', borderColor: '#8cc79a' }}
          data-testid="canone-ok"
        >
          {t('canone.form.ok')}
        </div>
      )}
      {quote && !quote.ok && (
        <div className="alert alert-error" role="alert" data-testid="canone-refusals">
          <strong>{t('canone.form.refused')}</strong>
          <ul style={{ margin: '0.3rem 0 0 1.1rem', padding: 0 }}>
            {quote.refusals.map((r, i) => (
              <li key={`${r.code}-${i}`} data-code={r.code}>
                {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {fileError && (
        <div className="alert alert-error" role="alert" data-testid="canone-error" data-code={fileError.code}>
          {fileError.message}
        </div>
      )}
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={file} data-testid="canone-file">
          {t('canone.form.file')}
        </button>{' '}
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('close')} (Esc)
        </button>
      </div>
      <p className="muted small">{t('canone.form.keys')}</p>
    </div>
  );
}
