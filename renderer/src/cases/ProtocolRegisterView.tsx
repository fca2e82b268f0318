import { useStaffNames } from '../admin/useStaffNames';
import { useEffect, useState, type FormEvent } from 'react';
import type { ProtocolEntry } from '../../../shared/cases/case-wire';
import type { ProtocolRegisterView as Register } from '../../../shared/contract/case-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { DateInput } from '../components/DateInput';

type Editing = { kind: 'cancel' | 'correct'; entry: ProtocolEntry } | null;

/**
 * The year's protocol register from the hub: numbers and dates as registered, corrections with
 * the old value beside the new, cancelled entries still readable under their mark (art. 54).
 */
export function ProtocolRegisterView(props: {
  supervisor: boolean;
  today: string;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  const nameOf = useStaffNames();
  const { onError } = props;
  const [year, setYear] = useState(Number(props.today.slice(0, 4)) || new Date().getFullYear());
  const [data, setData] = useState<Register | null>(null);
  const [problem, setProblem] = useState<ErrorData | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [form, setForm] = useState({
    kind: '',
    reference: '',
    date: props.today,
    issuedBy: '',
    reason: '',
    subject: '',
  });

  useEffect(() => {
    void api.cases.protocolRegister({ year, limit: 500 }).then((res) => {
      if (res.ok) {
        setProblem(null);
        return setData(res.value);
      }
      if (res.error.code === 'session_expired' || res.error.code === 'not_logged_in') onError(res.error);
      setProblem(res.error);
    });
  }, [year, onError]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const key = { year: editing.entry.year, number: editing.entry.number };
    const call =
      editing.kind === 'cancel'
        ? api.cases.protocolCancel({
            ...key,
            reason: form.reason,
            act: { kind: form.kind, reference: form.reference, date: form.date, issuedBy: form.issuedBy },
          })
        : api.cases.protocolCorrect({ ...key, field: 'subject', value: form.subject, reason: form.reason });
    void call.then((res) => {
      if (!res.ok) return setProblem(res.error);
      setProblem(null);
      setEditing(null);
      setData(res.value);
    });
  };

  return (
    <div className="protocol" data-testid="protocol-register">
      <div className="queue-filters">
        <label className="field">
          <span>{t('caseProtocolYear')}</span>
          <input
            type="number"
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            min={2000}
            max={2100}
            data-testid="protocol-year"
          />
        </label>
        {data && (
          <p
            className={data.problems.length === 0 ? 'muted' : 'alert alert-error'}
            data-testid="protocol-check"
          >
            {data.problems.length === 0
              ? t('caseProtocolOk')
              : t('caseProtocolProblems', { problems: data.problems.join('; ') })}
          </p>
        )}
      </div>
      {problem && (
        <div className="alert alert-warning" role="alert">
          {problem.message}
        </div>
      )}
      {editing && (
        <form className="card case-action" onSubmit={submit} data-testid="protocol-form">
          <h3>
            {editing.kind === 'cancel' ? t('caseProtocolCancel') : t('caseProtocolCorrect')}{' '}
            {editing.entry.formatted}
          </h3>
          {editing.kind === 'cancel' ? (
            <>
              <label className="field">
                <span>{t('caseProtocolActKind')}</span>
                <input
                  autoFocus
                  value={form.kind}
                  onChange={(e) => setForm({ ...form, kind: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t('caseProtocolActReference')}</span>
                <input
                  value={form.reference}
                  onChange={(e) => setForm({ ...form, reference: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t('caseProtocolActDate')}</span>
                <DateInput value={form.date} onChange={(value) => setForm({ ...form, date: value })} />
              </label>
              <label className="field">
                <span>{t('caseProtocolActIssuedBy')}</span>
                <input
                  value={form.issuedBy}
                  onChange={(e) => setForm({ ...form, issuedBy: e.target.value })}
                />
              </label>
            </>
          ) : (
            <label className="field">
              <span>{t('caseProtocolNewSubject')}</span>
              <input
                autoFocus
                value={form.subject}
                onChange={(e) => setForm({ ...form, subject: e.target.value })}
              />
            </label>
          )}
          <label className="field">
            <span>{t('caseProtocolReason')}</span>
            <input value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
          </label>
          <div className="form-buttons">
            <button type="submit" className="btn btn-primary">
              {t('caseConfirm')}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setEditing(null)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {data && (
        <table className="results compact protocol-table">
          <thead>
            <tr>
              <th>{t('caseProtocolNumber')}</th>
              <th>{t('caseProtocolDate')}</th>
              <th>{t('caseProtocolDirection')}</th>
              <th>{t('caseProtocolCorrespondents')}</th>
              <th>{t('caseProtocolSubject')}</th>
              {props.supervisor && <th />}
            </tr>
          </thead>
          <tbody>
            {data.entries.map((e) => (
              <tr
                key={e.formatted}
                className={e.cancellation ? 'cancelled' : undefined}
                data-testid="protocol-row"
              >
                <td className="mono">{e.formatted}</td>
                <td>
                  {formatDate(e.registeredAt.slice(0, 10))} {e.registeredAt.slice(11, 16)}
                </td>
                <td>{t(`caseProtocolDirection_${e.direction}`)}</td>
                <td>{e.correspondents.join('; ')}</td>
                <td>
                  <span className="original">{e.subject}</span>
                  {e.corrections.map((c, i) => (
                    <div key={i} className="muted small">
                      {t('caseProtocolCorrected', {
                        when: `${formatDate(c.correctedAt.slice(0, 10))} ${c.correctedAt.slice(11, 16)}`,
                        who: nameOf(c.operator),
                        old: c.oldValue,
                        reason: c.reason,
                      })}
                    </div>
                  ))}
                  {e.cancellation && (
                    <div className="cancel-mark" data-testid="protocol-cancel-mark">
                      {e.cancellation.mark[locale]}
                    </div>
                  )}
                </td>
                {props.supervisor && (
                  <td>
                    {!e.cancellation && (
                      <>
                        <button
                          type="button"
                          className="btn btn-link"
                          onClick={() => {
                            setForm((f) => ({ ...f, subject: e.subject }));
                            setEditing({ kind: 'correct', entry: e });
                          }}
                        >
                          {t('caseProtocolCorrect')}
                        </button>{' '}
                        <button
                          type="button"
                          className="btn btn-link danger"
                          onClick={() => setEditing({ kind: 'cancel', entry: e })}
                        >
                          {t('caseProtocolCancel')}
                        </button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
