import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ReceiptDelivery } from '../../../shared/cases/case-record';
import { RESIDENCE_PROCEDURE } from '../../../shared/cases/residence-case';
import type { OpenedCase, ProcedureView } from '../../../shared/contract/case-views';
import type { ResidentDetail } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useFormKeys } from '../hooks/useFormKeys';
import { useT } from '../i18n/useT';
import { useReturnFocus } from '../hooks/useReturnFocus';

/** Any other procedure of the catalogue, opened at the counter for this resident. */
export function GenericCaseForm(props: {
  resident: ResidentDetail;
  onClose: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const { onError } = props;
  const started = useRef(0);
  const [procedures, setProcedures] = useState<ProcedureView[]>([]);
  const [code, setCode] = useState('');
  const [subject, setSubject] = useState('');
  const [documents, setDocuments] = useState<string[]>([]);
  const [receipt, setReceipt] = useState<ReceiptDelivery>('file');
  const [error, setError] = useState<ErrorData | null>(null);
  const [done, setDone] = useState<OpenedCase | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    started.current = Date.now();
    void api.cases.procedures({}).then((res) => {
      if (!res.ok) return onError(res.error);
      setProcedures(res.value.filter((p) => p.code !== RESIDENCE_PROCEDURE));
    });
  }, [onError]);

  const procedure = procedures.find((p) => p.code === code) ?? procedures[0];

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!procedure || busy) return;
    setBusy(true);
    void api.cases
      .open({
        procedureCode: procedure.code,
        applicantId: props.resident.id,
        subject,
        documents,
        receiptDelivery: receipt,
        counterSeconds: started.current > 0 ? Math.round((Date.now() - started.current) / 1000) : null,
      })
      .then((res) => {
        setBusy(false);
        if (!res.ok) return setError(res.error);
        setError(null);
        setDone(res.value);
      });
  };

  const onKeyDown = useFormKeys({ onSubmit: done ? undefined : submit, onCancel: props.onClose });

  return (
    <div className="modal-backdrop">
      <div
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="generic-title"
        onKeyDown={onKeyDown}
        data-testid="generic-case"
      >
        <h2 id="generic-title">
          {t('caseGenericTitle')} — {props.resident.surname} {props.resident.givenNames}
        </h2>
        {done ? (
          <div>
            <p className="alert alert-success" data-testid="generic-done">
              <strong>{t('caseOpened')}</strong>
              <br />
              {done.case.protocol
                ? t('caseOpenedNumber', { protocol: done.case.protocol })
                : t('caseOpenedAwaiting')}
            </p>
            <button type="button" className="btn btn-primary" autoFocus onClick={props.onClose}>
              {t('caseClose')}
            </button>
          </div>
        ) : (
          <form className="doc-form" onSubmit={submit}>
            <label className="field">
              <span>{t('caseProcedure')}</span>
              <select
                autoFocus
                value={procedure?.code ?? ''}
                onChange={(e) => {
                  setCode(e.target.value);
                  setDocuments([]);
                }}
                data-testid="generic-procedure"
              >
                {procedures.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.title[locale]} ({t('caseTerm', { days: p.maxDays })})
                  </option>
                ))}
              </select>
            </label>
            {procedure && <p className="muted small">{procedure.legalBasis}</p>}
            <label className="field">
              <span>{t('caseSubject')}</span>
              <input
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
                data-testid="generic-subject"
              />
            </label>
            {procedure && procedure.requiredDocuments.length > 0 && (
              <fieldset>
                <legend>{t('caseDocuments')}</legend>
                {procedure.requiredDocuments.map((d) => (
                  <label key={d.id} className="check">
                    <input
                      type="checkbox"
                      checked={documents.includes(d.id)}
                      onChange={(e) =>
                        setDocuments((list) =>
                          e.target.checked ? [...list, d.id] : list.filter((x) => x !== d.id),
                        )
                      }
                    />{' '}
                    {d.label[locale]}
                    {d.when && <span className="muted small"> ({d.when[locale]})</span>}
                  </label>
                ))}
              </fieldset>
            )}
            <label className="field">
              <span>{t('caseReceipt')}</span>
              <select value={receipt} onChange={(e) => setReceipt(e.target.value as ReceiptDelivery)}>
                <option value="file">{t('caseReceipt_file')}</option>
                <option value="printed">{t('caseReceipt_printed')}</option>
                <option value="none">{t('caseReceipt_none')}</option>
              </select>
            </label>
            {error && (
              <div className="alert alert-error" role="alert" data-testid="generic-error">
                {error.message}
              </div>
            )}
            <div className="form-buttons">
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="generic-submit">
                {busy ? t('caseSubmitting') : t('caseCreate')}
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
