import { useEffect, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { CanoneApplicationView } from '../../../shared/canone/canone-views';
import type { CaseDetail } from '../../../shared/contract/case-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { api } from '../api/client';
import { euro } from '../cashdesk/money';
import { openBase64, printBase64Pdf } from '../documents/pdf-blob';
import { useT } from '../i18n/useT';
import { FeeBreakdown } from './FeeBreakdown';
import { OVERLAY } from './CanoneForm';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { DateInput } from '../components/DateInput';

const periodOf = (a: CanoneApplicationView): string =>
  a.end === null ? `dal ${formatDate(a.start)}` : `${formatDate(a.start)} – ${formatDate(a.end)}`;

/**
 * One application as the counter follows it: filed (awaiting its protocol number while offline),
 * numbered with the term of its case, then granted (the concession to print, the pagoPA notices
 * with number, amount and due date) or refused. Plan and photos are attached to its case; while
 * it is under review the office can print the art. 10-bis letter. Esc closes.
 */
export function ApplicationDetail(props: {
  applicationId: string;
  /** the counter's synced data moved: look again */
  syncMark: string;
  filed?: boolean;
  /** a supervisor may revoke a granted concession */
  mayRevoke?: boolean;
  onClose: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const { applicationId, syncMark, onClose, onError } = props;
  const [app, setApp] = useState<CanoneApplicationView | null>(null);
  const [kase, setKase] = useState<CaseDetail | null>(null);
  const [reasons, setReasons] = useState('');
  const [letterOpen, setLetterOpen] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [endsOn, setEndsOn] = useState('');
  const [revokeReason, setRevokeReason] = useState('');
  const [localError, setLocalError] = useState<ErrorData | null>(null);

  const load = () => {
    void api.canone.get({ applicationId }).then((res) => {
      if (!res.ok) return onError(res.error);
      setApp(res.value);
      void api.cases.get({ id: res.value.caseId, refresh: true }).then((c) => {
        if (c.ok) setKase(c.value);
      });
    });
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [applicationId, syncMark]);

  const onKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    if (letterOpen || revoking) {
      setLetterOpen(false);
      setRevoking(false);
    } else onClose();
  };

  const printConcession = () =>
    void api.canone.concessionPdf({ applicationId }).then((res) => {
      if (res.ok) printBase64Pdf(res.value.pdfBase64);
      else setLocalError(res.error);
    });
  // the hub prints the pagoPA notice from its own debt position (segregation code 47)
  const printAvviso = (noticeNumber: string) =>
    void api.cashdesk.avviso({ noticeNumber }).then((res) => {
      if (res.ok) openBase64(res.value.pdfBase64, 'application/pdf');
      else setLocalError(res.error);
    });
  const printLetter = () =>
    void api.canone.refusalNoticePdf({ applicationId, reasons }).then((res) => {
      if (res.ok) printBase64Pdf(res.value.pdfBase64);
      else setLocalError(res.error);
    });

  const revoke = () =>
    void api.canone.revoke({ applicationId, endsOn, reason: revokeReason }).then((res) => {
      if (!res.ok) return setLocalError(res.error);
      setLocalError(null);
      setRevoking(false);
      setApp(res.value);
    });

  const attach = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !app) return;
    const reader = new FileReader();
    reader.onload = () => {
      const data = String(reader.result);
      void api.cases
        .attach({
          caseId: app.caseId,
          fileName: file.name,
          mediaType: file.type || 'application/octet-stream',
          contentBase64: data.slice(data.indexOf(',') + 1),
        })
        .then((res) => {
          if (!res.ok) return setLocalError(res.error);
          setLocalError(null);
          setKase(res.value);
        });
    };
    reader.readAsDataURL(file);
  };

  if (!app) return null;
  const concession = app.concession;
  return (
    <div
      className="card"
      style={OVERLAY}
      role="dialog"
      aria-modal="true"
      aria-labelledby="canone-detail-title"
      onKeyDown={onKeys}
      data-testid="canone-detail"
      data-status={app.status}
    >
      <h2 id="canone-detail-title" data-testid="canone-detail-title">
        {props.filed ? t('canone.filed.title') : `${app.categoryLabel} – ${app.address}`}
      </h2>
      <p className="strong">
        {app.applicantLabel}
        <br />
        {app.categoryLabel}, {app.measure.toLocaleString(locale === 'it' ? 'it-IT' : 'en-GB')}{' '}
        {app.unit === 'm2' ? 'm²' : 'ml'}, {app.address} (zona {app.zone}), {periodOf(app)}
      </p>
      <dl>
        <div className="kv">
          <dt>{t('canone.field.status')}</dt>
          <dd data-testid="canone-status">
            <span className={`badge badge-case-${app.status === 'approved' ? 'approved' : 'submitted'}`}>
              {app.statusLabel}
            </span>
            {app.pending && <span className="muted small"> · {t('canone.status.pending')}</span>}
            {app.statusReason && (
              <span className="small">
                {' '}
                · {t('canone.detail.refusedBecause', { reason: app.statusReason })}
              </span>
            )}
          </dd>
        </div>
        <div className="kv">
          <dt>{t('canone.field.protocol')}</dt>
          <dd data-testid="canone-protocol">
            {app.protocol
              ? t('canone.filed.protocol', { protocol: app.protocol })
              : t('canone.filed.awaitingProtocol')}
          </dd>
        </div>
        {kase && app.status === 'submitted' && (
          <div className="kv">
            <dt>{t('canone.field.term')}</dt>
            <dd data-testid="canone-term">
              {t('canone.filed.term', { date: formatDate(kase.deadline.dueDate) })}
            </dd>
          </div>
        )}
        <div className="kv">
          <dt>{t('canone.field.fee')}</dt>
          <dd className="strong" data-testid="canone-detail-fee">
            {euro(app.fee.totalCents, locale)}
          </dd>
        </div>
        {concession && (
          <div className="kv">
            <dt>{t('canone.field.concession')}</dt>
            <dd data-testid="canone-concession">
              <span className="mono">{concession.number}</span> ({formatDate(concession.decidedOn)})
              {concession.verificationUrl && (
                <>
                  {' '}
                  <a
                    href={concession.verificationUrl}
                    target="_blank"
                    rel="noreferrer"
                    className="small"
                    data-testid="canone-verification-url"
                  >
                    {t('verificationLink')}
                  </a>
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      {concession && (
        <div data-testid="canone-notices">
          <h3 style={{ marginBottom: '0.3rem' }}>{t('canone.field.notices')}</h3>
          {app.notices.length === 0 && <p className="muted">{t('canone.detail.noNotice')}</p>}
          <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
            {app.notices.map((n) => (
              <li key={n.noticeNumber} data-testid="canone-notice" data-notice={n.noticeNumber}>
                {n.of > 1 && <span>{t('canone.detail.instalment', { n: n.instalment, of: n.of })}: </span>}
                {t('canone.detail.notice', {
                  notice: n.noticeNumber,
                  amount: euro(n.amountCents, locale),
                  date: formatDate(n.dueDate),
                })}{' '}
                <button
                  type="button"
                  className="btn btn-ghost"
                  onClick={() => printAvviso(n.noticeNumber)}
                  data-testid="canone-print-avviso"
                >
                  {t('printAvviso')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {app.policeRequested && <p className="small">{t('canone.detail.police')}</p>}
      <details>
        <summary>{t('canone.form.feeLive')}</summary>
        <FeeBreakdown fee={app.fee} />
      </details>
      {localError && (
        <div
          className="alert alert-error"
          role="alert"
          data-testid="canone-detail-error"
          data-code={localError.code}
        >
          {localError.message}
        </div>
      )}
      {letterOpen && (
        <div data-testid="canone-letter">
          <label className="field">
            <span>{t('canone.detail.reasons')}</span>
            <textarea
              autoFocus
              rows={4}
              value={reasons}
              onChange={(e) => setReasons(e.target.value)}
              data-testid="canone-letter-reasons"
            />
          </label>
          <button
            type="button"
            className="btn btn-primary"
            onClick={printLetter}
            data-testid="canone-letter-print"
          >
            {t('canone.detail.printRefusalNotice')}
          </button>
        </div>
      )}
      {revoking && (
        <div data-testid="canone-revoke-form">
          <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
            <label className="field" style={{ flex: '0 1 12rem' }}>
              <span>{t('canone.detail.revokeEndsOn')}</span>
              <DateInput
                value={endsOn}
                onChange={(value) => setEndsOn(value)}
                data-testid="canone-revoke-ends"
              />
            </label>
            <label className="field" style={{ flex: '1 1 18rem' }}>
              <span>{t('canone.detail.revokeReason')}</span>
              <input
                autoFocus
                value={revokeReason}
                onChange={(e) => setRevokeReason(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    revoke();
                  }
                }}
                data-testid="canone-revoke-reason"
              />
            </label>
          </div>
          <button
            type="button"
            className="btn btn-primary"
            onClick={revoke}
            data-testid="canone-revoke-confirm"
          >
            {t('canone.detail.revokeConfirm')}
          </button>
        </div>
      )}
      <div className="actions">
        {concession && (
          <button
            type="button"
            className="btn btn-primary"
            autoFocus
            onClick={printConcession}
            data-testid="canone-print-concession"
          >
            {t('canone.detail.printConcession')}
          </button>
        )}{' '}
        <label className="btn btn-ghost">
          {t('canone.detail.attach')}
          <input
            type="file"
            accept="application/pdf,image/*"
            onChange={attach}
            style={{ display: 'none' }}
            data-testid="canone-attach"
          />
        </label>{' '}
        {kase && kase.attachments.length > 0 && (
          <span className="muted small" data-testid="canone-attachments">
            {t('canone.detail.attached', { count: kase.attachments.length })}
          </span>
        )}{' '}
        {props.mayRevoke && app.status === 'approved' && !revoking && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setEndsOn(kase?.today ?? app.start);
              setRevoking(true);
            }}
            data-testid="canone-revoke"
          >
            {t('canone.detail.revoke')}
          </button>
        )}{' '}
        {app.status === 'submitted' && !letterOpen && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => setLetterOpen(true)}
            data-testid="canone-letter-open"
          >
            {t('canone.detail.refusalNotice')}
          </button>
        )}{' '}
        <button
          type="button"
          className="btn btn-ghost"
          autoFocus={!concession}
          onClick={onClose}
          data-testid="canone-detail-close"
        >
          {t('close')} (Esc)
        </button>
      </div>
    </div>
  );
}
