import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ReceiptDelivery } from '../../../shared/cases/case-record';
import { CIVIL_STATUSES, RELATIONSHIPS } from '../../../shared/cases/residence-intake-schema';
import type { OpenResidenceInput } from '../../../shared/contract/case-inputs';
import type { HouseholdView, IntakeContextView, OpenedCase } from '../../../shared/contract/case-views';
import type { ResidentDetail, ResidentSummary } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { CIVIL_STATUS_LABELS, formatDate, RELATIONSHIP_LABELS } from '../../../shared/i18n/registry-labels';
import type { CivilStatus, Relationship } from '../../../shared/registry/model';
import { api } from '../api/client';
import { useFormKeys } from '../hooks/useFormKeys';
import { useT } from '../i18n/useT';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { DateInput } from '../components/DateInput';

type Common = { relationship: Relationship | ''; signed: boolean; licence: string; plate: string };
type RegistryDraft = Common & {
  source: 'registry';
  residentId: string;
  name: string;
  birthDate: string;
  include: boolean;
};
type NewDraft = Common & {
  source: 'new';
  key: string;
  surname: string;
  givenNames: string;
  sex: '' | 'M' | 'F';
  birthDate: string;
  birthPlaceCode: string;
  birthPlaceName: string;
  codiceFiscale: string;
  citizenship: string;
  civilStatus: '' | CivilStatus;
  permitNumber: string;
  permitExpiry: string;
};
type MoverDraft = RegistryDraft | NewDraft;

interface Draft {
  declarationDate: string;
  movedOn: string;
  movers: MoverDraft[];
  originKind: 'other_comune' | 'abroad';
  originCode: string;
  street: string;
  houseNumber: string;
  interior: string;
  stair: string;
  floor: string;
  cap: string;
  multiUnit: boolean;
  title: 'owner' | 'lease' | 'comodato' | 'usufruct' | 'other';
  regNumber: string;
  regDate: string;
  regOffice: string;
  titleOther: string;
  household: 'new' | 'join';
  join: HouseholdView | null;
  receipt: ReceiptDelivery;
}

const keyOf = (m: MoverDraft): string => (m.source === 'registry' ? m.residentId : m.key);
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** "Via Roma" typed or picked → the registry's type and name (the core matches the street list). */
function splitStreet(text: string): { streetType: string; streetName: string } {
  const trimmed = text.trim();
  const space = trimmed.indexOf(' ');
  return space < 0
    ? { streetType: '', streetName: trimmed }
    : { streetType: trimmed.slice(0, space), streetName: trimmed.slice(space + 1) };
}

function toInput(d: Draft, counterSeconds: number): OpenResidenceInput {
  const movers = d.movers.filter((m) => m.source === 'new' || m.include);
  const hasNew = movers.some((m) => m.source === 'new');
  const needsRegistration = d.title === 'lease' || d.title === 'comodato';
  const registration =
    needsRegistration && (d.regNumber.trim() || d.regDate)
      ? { office: orNull(d.regOffice), number: d.regNumber.trim(), date: d.regDate }
      : null;
  return {
    declarationDate: d.declarationDate,
    movedOn: orNull(d.movedOn),
    channel: 'counter',
    protocolDate: null,
    origin: !hasNew
      ? { kind: 'same_comune' }
      : d.originKind === 'other_comune'
        ? { kind: 'other_comune', fromComune: d.originCode }
        : { kind: 'abroad', fromCountry: d.originCode },
    movers: movers.map((m) =>
      m.source === 'registry'
        ? { source: 'registry', residentId: m.residentId, relationship: m.relationship || null }
        : {
            source: 'new',
            key: m.key,
            surname: m.surname,
            givenNames: m.givenNames,
            sex: m.sex || null,
            birthDate: m.birthDate,
            birthPlaceCode: m.birthPlaceCode,
            birthPlaceName: m.birthPlaceName,
            codiceFiscale: orNull(m.codiceFiscale),
            citizenship: m.citizenship,
            civilStatus: m.civilStatus || null,
            education: null,
            profession: null,
            relationship: m.relationship || null,
            residencePermit: m.permitNumber.trim()
              ? { number: m.permitNumber.trim(), expiresOn: m.permitExpiry }
              : null,
          },
    ),
    address: {
      ...splitStreet(d.street),
      houseNumber: d.houseNumber,
      interior: orNull(d.interior),
      stair: orNull(d.stair),
      floor: orNull(d.floor),
      cap: d.cap,
      multiUnitBuilding: d.multiUnit,
    },
    occupation:
      d.title === 'other'
        ? { kind: 'other', description: d.titleOther }
        : d.title === 'lease' || d.title === 'comodato'
          ? { kind: d.title, registration }
          : { kind: d.title },
    household: d.household === 'new' ? { kind: 'new' } : { kind: 'join', familyId: d.join?.familyId ?? '' },
    drivingLicences: movers
      .filter((m) => m.licence.trim() !== '')
      .map((m) => ({ personKey: keyOf(m), number: m.licence })),
    vehiclePlates: movers
      .filter((m) => m.plate.trim() !== '')
      .map((m) => ({ personKey: keyOf(m), plate: m.plate })),
    signatures: movers.filter((m) => m.signed).map(keyOf),
    representative: null,
    counterSeconds,
    receiptDelivery: d.receipt,
    documents: ['id_documents', 'occupation_title'],
  };
}

const newMover = (n: number): NewDraft => ({
  source: 'new',
  key: `nuovo-${n}`,
  surname: '',
  givenNames: '',
  sex: '',
  birthDate: '',
  birthPlaceCode: '',
  birthPlaceName: '',
  codiceFiscale: '',
  citizenship: 'IT',
  civilStatus: '',
  permitNumber: '',
  permitExpiry: '',
  relationship: '',
  signed: true,
  licence: '',
  plate: '',
});

/**
 * The declaration of residence at the counter (DL 5/2012 art. 5; DOMAIN.md §3): who moves
 * (from the registry or from elsewhere), the new address on the street list, the title of
 * occupation, the household, licences and plates, signatures. Every problem comes back at once.
 */
export function ResidenceIntakeForm(props: {
  resident: ResidentDetail;
  onClose: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const { resident, onError } = props;
  const started = useRef(0);
  const [context, setContext] = useState<IntakeContextView | null>(null);
  const [draft, setDraft] = useState<Draft>({
    declarationDate: '',
    movedOn: '',
    movers: [],
    originKind: 'other_comune',
    originCode: '',
    street: '',
    houseNumber: '',
    interior: '',
    stair: '',
    floor: '',
    cap: '',
    multiUnit: false,
    title: 'owner',
    regNumber: '',
    regDate: '',
    regOffice: '',
    titleOther: '',
    household: 'new',
    join: null,
    receipt: 'file',
  });
  const [joinQuery, setJoinQuery] = useState('');
  const [joinHits, setJoinHits] = useState<ResidentSummary[]>([]);
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<OpenedCase | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setMover = (index: number, patch: Partial<RegistryDraft> | Partial<NewDraft>) =>
    setDraft((d) => ({
      ...d,
      movers: d.movers.map((m, i) => (i === index ? ({ ...m, ...patch } as MoverDraft) : m)),
    }));

  useEffect(() => {
    started.current = Date.now();
    void api.cases.streets({}).then((res) => {
      if (!res.ok) return onError(res.error);
      setContext(res.value);
      setDraft((d) => (d.declarationDate ? d : { ...d, declarationDate: res.value.today }));
    });
    void api.cases.householdOf({ residentId: resident.id }).then((res) => {
      if (!res.ok) return onError(res.error);
      const members: RegistryDraft[] = res.value.members.map((m) => {
        const self = m.id === resident.id;
        return {
          source: 'registry',
          residentId: m.id,
          name: m.name,
          birthDate: resident.family.find((f) => f.id === m.id)?.birthDate ?? '',
          include: self,
          relationship: self ? 'intestatario' : '',
          signed: self,
          licence: '',
          plate: '',
        };
      });
      setDraft((d) => ({ ...d, movers: [...members, ...d.movers.filter((x) => x.source === 'new')] }));
    });
  }, [resident, onError]);

  useEffect(() => {
    if (joinQuery.trim().length < 2) return;
    let stale = false;
    void api.registry.search({ query: joinQuery, limit: 6 }).then((res) => {
      if (stale || !res.ok) return;
      setJoinHits(res.value.kind === 'results' ? res.value.residents : []);
    });
    return () => {
      stale = true;
    };
  }, [joinQuery]);

  const pickStreet = (street: string) => {
    const known = context?.streets.find((s) => s.name.toLowerCase() === street.trim().toLowerCase());
    set({ street, ...(known && known.caps.length === 1 && known.caps[0] ? { cap: known.caps[0] } : {}) });
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    const seconds = started.current > 0 ? Math.round((Date.now() - started.current) / 1000) : null;
    void api.cases.openResidence(toInput(draft, seconds ?? 0)).then((res) => {
      setBusy(false);
      if (!res.ok) {
        if (res.error.code === 'session_expired' || res.error.code === 'not_logged_in') onError(res.error);
        return setError(res.error);
      }
      setError(null);
      setDone(res.value);
    });
  };

  const onKeyDown = useFormKeys({ onSubmit: done ? undefined : submit, onCancel: props.onClose });

  const relationshipSelect = (m: MoverDraft, i: number) => (
    <select
      value={m.relationship}
      onChange={(e) => setMover(i, { relationship: e.target.value as Relationship | '' })}
      aria-label={t('caseRelationship')}
      data-testid={`mover-relationship-${i}`}
    >
      <option value="">{t('caseRelationship')}…</option>
      {RELATIONSHIPS.map((r) => (
        <option key={r} value={r}>
          {RELATIONSHIP_LABELS[r][locale]}
        </option>
      ))}
    </select>
  );

  const moverExtras = (m: MoverDraft, i: number) => (
    <>
      {relationshipSelect(m, i)}
      <label className="check">
        <input
          type="checkbox"
          checked={m.signed}
          onChange={(e) => setMover(i, { signed: e.target.checked })}
          data-testid={`mover-signed-${i}`}
        />{' '}
        {t('caseSigned')}
      </label>
      <input
        value={m.licence}
        onChange={(e) => setMover(i, { licence: e.target.value })}
        placeholder={t('caseLicence')}
        aria-label={t('caseLicence')}
        className="short"
        data-testid={`mover-licence-${i}`}
      />
      <input
        value={m.plate}
        onChange={(e) => setMover(i, { plate: e.target.value })}
        placeholder={t('casePlate')}
        aria-label={t('casePlate')}
        className="short"
        data-testid={`mover-plate-${i}`}
      />
    </>
  );

  const hasNew = draft.movers.some((m) => m.source === 'new');
  // The fields the core named in its refusal are marked where the clerk types them.
  const badFields = new Set(String(error?.params?.fields ?? '').split(','));
  const invalid = (...paths: string[]): true | undefined =>
    paths.some((p) => [...badFields].some((f) => f === p || f.startsWith(`${p}.`))) ? true : undefined;
  return (
    <div className="modal-backdrop">
      <div
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="intake-title"
        onKeyDown={onKeyDown}
        data-testid="residence-intake"
      >
        <h2 id="intake-title">
          {t('caseIntakeTitle')} — {resident.surname} {resident.givenNames}
        </h2>
        {done ? (
          <div className="intake-done" data-testid="intake-done">
            <p className="alert alert-success">
              <strong>{t('caseOpened')}</strong>
              <br />
              <span data-testid="intake-protocol">
                {done.case.protocol
                  ? t('caseOpenedNumber', { protocol: done.case.protocol })
                  : t('caseOpenedAwaiting')}
              </span>
            </p>
            {done.case.residence && (
              <dl>
                <div className="kv">
                  <dt>{t('caseNewAddress')}</dt>
                  <dd>{done.case.residence.address}</dd>
                </div>
                <div className="kv">
                  <dt>{t('caseRegistrationDue')}</dt>
                  <dd data-testid="intake-registration-due">
                    {formatDate(done.case.residence.schedule.registrationDue)}
                  </dd>
                </div>
                <div className="kv">
                  <dt>{t('caseCheckDue')}</dt>
                  <dd>{formatDate(done.case.residence.schedule.checkDue)}</dd>
                </div>
                <div className="kv">
                  <dt>{t('caseSilenceFrom')}</dt>
                  <dd>{formatDate(done.case.residence.schedule.silenceAssentFrom)}</dd>
                </div>
              </dl>
            )}
            {done.warnings.length > 0 && (
              <div className="alert alert-warning">
                <strong>{t('caseWarnings')}</strong>
                <ul>
                  {done.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </div>
            )}
            <button
              type="button"
              className="btn btn-primary"
              onClick={props.onClose}
              autoFocus
              data-testid="intake-close"
            >
              {t('caseClose')}
            </button>
          </div>
        ) : (
          <form className="doc-form intake" onSubmit={submit}>
            <p className="muted small">{t('caseIntakeHelp')}</p>
            <div className="intake-row">
              <label className="field">
                <span>{t('caseDeclarationDate')}</span>
                <DateInput
                  value={draft.declarationDate}
                  onChange={(value) => set({ declarationDate: value })}
                  aria-invalid={invalid('declarationDate')}
                  data-testid="intake-date"
                />
              </label>
              <label className="field">
                <span>{t('caseMovedOn')}</span>
                <DateInput value={draft.movedOn} onChange={(value) => set({ movedOn: value })} />
              </label>
              <label className="field">
                <span>{t('caseReceipt')}</span>
                <select
                  value={draft.receipt}
                  onChange={(e) => set({ receipt: e.target.value as ReceiptDelivery })}
                  data-testid="intake-receipt"
                >
                  <option value="file">{t('caseReceipt_file')}</option>
                  <option value="printed">{t('caseReceipt_printed')}</option>
                  <option value="none">{t('caseReceipt_none')}</option>
                </select>
              </label>
            </div>

            <fieldset>
              <legend>{t('caseWhoMoves')}</legend>
              {draft.movers.map((m, i) =>
                m.source === 'registry' ? (
                  <div key={m.residentId} className="mover" data-testid="mover">
                    <label className="check mover-name">
                      <input
                        type="checkbox"
                        checked={m.include}
                        onChange={(e) => setMover(i, { include: e.target.checked, signed: e.target.checked })}
                        data-testid={`mover-include-${i}`}
                      />{' '}
                      <span className="strong">{m.name}</span>{' '}
                      {m.birthDate && <span className="muted small">{formatDate(m.birthDate)}</span>}
                    </label>
                    {m.include && moverExtras(m, i)}
                  </div>
                ) : (
                  <div key={m.key} className="mover mover-new" data-testid="mover-new">
                    <div className="intake-row">
                      <input
                        value={m.surname}
                        onChange={(e) => setMover(i, { surname: e.target.value })}
                        placeholder={t('caseSurname')}
                        aria-label={t('caseSurname')}
                        autoFocus
                        data-testid={`new-surname-${i}`}
                      />
                      <input
                        value={m.givenNames}
                        onChange={(e) => setMover(i, { givenNames: e.target.value })}
                        placeholder={t('caseGivenNames')}
                        aria-label={t('caseGivenNames')}
                        data-testid={`new-given-${i}`}
                      />
                      <select
                        value={m.sex}
                        onChange={(e) => setMover(i, { sex: e.target.value as NewDraft['sex'] })}
                        aria-label={t('caseSex')}
                      >
                        <option value="">{t('caseSex')}…</option>
                        <option value="F">F</option>
                        <option value="M">M</option>
                      </select>
                      <DateInput
                        value={m.birthDate}
                        onChange={(value) => setMover(i, { birthDate: value })}
                        aria-label={t('caseBirthDate')}
                      />
                    </div>
                    <div className="intake-row">
                      <input
                        value={m.birthPlaceCode}
                        onChange={(e) => setMover(i, { birthPlaceCode: e.target.value })}
                        placeholder={t('caseBirthPlaceCode')}
                        aria-label={t('caseBirthPlaceCode')}
                        className="short"
                      />
                      <input
                        value={m.birthPlaceName}
                        onChange={(e) => setMover(i, { birthPlaceName: e.target.value })}
                        placeholder={t('caseBirthPlaceName')}
                        aria-label={t('caseBirthPlaceName')}
                      />
                      <input
                        value={m.codiceFiscale}
                        onChange={(e) => setMover(i, { codiceFiscale: e.target.value })}
                        placeholder={t('caseCf')}
                        aria-label={t('caseCf')}
                        className="mono"
                      />
                      <input
                        value={m.citizenship}
                        onChange={(e) => setMover(i, { citizenship: e.target.value })}
                        placeholder={t('caseCitizenship')}
                        aria-label={t('caseCitizenship')}
                        className="short"
                      />
                      <select
                        value={m.civilStatus}
                        onChange={(e) =>
                          setMover(i, { civilStatus: e.target.value as NewDraft['civilStatus'] })
                        }
                        aria-label={t('caseCivilStatus')}
                      >
                        <option value="">{t('caseCivilStatus')}…</option>
                        {CIVIL_STATUSES.map((c) => (
                          <option key={c} value={c}>
                            {CIVIL_STATUS_LABELS[c][locale][m.sex === 'F' ? 'F' : 'M']}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="intake-row">
                      {moverExtras(m, i)}
                      <input
                        value={m.permitNumber}
                        onChange={(e) => setMover(i, { permitNumber: e.target.value })}
                        placeholder={t('casePermit')}
                        aria-label={t('casePermit')}
                      />
                      <button
                        type="button"
                        className="btn btn-ghost"
                        onClick={() => set({ movers: draft.movers.filter((_, j) => j !== i) })}
                      >
                        {t('caseRemove')}
                      </button>
                    </div>
                  </div>
                ),
              )}
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => set({ movers: [...draft.movers, newMover(draft.movers.length + 1)] })}
                data-testid="add-new-mover"
              >
                + {t('caseAddNewPerson')}
              </button>
              {hasNew && (
                <div className="intake-row">
                  <label className="field">
                    <span>{t('caseFromWhere')}</span>
                    <select
                      value={draft.originKind}
                      onChange={(e) => set({ originKind: e.target.value as Draft['originKind'] })}
                    >
                      <option value="other_comune">{t('caseOrigin_other_comune', { from: '…' })}</option>
                      <option value="abroad">{t('caseOrigin_abroad', { from: '…' })}</option>
                    </select>
                  </label>
                  <label className="field">
                    <span>
                      {draft.originKind === 'other_comune' ? t('caseFromComune') : t('caseFromCountry')}
                    </span>
                    <input value={draft.originCode} onChange={(e) => set({ originCode: e.target.value })} />
                  </label>
                </div>
              )}
            </fieldset>

            <fieldset>
              <legend>{t('caseNewAddress')}</legend>
              <div className="intake-row">
                <label className="field field-grow">
                  <span>{t('caseStreet')}</span>
                  {/* the declaration is dated today: the clerk starts from the new address */}
                  <input
                    list="intake-streets"
                    autoFocus
                    value={draft.street}
                    onChange={(e) => pickStreet(e.target.value)}
                    aria-invalid={invalid('address.streetName')}
                    data-testid="intake-street"
                  />
                  <datalist id="intake-streets">
                    {context?.streets.map((s) => (
                      <option key={s.name} value={s.name} />
                    ))}
                  </datalist>
                </label>
                <label className="field short">
                  <span>{t('caseHouseNumber')}</span>
                  <input
                    value={draft.houseNumber}
                    onChange={(e) => set({ houseNumber: e.target.value })}
                    aria-invalid={invalid('address.houseNumber')}
                    data-testid="intake-number"
                  />
                </label>
                <label className="field short">
                  <span>{t('caseInterior')}</span>
                  <input
                    value={draft.interior}
                    onChange={(e) => set({ interior: e.target.value })}
                    aria-invalid={invalid('address.interior')}
                    data-testid="intake-interior"
                  />
                </label>
                <label className="field short">
                  <span>{t('caseStair')}</span>
                  <input
                    value={draft.stair}
                    onChange={(e) => set({ stair: e.target.value })}
                    data-testid="intake-stair"
                  />
                </label>
                <label className="field short">
                  <span>{t('caseFloor')}</span>
                  <input
                    value={draft.floor}
                    onChange={(e) => set({ floor: e.target.value })}
                    aria-invalid={invalid('address.floor')}
                    data-testid="intake-floor"
                  />
                </label>
                <label className="field short">
                  <span>{t('caseCap')}</span>
                  <input
                    value={draft.cap}
                    onChange={(e) => set({ cap: e.target.value })}
                    aria-invalid={invalid('address.cap')}
                    data-testid="intake-cap"
                  />
                </label>
              </div>
              <label className="check">
                <input
                  type="checkbox"
                  checked={draft.multiUnit}
                  onChange={(e) => set({ multiUnit: e.target.checked })}
                  data-testid="intake-multi-unit"
                />{' '}
                {t('caseMultiUnit')}
              </label>
            </fieldset>

            <fieldset aria-invalid={invalid('occupation')}>
              <legend>{t('caseTitle')}</legend>
              <div className="intake-row">
                {(['owner', 'lease', 'comodato', 'usufruct', 'other'] as const).map((k) => (
                  <label key={k} className="check">
                    <input
                      type="radio"
                      name="title"
                      checked={draft.title === k}
                      onChange={() => set({ title: k })}
                      data-testid={`intake-title-${k}`}
                    />{' '}
                    {t(`caseOccupation_${k}`)}
                  </label>
                ))}
              </div>
              {(draft.title === 'lease' || draft.title === 'comodato') && (
                <div className="intake-row">
                  <label className="field">
                    <span>{t('caseRegNumber')}</span>
                    <input value={draft.regNumber} onChange={(e) => set({ regNumber: e.target.value })} />
                  </label>
                  <label className="field">
                    <span>{t('caseRegDate')}</span>
                    <DateInput value={draft.regDate} onChange={(value) => set({ regDate: value })} />
                  </label>
                  <label className="field">
                    <span>{t('caseRegOffice')}</span>
                    <input value={draft.regOffice} onChange={(e) => set({ regOffice: e.target.value })} />
                  </label>
                </div>
              )}
              {draft.title === 'other' && (
                <label className="field">
                  <span>{t('caseTitleOther')}</span>
                  <input value={draft.titleOther} onChange={(e) => set({ titleOther: e.target.value })} />
                </label>
              )}
            </fieldset>

            <fieldset>
              <legend>{t('caseHousehold')}</legend>
              <label className="check">
                <input
                  type="radio"
                  name="household"
                  checked={draft.household === 'new'}
                  onChange={() => set({ household: 'new' })}
                />{' '}
                {t('caseNewFamily')}
              </label>
              <label className="check">
                <input
                  type="radio"
                  name="household"
                  checked={draft.household === 'join'}
                  onChange={() => set({ household: 'join' })}
                  data-testid="intake-join"
                />{' '}
                {t('caseJoinFamily')}
              </label>
              {draft.household === 'join' && (
                <div>
                  <label className="field">
                    <span>{t('caseJoinSearch')}</span>
                    <input
                      value={joinQuery}
                      onChange={(e) => setJoinQuery(e.target.value)}
                      data-testid="join-search"
                    />
                  </label>
                  <ul className="notes">
                    {joinHits.map((h) => (
                      <li key={h.id}>
                        <button
                          type="button"
                          className="btn btn-link"
                          onClick={() =>
                            void api.cases.householdOf({ residentId: h.id }).then((res) => {
                              if (res.ok) set({ join: res.value });
                            })
                          }
                        >
                          {h.surname} {h.givenNames}
                        </button>{' '}
                        <span className="muted small">{h.addressLine}</span>
                      </li>
                    ))}
                  </ul>
                  {draft.join && (
                    <p className="strong" data-testid="join-chosen">
                      {t('caseJoinChosen', {
                        address: draft.join.address,
                        members: draft.join.members.map((m) => m.name).join(', '),
                      })}
                    </p>
                  )}
                </div>
              )}
            </fieldset>

            {error && (
              <div className="alert alert-error intake-errors" role="alert" data-testid="intake-error">
                {error.message}
              </div>
            )}
            <div className="form-buttons">
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="intake-submit">
                {busy ? t('caseSubmitting') : t('caseSubmit')}
              </button>
              <button type="button" className="btn btn-ghost" onClick={props.onClose}>
                {t('caseClose')}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
