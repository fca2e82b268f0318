import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { SchoolOptionsView } from '../../../shared/school/school-calls';
import type { SchoolEnrolmentView } from '../../../shared/school/school-views';
import type { AreaProps } from '../services/screen-service';
import { api } from '../api/client';
import { euro } from '../cashdesk/money';
import { useT } from '../i18n/useT';
import { EnrolDone } from './EnrolDone';
import { EnrolForm } from './EnrolForm';
import { FamilyAccount } from './FamilyAccount';
import { takeFamilyAccount } from './open-family-account';

/**
 * The school area (F5): a family's account first (the payer box has the focus: type a surname or
 * a codice fiscale, Enter opens the first match, the focus goes to the open notice's "Paga alla
 * cassa"), then the enrolments of a school and class. Enrolments start from the pupil's page
 * (Alt+M), where the registry gives child, payer and siblings.
 */
export function SchoolScreen({ syncMark, onError }: AreaProps) {
  const { t, locale } = useT();
  const [options, setOptions] = useState<SchoolOptionsView | null>(null);
  // an account handed over by a resident's page (Alt+C) opens at once
  const [handed] = useState(takeFamilyAccount);
  const [query, setQuery] = useState(handed?.payerCf ?? '');
  const [payers, setPayers] = useState<{ codiceFiscale: string; name: string; owedCents: number }[]>([]);
  const [payerCf, setPayerCf] = useState<string | null>(handed?.payerCf ?? null);
  /** the enrolment a class-list row or a resident's page opened the account on: the actions act on it */
  const [picked, setPicked] = useState<string | null>(handed?.enrolmentId ?? null);
  const openAccount = (cf: string, enrolmentId: string | null) => {
    setPayerCf(cf);
    setPicked(enrolmentId);
  };
  const [schoolCode, setSchoolCode] = useState('');
  const [className, setClassName] = useState('');
  const [list, setList] = useState<SchoolEnrolmentView[] | null>(null);
  const [manualOpen, setManualOpen] = useState(false);
  const [done, setDone] = useState<SchoolEnrolmentView | null>(null);

  useEffect(() => {
    void api.school.options({}).then((res) => (res.ok ? setOptions(res.value) : onError(res.error)));
  }, [onError]);

  useEffect(() => {
    if (query.trim().length < 2) return;
    const timer = setTimeout(() => {
      void api.school.payers({ query }).then((res) => res.ok && setPayers(res.value));
    }, 100);
    return () => clearTimeout(timer);
  }, [query, syncMark]);

  const loadList = useCallback(() => {
    if (schoolCode === '') return;
    void api.school
      .list({
        by: 'school',
        schoolCode,
        ...(className ? { className } : {}),
        ...(options ? { schoolYear: options.schoolYear } : {}),
      })
      .then((res) => (res.ok ? setList(res.value) : onError(res.error)));
  }, [schoolCode, className, options, onError]);
  useEffect(loadList, [loadList, syncMark]);

  const onQueryKeys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const first = payers[0];
    if (first) openAccount(first.codiceFiscale, null);
  };
  const hits = query.trim().length >= 2 ? payers : [];
  const school = options?.schools.find((s) => s.code === schoolCode) ?? null;

  return (
    <section aria-labelledby="school-title" data-testid="school-screen">
      <h1 id="school-title">{t('school.title')}</h1>
      <div className="actions">
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => setManualOpen(true)}
          data-testid="school-new-manual"
        >
          {t('school.manual.new')}
        </button>
      </div>
      <div className="card">
        <h2>{t('school.account.title')}</h2>
        <label className="field">
          <span>{t('school.account.search')}</span>
          <input
            autoFocus
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPayerCf(null);
            }}
            onKeyDown={onQueryKeys}
            autoComplete="off"
            data-testid="school-payer-search"
          />
        </label>
        {payerCf === null && hits.length === 0 && query.trim().length >= 2 && (
          <p className="muted">{t('school.account.notFound')}</p>
        )}
        {payerCf === null && hits.length > 0 && (
          <ul data-testid="school-payer-hits">
            {hits.map((p) => (
              <li key={p.codiceFiscale}>
                <button
                  type="button"
                  className="btn btn-ghost"
                  onClick={() => openAccount(p.codiceFiscale, null)}
                  data-testid="school-payer-hit"
                >
                  {p.name} <span className="mono small">{p.codiceFiscale}</span> · {euro(p.owedCents, locale)}
                </button>
              </li>
            ))}
          </ul>
        )}
        {payerCf && (
          <FamilyAccount
            key={payerCf}
            payerCf={payerCf}
            enrolmentId={picked}
            syncMark={syncMark}
            options={options}
            onError={onError}
          />
        )}
      </div>
      <div className="card" data-testid="school-enrolments">
        <h2>{t('school.list.title')}</h2>
        <div className="actions">
          <label className="field inline">
            <span>{t('school.field.school')}</span>
            <select
              value={schoolCode}
              onChange={(e) => {
                setSchoolCode(e.target.value);
                setClassName('');
              }}
              data-testid="school-list-school"
            >
              <option value="">{t('school.pick')}</option>
              {options?.schools.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <label className="field inline">
            <span>{t('school.field.class')}</span>
            <select
              value={className}
              onChange={(e) => setClassName(e.target.value)}
              data-testid="school-list-class"
            >
              <option value="">{t('school.list.allClasses')}</option>
              {school?.classes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        </div>
        {list && list.length === 0 && <p className="muted">{t('school.list.none')}</p>}
        {list && list.length > 0 && (
          <table className="results compact">
            <thead>
              <tr>
                <th>{t('school.col.class')}</th>
                <th>{t('school.col.child')}</th>
                <th>{t('school.col.service')}</th>
                <th>{t('school.col.payer')}</th>
                <th>{t('school.col.band')}</th>
                <th>{t('school.col.price')}</th>
                <th>{t('school.col.rank')}</th>
                <th>{t('school.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr
                  key={e.id}
                  tabIndex={0}
                  onKeyDown={(ev) => {
                    if (ev.key === 'Enter') openAccount(e.payer.codiceFiscale, e.id);
                  }}
                  onClick={() => openAccount(e.payer.codiceFiscale, e.id)}
                  data-testid="school-row"
                  data-status={e.status}
                >
                  <td>{e.school.className}</td>
                  <td>{e.childLabel}</td>
                  <td>{t(`school.service.${e.service}`)}</td>
                  <td>{e.payer.name}</td>
                  <td>{e.band?.label ?? '—'}</td>
                  <td className="mono">{e.band ? euro(e.band.unitPriceCents, locale) : '—'}</td>
                  <td>{e.siblingRank}</td>
                  <td>{t(`school.status.${e.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {manualOpen && (
        <EnrolForm
          childId={null}
          carry={null}
          onClose={() => setManualOpen(false)}
          onEnrolled={(e) => {
            setManualOpen(false);
            setDone(e);
            loadList();
          }}
          onError={onError}
        />
      )}
      {done && (
        <EnrolDone enrolment={done} childId={null} onNext={() => undefined} onClose={() => setDone(null)} />
      )}
    </section>
  );
}
