import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type {
  SchoolEnrolInput,
  SchoolHouseholdView,
  SchoolIseeInput,
  SchoolOptionsView,
  SchoolQuoteView,
} from '../../../shared/school/school-calls';
import type { SchoolEnrolmentView } from '../../../shared/school/school-views';
import type { DietCode, SchoolService } from '../../../shared/school/school-wire';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { IseeType } from '../../../shared/isee/statement';
import { api } from '../api/client';
import { euro } from '../cashdesk/money';
import { useT } from '../i18n/useT';
import { OVERLAY } from '../canone/CanoneForm';
import { EMPTY_ISEE, IseeFields, iseeValueText, type IseeFieldValues } from '../isee/IseeFields';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { DateInput } from '../components/DateInput';

/** What "enrol the next sibling" keeps from the last enrolment: school, payer, ISEE, service. */
export interface EnrolCarry {
  service: SchoolService;
  schoolCode: string;
  className: string;
  payerId: string;
  isee: SchoolIseeInput | null;
  startMonth: string;
  dietCode: DietCode | null;
}

const row: React.CSSProperties = { display: 'flex', gap: '0.75rem', flexWrap: 'wrap' };

/**
 * A canteen or transport enrolment, keyboard first. The child comes from the resident's page,
 * the payer and the siblings from the household (the adult whose ISEE the comune holds first),
 * then school, class, route and stop, the diet (a code, never a diagnosis), the ISEE; the band,
 * the price and the sibling rank are asked of the desk at every change. Enter enrols; once done,
 * Enter enrols the next brother or sister with the same school, payer and ISEE; Esc closes.
 */
export function EnrolForm(props: {
  /** the pupil from the registry; null: a child entered by hand (not resident), with the payer */
  childId: string | null;
  carry: EnrolCarry | null;
  onClose: () => void;
  onEnrolled: (e: SchoolEnrolmentView, carry: EnrolCarry) => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const { onError, onClose, onEnrolled, carry } = props;
  const [options, setOptions] = useState<SchoolOptionsView | null>(null);
  const [household, setHousehold] = useState<SchoolHouseholdView | null>(null);
  const [service, setService] = useState<SchoolService>(carry?.service ?? 'mensa');
  const [payerId, setPayerId] = useState(carry?.payerId ?? '');
  const [schoolCode, setSchoolCode] = useState(carry?.schoolCode ?? '');
  const [className, setClassName] = useState('');
  const [route, setRoute] = useState('');
  const [stop, setStop] = useState('');
  const [dietCode, setDietCode] = useState<DietCode | ''>('');
  const [startMonth, setStartMonth] = useState(carry?.startMonth ?? '');
  const [iseeFields, setIseeFields] = useState<IseeFieldValues>(
    carry
      ? {
          type: carry.isee?.type ?? '',
          value: carry.isee?.value ?? '',
          dsuProtocol: carry.isee?.dsuProtocol ?? '',
          issuedOn: carry.isee?.issuedOn ?? '',
          expiresOn: carry.isee?.expiresOn ?? '',
        }
      : EMPTY_ISEE,
  );
  const { type: iseeType, value: iseeValue, dsuProtocol: dsu, issuedOn, expiresOn } = iseeFields;
  // a child entered by hand (not resident) and the payer, as on their documents
  const [childCf, setChildCf] = useState('');
  const [childSurname, setChildSurname] = useState('');
  const [childGiven, setChildGiven] = useState('');
  const [childBirth, setChildBirth] = useState('');
  const [payerCf, setPayerCf] = useState('');
  const [payerName, setPayerName] = useState('');
  const [payerAddress, setPayerAddress] = useState('');
  const manual = props.childId === null;
  const [answer, setAnswer] = useState<SchoolQuoteView | null>(null);
  const [fileError, setFileError] = useState<ErrorData | null>(null);
  const busy = useRef(false);
  const asked = useRef(0);
  const firstRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    void api.school.options({}).then((res) => {
      if (!res.ok) return onError(res.error);
      setOptions(res.value);
      setStartMonth((m) => m || res.value.startMonth);
    });
    if (props.childId === null) return;
    void api.school.household({ residentId: props.childId }).then((res) => {
      if (!res.ok) return onError(res.error);
      setHousehold(res.value);
      const first = res.value.payers[0];
      setPayerId((p) => p || first?.residentId || '');
      // the ISEE the comune already holds for the payer: nothing to type again
      if (!carry && first?.isee) {
        setIseeFields({
          type: first.isee.type as IseeType,
          value: iseeValueText(first.isee.valueCents),
          dsuProtocol: first.isee.dsuProtocol,
          issuedOn: first.isee.issuedOn,
          expiresOn: first.isee.expiresOn,
        });
      }
    });
    // once per child
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.childId]);

  const loaded = options !== null && (manual || household !== null);
  useEffect(() => {
    if (loaded) firstRef.current?.focus();
  }, [loaded]);

  const school = options?.schools.find((s) => s.code === schoolCode) ?? null;
  const schools = options?.schools.filter((s) => s.services.includes(service)) ?? [];
  const routeRow = options?.routes.find((r) => r.code === route) ?? null;
  const isee = (): SchoolIseeInput | null =>
    iseeType === '' || iseeValue.trim() === ''
      ? null
      : {
          type: iseeType,
          value: iseeValue,
          dsuProtocol: dsu,
          issuedOn: issuedOn || (options?.today ?? ''),
          expiresOn: expiresOn === '' ? null : expiresOn,
        };

  const request = (): SchoolEnrolInput | null => {
    if (!options || startMonth === '') return null;
    if (!manual && (!household || payerId === '' || props.childId === null)) return null;
    if (manual && (childCf.trim() === '' || childBirth === '' || payerCf.trim() === '')) return null;
    return {
      schoolYear: options.schoolYear,
      service,
      child:
        props.childId === null
          ? {
              kind: 'manual',
              codiceFiscale: childCf,
              surname: childSurname,
              givenNames: childGiven,
              birthDate: childBirth,
            }
          : { kind: 'resident', residentId: props.childId },
      payer: manual
        ? { kind: 'manual', codiceFiscale: payerCf, name: payerName, address: payerAddress }
        : { kind: 'resident', residentId: payerId },
      schoolCode,
      className,
      route: service === 'trasporto' ? route : null,
      stop: service === 'trasporto' ? stop : null,
      dietCode: service === 'mensa' && dietCode !== '' ? dietCode : null,
      isee: isee(),
      startMonth,
    };
  };

  // the live band: every change asks the desk again; only the latest answer is shown
  useEffect(() => {
    const input = request();
    if (input === null) return;
    const ticket = ++asked.current;
    const timer = setTimeout(() => {
      void api.school.quote(input).then((res) => {
        if (ticket !== asked.current) return;
        if (res.ok) {
          setAnswer(res.value);
          setFileError(null);
        } else setFileError(res.error);
      });
    }, 100);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    options,
    household,
    service,
    payerId,
    schoolCode,
    className,
    route,
    stop,
    dietCode,
    startMonth,
    iseeType,
    iseeValue,
    dsu,
    issuedOn,
    expiresOn,
    childCf,
    childSurname,
    childGiven,
    childBirth,
    payerCf,
    payerName,
    payerAddress,
  ]);

  const enrol = () => {
    const input = request();
    if (input === null || busy.current) return;
    busy.current = true;
    setFileError(null);
    void api.school.enrol(input).then((res) => {
      busy.current = false;
      if (!res.ok) return setFileError(res.error);
      onEnrolled(res.value, {
        service,
        schoolCode,
        className,
        payerId,
        isee: input.isee,
        startMonth,
        dietCode: null,
      });
    });
  };

  const onKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      enrol();
    }
  };

  const quote = request() === null ? null : answer;
  const band = quote?.band ?? null;
  const payer = household?.payers.find((p) => p.residentId === payerId) ?? null;
  return (
    <div
      className="card"
      style={OVERLAY}
      role="dialog"
      aria-modal="true"
      aria-labelledby="school-form-title"
      onKeyDown={onKeys}
      data-testid="school-form"
    >
      <h2 id="school-form-title">{t('school.form.title', { schoolYear: options?.schoolYear ?? '' })}</h2>
      {household && (
        <p className="strong" data-testid="school-child">
          {t('school.field.child')}: {household.child.name} ({formatDate(household.child.birthDate)}) ·{' '}
          <span className="mono small">{household.child.codiceFiscale}</span>
        </p>
      )}
      {manual && (
        <>
          <div style={row}>
            <label className="field" style={{ flex: '0 1 12rem' }}>
              <span>{t('school.manual.childCf')}</span>
              <input
                autoFocus
                value={childCf}
                onChange={(e) => setChildCf(e.target.value.toUpperCase())}
                className="mono"
                maxLength={16}
                autoComplete="off"
                data-testid="school-child-cf"
              />
            </label>
            <label className="field" style={{ flex: '1 1 10rem' }}>
              <span>{t('school.manual.surname')}</span>
              <input
                value={childSurname}
                onChange={(e) => setChildSurname(e.target.value)}
                autoComplete="off"
              />
            </label>
            <label className="field" style={{ flex: '1 1 10rem' }}>
              <span>{t('school.manual.givenNames')}</span>
              <input value={childGiven} onChange={(e) => setChildGiven(e.target.value)} autoComplete="off" />
            </label>
            <label className="field" style={{ flex: '0 1 10rem' }}>
              <span>{t('school.manual.birthDate')}</span>
              <DateInput value={childBirth} onChange={(value) => setChildBirth(value)} />
            </label>
          </div>
          <div style={row}>
            <label className="field" style={{ flex: '0 1 12rem' }}>
              <span>{t('school.manual.payerCf')}</span>
              <input
                value={payerCf}
                onChange={(e) => setPayerCf(e.target.value.toUpperCase())}
                className="mono"
                maxLength={16}
                autoComplete="off"
              />
            </label>
            <label className="field" style={{ flex: '1 1 12rem' }}>
              <span>{t('school.manual.payerName')}</span>
              <input value={payerName} onChange={(e) => setPayerName(e.target.value)} autoComplete="off" />
            </label>
            <label className="field" style={{ flex: '1 1 16rem' }}>
              <span>{t('school.manual.payerAddress')}</span>
              <input
                value={payerAddress}
                onChange={(e) => setPayerAddress(e.target.value)}
                autoComplete="off"
              />
            </label>
          </div>
        </>
      )}
      <div style={row}>
        <label className="field" style={{ flex: '1 1 16rem' }}>
          <span>{t('school.field.school')}</span>
          <select
            ref={manual ? undefined : firstRef}
            value={schoolCode}
            onChange={(e) => {
              setSchoolCode(e.target.value);
              setClassName('');
            }}
            data-testid="school-school"
          >
            <option value="">{t('school.pick')}</option>
            {schools.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field" style={{ flex: '0 1 8rem' }}>
          <span>{t('school.field.class')}</span>
          <select value={className} onChange={(e) => setClassName(e.target.value)} data-testid="school-class">
            <option value="">{t('school.pick')}</option>
            {school?.classes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="field" style={{ flex: '0 1 12rem' }}>
          <span>{t('school.field.service')}</span>
          <select
            value={service}
            onChange={(e) => setService(e.target.value as SchoolService)}
            data-testid="school-service"
          >
            <option value="mensa">{t('school.service.mensa')}</option>
            <option value="trasporto">{t('school.service.trasporto')}</option>
          </select>
        </label>
        <label className="field" style={{ flex: '0 1 9rem' }}>
          <span>{t('school.field.startMonth')}</span>
          <select
            value={startMonth}
            onChange={(e) => setStartMonth(e.target.value)}
            data-testid="school-month"
          >
            {options?.months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div style={row}>
        {service === 'mensa' ? (
          <label className="field" style={{ flex: '0 1 16rem' }}>
            <span>{t('school.field.diet')}</span>
            <select
              value={dietCode}
              onChange={(e) => setDietCode(e.target.value as DietCode | '')}
              data-testid="school-diet"
            >
              <option value="">{t('school.noDiet')}</option>
              {options?.dietCodes.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label className="field" style={{ flex: '1 1 12rem' }}>
              <span>{t('school.field.route')}</span>
              <select
                value={route}
                onChange={(e) => {
                  setRoute(e.target.value);
                  setStop('');
                }}
                data-testid="school-route"
              >
                <option value="">{t('school.pick')}</option>
                {options?.routes.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field" style={{ flex: '1 1 12rem' }}>
              <span>{t('school.field.stop')}</span>
              <select value={stop} onChange={(e) => setStop(e.target.value)} data-testid="school-stop">
                <option value="">{t('school.pick')}</option>
                {routeRow?.stops.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {!manual && (
          <label className="field" style={{ flex: '1 1 16rem' }}>
            <span>{t('school.field.payer')}</span>
            <select value={payerId} onChange={(e) => setPayerId(e.target.value)} data-testid="school-payer">
              {household?.payers.map((p) => (
                <option key={p.residentId} value={p.residentId}>
                  {p.name} ({p.codiceFiscale})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <IseeFields
          values={iseeFields}
          onChange={setIseeFields}
          types={options?.iseeTypes ?? []}
          noneLabel={t('school.noIsee')}
          labels={{
            type: t('school.field.iseeType'),
            value: t('school.field.iseeValue'),
            dsu: t('school.field.dsu'),
            issued: t('school.field.iseeIssued'),
            expires: t('school.field.iseeExpires'),
            expiresHint: t('school.expiryDefault'),
          }}
          testId="school-isee"
        />
        {payer?.isee && (
          <p className="muted small" data-testid="school-isee-on-file">
            {t('school.iseeOnFile', {
              value: euro(payer.isee.valueCents, locale),
              expires: formatDate(payer.isee.expiresOn),
            })}
          </p>
        )}
      </fieldset>
      {household && (
        <div data-testid="school-siblings">
          <h3 style={{ margin: '0.5rem 0 0.2rem' }}>{t('school.siblings')}</h3>
          {household.siblings.length === 0 && <p className="muted small">{t('school.siblings.none')}</p>}
          <ul className="small">
            {household.siblings.map((s) => (
              <li key={s.residentId} data-testid="school-sibling">
                {s.name} ({formatDate(s.birthDate)}) –{' '}
                {s.enrolments.length > 0
                  ? t('school.siblings.enrolled', { what: s.enrolments.join('; ') })
                  : t('school.siblings.notEnrolled')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {quote && (
        <div className="card" data-testid="school-quote" data-ok={quote.ok ? 'yes' : 'no'}>
          {band && (
            <p className="strong" data-testid="school-band">
              {t('school.band')}: {band.label} –{' '}
              <span data-testid="school-price">
                {band.exempt
                  ? t('school.exempt')
                  : t(band.unit === 'meal' ? 'school.price.meal' : 'school.price.month', {
                      price: euro(band.unitPriceCents, locale),
                    })}
              </span>
            </p>
          )}
          {quote.siblingRank !== null && (
            <p data-testid="school-rank" data-rank={quote.siblingRank}>
              {t('school.rank', { rank: quote.siblingRank })}
              {quote.siblingDiscount && (
                <strong data-testid="school-discount"> – {t('school.rank.discount')}</strong>
              )}
              {quote.siblings.length > 0 && (
                <span className="muted small">
                  {' '}
                  · {t('school.rank.counted', { names: quote.siblings.join(', ') })}
                </span>
              )}
            </p>
          )}
          {quote.lines.length > 0 && (
            <ul className="fee-lines small" data-testid="school-lines">
              {quote.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
          {quote.warning && (
            <p className="alert alert-warning" role="status" data-testid="school-warning">
              {quote.warning}
            </p>
          )}
          {quote.refusals.length > 0 && (
            <ul className="alert alert-error" data-testid="school-refusals">
              {quote.refusals.map((r) => (
                <li key={`${r.code}${r.message}`} data-code={r.code}>
                  {r.message}
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">{t('school.uncertain')}</p>
        </div>
      )}
      {fileError && (
        <div className="alert alert-error" role="alert" data-testid="school-error">
          {fileError.message}
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!quote?.ok || className === '' || schoolCode === ''}
          onClick={enrol}
          data-testid="school-submit"
        >
          {t('school.enrol')}
        </button>{' '}
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('school.cancel')}
        </button>{' '}
        <span className="muted small">{t('school.enter')}</span>
      </div>
    </div>
  );
}
