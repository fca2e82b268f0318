import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { exemptionGroundsOn } from '../../../shared/certificates/exemption-grounds';
import {
  CERTIFICATE_FACTS,
  FACT_DEFINITIONS,
  type CertificateFact,
} from '../../../shared/certificates/facts';
import type { CertificateRequestInput } from '../../../shared/contract/document-inputs';
import type { IssuedCertificate, ResidentDetail } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { cents } from '../../../shared/money/cents';
import { formatEuro } from '../../../shared/money/euro-format';
import { parseTypedDate } from '../../../shared/registry/search-query';
import { api } from '../api/client';
import { useFormKeys } from '../hooks/useFormKeys';
import { useT } from '../i18n/useT';
import { DocumentLines, ProblemList } from './DocumentLines';
import { usePreview } from './usePreview';
import { useReturnFocus } from '../hooks/useReturnFocus';

type Draft = {
  facts: CertificateFact[];
  storico: boolean;
  referenceDate: string;
  motivation: string;
  destination: 'private_it' | 'abroad';
  bolloKind: 'marca' | 'exempt';
  marcaId: string;
  marcaDate: string;
  groundCode: string;
  evidence: string;
  delivery: 'printed' | 'file';
};

const EMPTY: Draft = {
  facts: [],
  storico: false,
  referenceDate: '',
  motivation: '',
  destination: 'private_it',
  bolloKind: 'marca',
  marcaId: '',
  marcaDate: '',
  groundCode: '',
  evidence: '',
  delivery: 'printed',
};

/** The draft as the core's request, or the date the clerk typed that cannot be read. */
function toRequest(residentId: string, d: Draft): { request: CertificateRequestInput } | { badDate: string } {
  const date = (text: string) => (text.trim() === '' ? null : parseTypedDate(text.trim()));
  const marcaDate = date(d.marcaDate);
  const referenceDate = date(d.referenceDate);
  if (marcaDate === undefined || (d.marcaDate.trim() !== '' && marcaDate === null))
    return { badDate: d.marcaDate };
  if (d.storico && (referenceDate === undefined || (d.referenceDate.trim() !== '' && referenceDate === null)))
    return { badDate: d.referenceDate };
  return {
    request: {
      residentId,
      facts: d.facts,
      destination: d.destination,
      bollo:
        d.bolloKind === 'marca'
          ? { kind: 'marca', marcaId: d.marcaId.replace(/\s/g, ''), marcaDate: marcaDate ?? null }
          : { kind: 'exempt', groundCode: d.groundCode, evidence: d.evidence.trim() || null },
      storico: d.storico ? { referenceDate: referenceDate ?? '', motivation: d.motivation } : null,
    },
  };
}

export function CertificateForm(props: {
  resident: ResidentDetail;
  today: string;
  onIssued: (c: IssuedCertificate) => void;
  onCancel: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [issueError, setIssueError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const grounds = exemptionGroundsOn(props.today);
  const built = toRequest(props.resident.id, draft);
  const previewKey =
    'request' in built && built.request.facts.length > 0 ? JSON.stringify(built.request) : null;
  const preview = usePreview(previewKey, api.certificates.preview, props.onError);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setIssueError(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const toggleFact = (f: CertificateFact) =>
    set('facts', draft.facts.includes(f) ? draft.facts.filter((x) => x !== f) : [...draft.facts, f]);
  const marcaRef = useRef<HTMLInputElement>(null);
  // Enter on a fact: this one (ticked if it was not) and on to the marca da bollo, the obvious next
  // step; the scanner then reads the marca into its field
  const chooseFact = (e: KeyboardEvent<HTMLInputElement>, f: CertificateFact) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.shiftKey || e.metaKey) return;
    e.preventDefault();
    if (!draft.facts.includes(f)) toggleFact(f);
    if (draft.bolloKind === 'marca') marcaRef.current?.focus();
  };

  const issue = (e?: FormEvent) => {
    e?.preventDefault();
    if (!('request' in built) || busy) return;
    setBusy(true);
    void api.certificates.issue({ ...built.request, delivery: draft.delivery }).then((res) => {
      setBusy(false);
      if (res.ok) props.onIssued(res.value);
      else setIssueError(res.error);
    });
  };
  const onKeyDown = useFormKeys({ onSubmit: issue, onCancel: props.onCancel });
  const shown = draft.facts.length > 0 ? preview : null;
  const ground = grounds.find((g) => g.code === draft.groundCode);

  return (
    <form className="card doc-form" onSubmit={issue} onKeyDown={onKeyDown} data-testid="certificate-form">
      <h2>{t('certificateFormTitle')}</h2>
      <div className="doc-columns">
        <div>
          <fieldset>
            <legend>{t('factsLegend')}</legend>
            {CERTIFICATE_FACTS.map((f, i) => (
              <label key={f} className="check">
                <input
                  type="checkbox"
                  autoFocus={i === 0}
                  checked={draft.facts.includes(f)}
                  onChange={() => toggleFact(f)}
                  onKeyDown={(e) => chooseFact(e, f)}
                  data-testid={`fact-${f}`}
                />{' '}
                {FACT_DEFINITIONS[f].label[locale]}
              </label>
            ))}
            <label className="check">
              <input
                type="checkbox"
                checked={draft.storico}
                onChange={(e) => set('storico', e.target.checked)}
                data-testid="storico"
              />{' '}
              {t('storicoToggle')}
            </label>
            {draft.storico && (
              <>
                <label className="field">
                  <span>{t('referenceDate')}</span>
                  <input
                    value={draft.referenceDate}
                    onChange={(e) => set('referenceDate', e.target.value)}
                    data-testid="reference-date"
                  />
                </label>
                <label className="field">
                  <span>{t('motivation')}</span>
                  <input
                    value={draft.motivation}
                    onChange={(e) => set('motivation', e.target.value)}
                    data-testid="motivation"
                  />
                </label>
              </>
            )}
          </fieldset>
          <fieldset>
            <legend>{t('destinationLegend')}</legend>
            {(['private_it', 'abroad'] as const).map((d) => (
              <label key={d} className="check">
                <input
                  type="radio"
                  name="destination"
                  checked={draft.destination === d}
                  onChange={() => set('destination', d)}
                  data-testid={`destination-${d}`}
                />{' '}
                {t(`destination_${d}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('bolloLegend')}</legend>
            <label className="check">
              <input
                type="radio"
                name="bollo"
                checked={draft.bolloKind === 'marca'}
                onChange={() => set('bolloKind', 'marca')}
                data-testid="bollo-marca"
              />{' '}
              {t('bolloMarca')}
            </label>
            {draft.bolloKind === 'marca' && (
              <>
                <label className="field">
                  <span>{t('marcaId')}</span>
                  <input
                    ref={marcaRef}
                    className="mono"
                    inputMode="numeric"
                    value={draft.marcaId}
                    onChange={(e) => set('marcaId', e.target.value)}
                    data-testid="marca-id"
                  />
                </label>
                <label className="field">
                  <span>{t('marcaDate')}</span>
                  <input
                    value={draft.marcaDate}
                    onChange={(e) => set('marcaDate', e.target.value)}
                    data-testid="marca-date"
                  />
                </label>
              </>
            )}
            <label className="check">
              <input
                type="radio"
                name="bollo"
                checked={draft.bolloKind === 'exempt'}
                onChange={() => set('bolloKind', 'exempt')}
                data-testid="bollo-exempt"
              />{' '}
              {t('bolloExempt')}
            </label>
            {draft.bolloKind === 'exempt' && (
              <label className="field">
                <span>{t('exemptionGround')}</span>
                <select
                  value={draft.groundCode}
                  onChange={(e) => set('groundCode', e.target.value)}
                  data-testid="exemption-ground"
                >
                  <option value="">{t('chooseGround')}</option>
                  {grounds.map((g) => (
                    <option key={g.code} value={g.code}>
                      {g.label[locale]} – {g.legalReference}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {draft.bolloKind === 'exempt' && ground?.requiresEvidence && (
              <label className="field">
                <span>{t('evidence')}</span>
                <input
                  value={draft.evidence}
                  onChange={(e) => set('evidence', e.target.value)}
                  data-testid="evidence"
                />
              </label>
            )}
          </fieldset>
          <fieldset>
            <legend>{t('deliveryLegend')}</legend>
            {(['printed', 'file'] as const).map((d) => (
              <label key={d} className="check">
                <input
                  type="radio"
                  name="delivery"
                  checked={draft.delivery === d}
                  onChange={() => set('delivery', d)}
                  data-testid={`delivery-${d}`}
                />{' '}
                {t(`delivery_${d}`)}
              </label>
            ))}
          </fieldset>
        </div>
        <div>
          <h3>{t('previewTitle')}</h3>
          {'badDate' in built && (
            <div className="alert alert-error" role="alert">
              {t('invalidDate', { text: built.badDate })}
            </div>
          )}
          {shown && !shown.ok && (
            <ProblemList title={t('refusedTitle')} problems={shown.problems} testId="refusal" />
          )}
          {shown && shown.ok && (
            <>
              <p className="strong" data-testid="at-counter">
                {t('atCounter', { amount: formatEuro(cents(shown.atCounterCents), locale) })} ·{' '}
                {shown.validUntil
                  ? t('validUntil', { date: formatDate(shown.validUntil) })
                  : t('validUnlimited')}
              </p>
              <ul className="fee-lines" data-testid="fee-lines">
                {shown.feeLines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
              <DocumentLines lines={shown.lines} testId="certificate-preview" />
            </>
          )}
          {issueError && (
            <div className="alert alert-error" role="alert" data-testid="issue-error">
              {issueError.message}
            </div>
          )}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || !shown || !shown.ok}
            data-testid="issue-certificate"
          >
            {busy ? t('issuing') : t('issueButton')}
          </button>{' '}
          <button type="button" className="btn btn-ghost" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}
