import { useEffect, useState } from 'react';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { SciaDueView } from '../../../shared/shops/shop-views';
import { SCIA_OUTCOMES, type SciaOutcome } from '../../../shared/shops/shop-wire';
import { api } from '../api/client';
import { useT } from '../i18n/useT';

/**
 * For supervisors: the SCIA checks still open, nearest term first, with the three outcomes of
 * art. 19 c.3 and the letter each produces.
 */
export function SciaChecksPanel(props: {
  syncMark: string;
  onError: (e: ErrorData) => void;
  /** an outcome changed a shop of the register (a divieto stops it) */
  onChanged: () => void;
}) {
  const { t } = useT();
  const { syncMark, onError, onChanged } = props;
  const [due, setDue] = useState<SciaDueView[] | null>(null);
  const [open, setOpen] = useState<{ shopId: string; outcome: SciaOutcome } | null>(null);
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('30');
  const [letter, setLetter] = useState<{ shopId: string; href: string; fileName: string } | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [version, setVersion] = useState(0);
  const today = romeDateOf(new Date());

  useEffect(() => {
    void api.shops.checksDue({}).then((res) => (res.ok ? setDue(res.value) : onError(res.error)));
  }, [syncMark, version, onError]);

  const confirm = () => {
    if (!open) return;
    void api.shops
      .outcome({
        shopId: open.shopId,
        outcome: open.outcome,
        reason,
        conformDays: open.outcome === 'invito' ? Number(days) : null,
      })
      .then((res) => {
        if (!res.ok) return setError(res.error);
        setLetter({
          shopId: open.shopId,
          href: `data:application/pdf;base64,${res.value.pdfBase64}`,
          fileName: res.value.fileName,
        });
        setOpen(null);
        setReason('');
        setError(null);
        setVersion((v) => v + 1);
        onChanged();
      });
  };

  return (
    <div className="card" data-testid="shop-checks">
      <h2>{t('shop.checks.title')}</h2>
      {letter && (
        <p>
          <a href={letter.href} download={letter.fileName} data-testid="shop-letter">
            {t('shop.outcome.letter')}: {letter.fileName}
          </a>
        </p>
      )}
      {due && due.length === 0 && <p className="muted">{t('shop.checks.none')}</p>}
      {due && due.length > 0 && (
        <table className="results compact">
          <tbody>
            {due.map((d) => (
              <tr key={d.shop.id} data-testid="shop-check-row">
                <td>
                  <strong>{d.shop.signName}</strong>
                  <div className="muted small">
                    {t(`shop.event.${d.scia.event}`)} · {d.shop.address}
                    {d.protocolNumber ? ` · prot. ${d.protocolNumber}` : ''}
                  </div>
                </td>
                <td>
                  {t('shop.checks.due', { date: formatDate(d.scia.dueDate), days: d.daysLeft })}
                  {d.scia.conformBy && (
                    <div className="small">
                      {t('shop.checks.conformBy', { date: formatDate(d.scia.conformBy) })}
                      {d.scia.conformBy < today && (
                        <strong data-testid="shop-conform-lapsed"> · {t('shop.checks.lapsed')}</strong>
                      )}
                    </div>
                  )}
                </td>
                <td>
                  {SCIA_OUTCOMES.map((o) => (
                    <button
                      key={o}
                      type="button"
                      className="btn btn-ghost"
                      onClick={() => setOpen({ shopId: d.shop.id, outcome: o })}
                      data-testid={`shop-outcome-${o}`}
                    >
                      {t(`shop.outcome.${o}`)}
                    </button>
                  ))}
                  {open?.shopId === d.shop.id && (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        confirm();
                      }}
                    >
                      <label className="field">
                        <span>{t('shop.outcome.reason')}</span>
                        <input
                          autoFocus
                          value={reason}
                          onChange={(e) => setReason(e.target.value)}
                          data-testid="shop-outcome-reason"
                        />
                      </label>
                      {open.outcome === 'invito' && (
                        <label className="field">
                          <span>{t('shop.outcome.days')}</span>
                          <input value={days} onChange={(e) => setDays(e.target.value)} inputMode="numeric" />
                        </label>
                      )}
                      <button type="submit" className="btn btn-primary">
                        {t('shop.outcome.confirm')}
                      </button>
                      {error && (
                        <div className="alert alert-error" role="alert" data-code={error.code}>
                          {error.message}
                        </div>
                      )}
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
