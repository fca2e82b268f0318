import type { IssuedDocument } from '../../../shared/contract/views';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { useT } from '../i18n/useT';
import { DocumentLines } from './DocumentLines';
import { printPdf, useObjectUrl } from './pdf-blob';

/** A document just issued: print it or save it, and (certificates) where to verify it. */
export function IssuedPanel(props: {
  doc: IssuedDocument;
  title: string;
  verificationUrl?: string | null;
  onClose: () => void;
  onAnother?: () => void;
}) {
  const { t } = useT();
  useReturnFocus();
  const { doc } = props;
  const url = useObjectUrl(doc.pdfBase64, 'application/pdf');
  return (
    <div className="card issued" data-testid="issued">
      <h2 data-testid="issued-title">{props.title}</h2>
      {props.verificationUrl && (
        <p>
          {t('verificationLink')}:{' '}
          <a href={props.verificationUrl} target="_blank" rel="noreferrer" data-testid="verification-url">
            {props.verificationUrl}
          </a>
        </p>
      )}
      <p className="muted small">
        {t('fingerprint')}:{' '}
        <span className="mono" data-testid="issued-sha256">
          {doc.sha256}
        </span>
      </p>
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          autoFocus
          onClick={() => printPdf(url)}
          data-testid="print-pdf"
        >
          {t('printPdf')}
        </button>{' '}
        <a className="btn btn-ghost" href={url} download={`${doc.id}.pdf`} data-testid="save-pdf">
          {t('savePdf')}
        </a>{' '}
        {props.onAnother && (
          <button type="button" className="btn btn-ghost" onClick={props.onAnother}>
            {t('newAnother')}
          </button>
        )}{' '}
        <button type="button" className="btn btn-ghost" onClick={props.onClose} data-testid="issued-close">
          {t('close')}
        </button>
      </div>
      <DocumentLines lines={doc.lines} testId="issued-lines" />
    </div>
  );
}
