import { useEffect, useState } from 'react';
import type { CertificateListItem, IssuedDocument } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { printBase64Pdf } from './pdf-blob';

/** The person's certificates across the comune: status as the verification page says it; reprint; revoke. */
export function CertificatesCard(props: {
  residentId: string;
  mayRevoke: boolean;
  refreshKey: number;
  onError: (e: ErrorData) => void;
}) {
  const { t } = useT();
  const { residentId, refreshKey, onError } = props;
  const [items, setItems] = useState<CertificateListItem[] | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ErrorData | null>(null);

  useEffect(() => {
    void api.certificates
      .list({ residentId })
      .then((res) => (res.ok ? setItems(res.value) : onError(res.error)));
  }, [residentId, refreshKey, onError]);

  const reprint = (id: string) =>
    void api.certificates.pdf({ id }).then((res) => {
      if (!res.ok) return onError(res.error);
      printBase64Pdf((res.value as IssuedDocument).pdfBase64);
    });
  const revoke = (id: string) =>
    void api.certificates.revoke({ id, reason }).then((res) => {
      if (!res.ok) return setError(res.error);
      setRevoking(null);
      setReason('');
      setError(null);
      setItems((list) => (list ?? []).map((c) => (c.id === id ? res.value : c)));
    });

  return (
    <div className="card" data-testid="certificates">
      <h2>{t('certificatesTitle')}</h2>
      {items && items.length === 0 && <p className="muted">{t('noCertificates')}</p>}
      {items && items.length > 0 && (
        <table className="results compact">
          <thead>
            <tr>
              <th>{t('colNumber')}</th>
              <th>{t('colType')}</th>
              <th>{t('colIssued')}</th>
              <th>{t('colStatus')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-testid="certificate-row" data-status={c.status}>
                <td className="mono">{c.id}</td>
                <td>{c.title}</td>
                <td>{formatDate(c.issuedOn)}</td>
                <td>
                  <span className={`badge badge-cert-${c.status}`}>{t(`status_${c.status}`)}</span>
                  {c.status === 'revoked' && c.revokeReason && (
                    <div className="muted small">
                      {t('revokedBy', { who: c.revokedBy ?? '', reason: c.revokeReason })}
                    </div>
                  )}
                </td>
                <td>
                  {c.hasPdf && (
                    <button type="button" className="btn btn-ghost" onClick={() => reprint(c.id)}>
                      {t('reprint')}
                    </button>
                  )}
                  {props.mayRevoke && c.status !== 'revoked' && revoking !== c.id && (
                    <button
                      type="button"
                      className="btn btn-ghost"
                      onClick={() => setRevoking(c.id)}
                      data-testid="revoke"
                    >
                      {t('revoke')}
                    </button>
                  )}
                  {revoking === c.id && (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        revoke(c.id);
                      }}
                    >
                      <label className="field">
                        <span>{t('revokeReason')}</span>
                        <input
                          autoFocus
                          value={reason}
                          onChange={(e) => setReason(e.target.value)}
                          data-testid="revoke-reason"
                        />
                      </label>
                      <button type="submit" className="btn btn-primary" data-testid="revoke-confirm">
                        {t('revokeConfirm')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <div className="alert alert-error" role="alert" data-testid="revoke-error">
          {error.message}
        </div>
      )}
    </div>
  );
}
