import { useState, type FormEvent } from 'react';
import { actionNeedsReason, eventForAction } from '../../../shared/cases/case-actions';
import type { AssignableClerk } from '../../../shared/cases/case-wire';
import type { CaseAction, CaseDetail } from '../../../shared/contract/case-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useFormKeys } from '../hooks/useFormKeys';
import { useT } from '../i18n/useT';
import { DateInput } from '../components/DateInput';

type Draft = {
  reason: string;
  reference: string;
  days: string;
  observationsOn: string;
  noticeReceivedOn: string;
  outcome: 'positive' | 'negative';
  checkedOn: string;
  assignee: string;
};

/** One action on an open case: its few fields, Ctrl+Enter to confirm, Esc to drop it. */
export function CaseActionForm(props: {
  detail: CaseDetail;
  action: CaseAction;
  clerks: AssignableClerk[];
  onDone: (detail: CaseDetail | null) => void;
  onCancel: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t } = useT();
  const { detail, action } = props;
  const [draft, setDraft] = useState<Draft>({
    reason: '',
    reference: '',
    days: '',
    observationsOn: '',
    noticeReceivedOn: '',
    outcome: 'positive',
    checkedOn: detail.today,
    assignee: '',
  });
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const finish = (res: { ok: true; value: CaseDetail } | { ok: false; error: ErrorData }) => {
    setBusy(false);
    if (!res.ok) {
      if (res.error.code === 'session_expired' || res.error.code === 'not_logged_in')
        props.onError(res.error);
      return setError(res.error);
    }
    props.onDone(res.value);
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const caseId = detail.id;
    if (action === 'police_check') {
      void api.cases
        .policeCheck({
          caseId,
          outcome: draft.outcome,
          checkedOn: draft.checkedOn,
          notes: draft.reason.trim(),
        })
        .then(finish);
      return;
    }
    if (action === 'visit') {
      void api.cases.visit({ caseId, purpose: draft.reason.trim() }).then(finish);
      return;
    }
    if (action === 'assign') {
      void api.cases
        .assign({ caseIds: [caseId], assignee: draft.assignee, reason: draft.reason.trim() })
        .then((res) => {
          setBusy(false);
          if (!res.ok) return setError(res.error);
          props.onDone(null);
        });
      return;
    }
    const event = eventForAction(action, {
      reason: draft.reason,
      reference: draft.reference,
      days: draft.days.trim() ? Number(draft.days) : undefined,
      observationsReceivedOn: draft.observationsOn || undefined,
      noticeReceivedOn: draft.noticeReceivedOn || undefined,
    });
    if (!event) return setBusy(false);
    void api.cases.transition({ caseId, event }).then(finish);
  };

  const onKeyDown = useFormKeys({ onSubmit: submit, onCancel: props.onCancel });

  const reasonLabel =
    action === 'police_check'
      ? t('caseNoteText')
      : action === 'visit'
        ? t('caseVisitPurpose')
        : t('caseReason');
  return (
    <form className="case-action card" onSubmit={submit} onKeyDown={onKeyDown} data-testid="case-action-form">
      <h3>{t(`caseAction_${action}`)}</h3>
      {action === 'assign' && (
        <label className="field">
          <span>{t('caseAssignTo')}</span>
          <select
            autoFocus
            value={draft.assignee}
            onChange={(e) => set({ assignee: e.target.value })}
            data-testid="action-assignee"
          >
            <option value="">…</option>
            {props.clerks.map((c) => (
              <option key={c.username} value={c.username}>
                {c.displayName} ({c.username})
              </option>
            ))}
          </select>
        </label>
      )}
      {action === 'police_check' && (
        <>
          <fieldset>
            <legend>{t('caseCheckOutcome')}</legend>
            <label className="check">
              <input
                type="radio"
                checked={draft.outcome === 'positive'}
                onChange={() => set({ outcome: 'positive' })}
                data-testid="check-positive"
              />{' '}
              {t('caseCheckPositive')}
            </label>
            <label className="check">
              <input
                type="radio"
                checked={draft.outcome === 'negative'}
                onChange={() => set({ outcome: 'negative' })}
                data-testid="check-negative"
              />{' '}
              {t('caseCheckNegative')}
            </label>
          </fieldset>
          <label className="field">
            <span>{t('caseCheckedOn')}</span>
            <DateInput value={draft.checkedOn} onChange={(value) => set({ checkedOn: value })} />
          </label>
        </>
      )}
      {action === 'suspend_information' && (
        <label className="field">
          <span>{t('caseDays')}</span>
          <input inputMode="numeric" value={draft.days} onChange={(e) => set({ days: e.target.value })} />
        </label>
      )}
      {action === 'resume' && (
        <>
          <label className="field">
            <span>{t('caseObservationsOn')}</span>
            <DateInput
              value={draft.observationsOn}
              onChange={(value) => set({ observationsOn: value })}
              data-testid="action-observations"
            />
          </label>
          <label className="field">
            <span>{t('caseNoticeReceivedOn')}</span>
            <DateInput
              value={draft.noticeReceivedOn}
              onChange={(value) => set({ noticeReceivedOn: value })}
            />
          </label>
        </>
      )}
      {action !== 'take_in_charge' && action !== 'close' && (
        <label className="field">
          <span>
            {reasonLabel}
            {actionNeedsReason(action) || action === 'visit' ? ' *' : ''}
          </span>
          <textarea
            autoFocus={action !== 'assign' && action !== 'police_check'}
            rows={2}
            value={draft.reason}
            onChange={(e) => set({ reason: e.target.value })}
            data-testid="action-reason"
          />
        </label>
      )}
      {(action === 'suspend_information' || action === 'suspend_refusal') && (
        <label className="field">
          <span>{t('caseReference')}</span>
          <input value={draft.reference} onChange={(e) => set({ reference: e.target.value })} />
        </label>
      )}
      {error && (
        <div className="alert alert-error" role="alert" data-testid="case-action-error">
          {error.message}
        </div>
      )}
      <div className="form-buttons">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy}
          autoFocus={action === 'take_in_charge' || action === 'close'}
          data-testid="action-confirm"
        >
          {t('caseConfirm')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
