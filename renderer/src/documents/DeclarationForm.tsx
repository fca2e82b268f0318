import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { DeclarationRequestInput } from '../../../shared/contract/document-inputs';
import type { IssuedDocument, ResidentDetail } from '../../../shared/contract/views';
import {
  ART46_FACTS,
  PREFILLED_LETTERS,
  type PrefilledLetter,
} from '../../../shared/declarations/art46-facts';
import { IDENTITY_DOCUMENT_TYPES } from '../../../shared/declarations/identity-documents';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useFormKeys } from '../hooks/useFormKeys';
import { useT } from '../i18n/useT';
import { DocumentLines, ProblemList } from './DocumentLines';
import { usePreview } from './usePreview';
import { useReturnFocus } from '../hooks/useReturnFocus';

type Draft = {
  letters: PrefilledLetter[];
  art47: string;
  identification: 'in_presence' | 'document_attached';
  documentType: string;
  documentNumber: string;
  delivery: 'printed' | 'file';
};

const toRequest = (residentId: string, d: Draft): DeclarationRequestInput => ({
  residentId,
  facts: [
    ...d.letters.map((letter) => ({ article: 46 as const, letter })),
    ...(d.art47.trim() ? [{ article: 47 as const, text: d.art47.trim() }] : []),
  ],
  identification:
    d.identification === 'in_presence'
      ? { kind: 'in_presence', documentType: d.documentType, documentNumber: d.documentNumber }
      : { kind: 'document_attached' },
});

/** Facts pre-filled from the registry, confirmed by the declarant; no bollo; a PDF to sign. */
export function DeclarationForm(props: {
  resident: ResidentDetail;
  onIssued: (d: IssuedDocument) => void;
  onCancel: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const [draft, setDraft] = useState<Draft>({
    letters: ['a', 'b'],
    art47: '',
    identification: 'in_presence',
    documentType: 'cie',
    documentNumber: '',
    delivery: 'printed',
  });
  const [issueError, setIssueError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const request = toRequest(props.resident.id, draft);
  const preview = usePreview(
    request.facts.length > 0 ? JSON.stringify(request) : null,
    api.declarations.preview,
    props.onError,
  );

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setIssueError(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const issue = (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    void api.declarations.issue({ ...request, delivery: draft.delivery }).then((res) => {
      setBusy(false);
      if (res.ok) props.onIssued(res.value);
      else setIssueError(res.error);
    });
  };
  const onKeyDown = useFormKeys({ onSubmit: issue, onCancel: props.onCancel });
  const documentRef = useRef<HTMLInputElement>(null);
  // Enter on a fact (pre-filled from the registry): confirmed, on to the identity document read
  // at the counter, the obvious next step
  const confirmFacts = (e: KeyboardEvent<HTMLInputElement>, l: PrefilledLetter) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.shiftKey || e.metaKey) return;
    e.preventDefault();
    if (!draft.letters.includes(l)) set('letters', [...draft.letters, l]);
    if (draft.identification === 'in_presence') documentRef.current?.focus();
  };
  const shown = draft.letters.length > 0 || draft.art47.trim() ? preview : null;

  return (
    <form className="card doc-form" onSubmit={issue} onKeyDown={onKeyDown} data-testid="declaration-form">
      <h2>{t('declarationFormTitle')}</h2>
      <div className="doc-columns">
        <div>
          <fieldset>
            <legend>{t('declarationFacts')}</legend>
            {PREFILLED_LETTERS.map((l, i) => (
              <label key={l} className="check">
                <input
                  type="checkbox"
                  autoFocus={i === 0}
                  checked={draft.letters.includes(l)}
                  onChange={() =>
                    set(
                      'letters',
                      draft.letters.includes(l)
                        ? draft.letters.filter((x) => x !== l)
                        : [...draft.letters, l],
                    )
                  }
                  onKeyDown={(e) => confirmFacts(e, l)}
                  data-testid={`letter-${l}`}
                />{' '}
                {ART46_FACTS[l].label[locale]}
              </label>
            ))}
            <label className="field">
              <span>{t('art47Text')}</span>
              <textarea value={draft.art47} onChange={(e) => set('art47', e.target.value)} rows={3} />
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('identificationLegend')}</legend>
            <label className="check">
              <input
                type="radio"
                name="identification"
                checked={draft.identification === 'in_presence'}
                onChange={() => set('identification', 'in_presence')}
              />{' '}
              {t('identifiedInPresence')}
            </label>
            {draft.identification === 'in_presence' && (
              <>
                <label className="field">
                  <span>{t('documentType')}</span>
                  <select value={draft.documentType} onChange={(e) => set('documentType', e.target.value)}>
                    {IDENTITY_DOCUMENT_TYPES.map((d) => (
                      <option key={d.code} value={d.code}>
                        {d.label[locale]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span>{t('documentNumber')}</span>
                  <input
                    ref={documentRef}
                    className="mono"
                    value={draft.documentNumber}
                    onChange={(e) => set('documentNumber', e.target.value)}
                    data-testid="document-number"
                  />
                </label>
              </>
            )}
            <label className="check">
              <input
                type="radio"
                name="identification"
                checked={draft.identification === 'document_attached'}
                onChange={() => set('identification', 'document_attached')}
              />{' '}
              {t('documentAttached')}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('deliveryLegend')}</legend>
            {(['printed', 'file'] as const).map((d) => (
              <label key={d} className="check">
                <input
                  type="radio"
                  name="ddelivery"
                  checked={draft.delivery === d}
                  onChange={() => set('delivery', d)}
                />{' '}
                {t(`delivery_${d}`)}
              </label>
            ))}
          </fieldset>
        </div>
        <div>
          <h3>{t('previewTitle')}</h3>
          <p className="muted small">{t('noBolloNote')}</p>
          {shown && !shown.ok && (
            <ProblemList
              title={t('declarationFormTitle')}
              problems={shown.problems}
              testId="declaration-problems"
            />
          )}
          {shown && shown.ok && <DocumentLines lines={shown.lines} testId="declaration-preview" />}
          {issueError && (
            <div className="alert alert-error" role="alert" data-testid="declaration-error">
              {issueError.message}
            </div>
          )}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || !shown || !shown.ok}
            data-testid="issue-declaration"
          >
            {busy ? t('issuing') : t('prepareDeclaration')}
          </button>{' '}
          <button type="button" className="btn btn-ghost" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}
