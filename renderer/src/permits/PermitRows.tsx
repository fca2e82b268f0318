import { useState, type KeyboardEvent } from 'react';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { DUPLICATE_CAUSES } from '../../../shared/permits/permit-wire';
import type { PermitView } from '../../../shared/permits/permit-views';
import { api } from '../api/client';
import { printBase64Pdf } from '../documents/pdf-blob';
import { useT } from '../i18n/useT';

type Action = 'menu' | 'plate' | 'duplicate' | 'revoke';

const BADGE: Record<PermitView['now'], string> = {
  valid: 'badge-cert-valid',
  not_yet_valid: 'badge-cert-valid',
  expired: 'badge-cert-expired',
  revoked: 'badge-cert-revoked',
  superseded: 'badge-cert-expired',
};

export const permitValidity = (p: PermitView): string =>
  p.validFromAt && p.validToAt
    ? `${formatDate(p.validFrom)} ${p.validFromAt.slice(11, 16)}–${p.validToAt.slice(11, 16)}`
    : `${formatDate(p.validFrom)} – ${formatDate(p.validTo)}`;

/**
 * Permits as rows with their actions: renew (R on the row, or Enter → Rinnova), change plate,
 * duplicate, revoke (supervisors), print A4 or card. Used by the resident card and the plate
 * lookup.
 */
export function PermitRows(props: {
  permits: PermitView[];
  mayRevoke: boolean;
  onRenew?: (p: PermitView) => void;
  onChanged: () => void;
  onError: (e: ErrorData) => void;
  showHolder?: boolean;
  onOpenHolder?: (id: string) => void;
}) {
  const { t } = useT();
  const [acting, setActing] = useState<{ id: string; action: Action } | null>(null);
  const [text, setText] = useState('');
  const [cause, setCause] = useState<(typeof DUPLICATE_CAUSES)[number]>('loss');
  const [error, setError] = useState<ErrorData | null>(null);

  const done = (res: { ok: true } | { ok: false; error: ErrorData }) => {
    if (!res.ok) return setError(res.error);
    setActing(null);
    setText('');
    setError(null);
    props.onChanged();
  };
  const print = (permitId: string, format: 'a4' | 'card') =>
    void api.permits.pdf({ permitId, format }).then((res) => {
      if (res.ok) printBase64Pdf(res.value.pdfBase64);
      else props.onError(res.error);
    });
  const standing = (p: PermitView) => p.status === 'active' || p.status === 'revocation_proposed';

  const onRowKeys = (p: PermitView) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.target !== e.currentTarget) return;
    if ((e.key === 'r' || e.key === 'R') && p.renewable && props.onRenew) {
      e.preventDefault();
      props.onRenew(p);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setActing({ id: p.id, action: 'menu' });
    }
  };

  return (
    <>
      <table className="results compact" data-testid="permit-rows">
        <thead>
          <tr>
            <th>{t('permit.field.number')}</th>
            <th>{t('permit.field.kind')}</th>
            {props.showHolder && <th>{t('permit.field.holder')}</th>}
            <th>{t('permit.field.plates')}</th>
            <th>{t('permit.field.validity')}</th>
            <th>{t('permit.field.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.permits.map((p) => (
            <tr
              key={p.id}
              tabIndex={0}
              onKeyDown={onRowKeys(p)}
              data-testid="permit-row"
              data-status={p.now}
              data-renewable={p.renewable}
            >
              <td className="mono small">{p.number}</td>
              <td>
                {p.kindLabel}
                {p.zone && <div className="muted small">{p.zone}</div>}
              </td>
              {props.showHolder && (
                <td>
                  {p.holderId && props.onOpenHolder ? (
                    <button
                      type="button"
                      className="btn btn-ghost"
                      onClick={() => props.onOpenHolder?.(p.holderId ?? '')}
                    >
                      {p.holderName}
                    </button>
                  ) : (
                    p.holderName
                  )}
                </td>
              )}
              <td className="mono">
                {p.plates.map((x) => (x.country === 'I' ? x.plate : `${x.plate} (${x.country})`)).join(', ')}
              </td>
              <td>{permitValidity(p)}</td>
              <td>
                <span className={`badge ${BADGE[p.now]}`}>{t(`permit.verification.${p.now}`)}</span>
                {p.status === 'revocation_proposed' && (
                  <div className="muted small">{t('permit.status.revocation_proposed')}</div>
                )}
                {p.pending && <div className="muted small">{t('permit.card.pending')}</div>}
                {p.revokedReason && <div className="muted small">{p.revokedReason}</div>}
              </td>
              <td>
                {p.renewable && props.onRenew && (
                  <button
                    type="button"
                    className="btn btn-ghost"
                    onClick={() => props.onRenew?.(p)}
                    data-testid="permit-renew"
                  >
                    {t('permit.button.renew')} (R)
                  </button>
                )}
                {acting?.id === p.id && acting.action === 'menu' && (
                  <span>
                    {standing(p) && (
                      <>
                        <button
                          type="button"
                          className="btn btn-ghost"
                          autoFocus={!p.renewable}
                          onClick={() => setActing({ id: p.id, action: 'plate' })}
                        >
                          {t('permit.button.changePlate')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-ghost"
                          onClick={() => setActing({ id: p.id, action: 'duplicate' })}
                        >
                          {t('permit.button.duplicate')}
                        </button>
                      </>
                    )}
                    {props.mayRevoke && p.status !== 'revoked' && (
                      <button
                        type="button"
                        className="btn btn-ghost"
                        onClick={() => setActing({ id: p.id, action: 'revoke' })}
                        data-testid="permit-revoke"
                      >
                        {t('permit.button.revoke')}
                      </button>
                    )}
                    <button type="button" className="btn btn-ghost" onClick={() => print(p.id, 'a4')}>
                      {t('permit.issued.printA4')}
                    </button>
                    <button type="button" className="btn btn-ghost" onClick={() => print(p.id, 'card')}>
                      {t('permit.issued.printCard')}
                    </button>
                  </span>
                )}
                {acting?.id !== p.id && (
                  <button
                    type="button"
                    className="btn btn-ghost"
                    onClick={() => setActing({ id: p.id, action: 'menu' })}
                    data-testid="permit-actions"
                  >
                    …
                  </button>
                )}
                {acting?.id === p.id && acting.action !== 'menu' && (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      if (acting.action === 'plate') {
                        void api.permits
                          .changePlate({
                            permitId: p.id,
                            plates: text.split(/[,;/]+/).map((plate) => ({ plate })),
                            reason: null,
                          })
                          .then(done);
                      } else if (acting.action === 'duplicate') {
                        void api.permits
                          .duplicate({ permitId: p.id, cause, reportRef: text.trim() || null })
                          .then(done);
                      } else {
                        void api.permits.revoke({ permitId: p.id, reason: text }).then(done);
                      }
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Escape') {
                        e.preventDefault();
                        e.stopPropagation();
                        setActing(null);
                      }
                    }}
                  >
                    {acting.action === 'duplicate' && (
                      <label className="field">
                        <span>{t('permit.action.cause')}</span>
                        <select
                          autoFocus
                          value={cause}
                          onChange={(e) => setCause(e.target.value as typeof cause)}
                        >
                          {DUPLICATE_CAUSES.map((c) => (
                            <option key={c} value={c}>
                              {t(`permit.duplicate.${c}`)}
                            </option>
                          ))}
                        </select>
                      </label>
                    )}
                    <label className="field">
                      <span>
                        {acting.action === 'plate' ? t('permit.action.newPlates') : t('permit.action.reason')}
                      </span>
                      <input
                        autoFocus={acting.action !== 'duplicate'}
                        value={text}
                        onChange={(e) => setText(e.target.value)}
                        data-testid="permit-action-text"
                      />
                    </label>
                    <button type="submit" className="btn btn-primary" data-testid="permit-action-confirm">
                      {t('permit.action.confirm')}
                    </button>{' '}
                    <button type="button" className="btn btn-ghost" onClick={() => setActing(null)}>
                      {t('permit.action.cancel')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <div
          className="alert alert-error"
          role="alert"
          data-testid="permit-action-error"
          data-code={error.code}
        >
          {error.message}
        </div>
      )}
    </>
  );
}
