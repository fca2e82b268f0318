import { useStaffNames } from '../admin/useStaffNames';
import { useEffect, useState, type ChangeEvent } from 'react';
import { CASE_EVENT_LABELS, CASE_STATUS_LABELS, type CaseEventType } from '../../../shared/cases/case-model';
import type { NoteKind, TimelineEntry } from '../../../shared/cases/case-record';
import type { AssignableClerk } from '../../../shared/cases/case-wire';
import type { CaseAction, CaseDetail } from '../../../shared/contract/case-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate, RELATIONSHIP_LABELS } from '../../../shared/i18n/registry-labels';
import { api } from '../api/client';
import { openBase64 } from '../documents/pdf-blob';
import { useT, type T } from '../i18n/useT';
import { CaseActionForm } from './CaseActionForm';
import { DueBadge } from './CaseQueue';

const dateTime = (value: string): string => `${formatDate(value.slice(0, 10))} ${value.slice(11, 16)}`;

function timelineLabel(e: TimelineEntry, t: T, locale: 'it' | 'en'): string {
  if (e.type in CASE_EVENT_LABELS) return CASE_EVENT_LABELS[e.type as CaseEventType][locale];
  return t(
    `caseEvent_${e.type as 'create' | 'assign' | 'police_check' | 'visit' | 'note' | 'attachment' | 'registry'}`,
  );
}

/** One case: deadline, the actions this person may take now, residence data, history, notes, files. */
export function CaseDetailPanel(props: {
  id: string;
  version: number;
  /** changes when synced data may have arrived (see CasesScreen) */
  syncMark: string;
  clerks: AssignableClerk[];
  onChanged: () => void;
  onOpenResident: (id: string) => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  const nameOf = useStaffNames();
  const { id, version, syncMark, onError } = props;
  const [loaded, setLoaded] = useState<{ key: string; detail: CaseDetail } | null>(null);
  const [action, setAction] = useState<CaseAction | null>(null);
  const [noteKind, setNoteKind] = useState<NoteKind>('internal');
  const [noteText, setNoteText] = useState('');
  const [localError, setLocalError] = useState<ErrorData | null>(null);
  const key = `${id}#${version}`;

  useEffect(() => {
    let stale = false;
    void api.cases.get({ id, refresh: false }).then((res) => {
      if (stale) return;
      if (!res.ok) return onError(res.error);
      setLoaded({ key: `${id}#${version}`, detail: res.value });
    });
    return () => {
      stale = true;
    };
  }, [id, version, onError]);

  const detail = loaded && loaded.key.startsWith(`${id}#`) ? loaded.detail : null;

  // Look again after each sync (a local read, not audited again): the hub's answer to this
  // counter's change may come a round after the change was acknowledged (the act's number after
  // an approval), and another counter may act on the case meanwhile.
  useEffect(() => {
    let stale = false;
    void api.cases.get({ id, refresh: true }).then((res) => {
      if (stale || !res.ok) return;
      setLoaded((prev) => (prev && prev.key.startsWith(`${id}#`) ? { ...prev, detail: res.value } : prev));
    });
    return () => {
      stale = true;
    };
  }, [id, syncMark]);
  if (!detail) return <p className="muted">{t('loading')}</p>;
  const showNew = (next: CaseDetail) => setLoaded({ key, detail: next });

  const addNote = () => {
    if (noteText.trim() === '') return;
    void api.cases.note({ caseId: detail.id, kind: noteKind, text: noteText }).then((res) => {
      if (!res.ok) return setLocalError(res.error);
      setNoteText('');
      setLocalError(null);
      showNew(res.value);
    });
  };

  const attach = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const data = String(reader.result);
      const base64 = data.slice(data.indexOf(',') + 1);
      void api.cases
        .attach({
          caseId: detail.id,
          fileName: file.name,
          mediaType: file.type || 'application/octet-stream',
          contentBase64: base64,
        })
        .then((res) => {
          if (!res.ok) return setLocalError(res.error);
          setLocalError(null);
          showNew(res.value);
        });
    };
    reader.readAsDataURL(file);
  };

  const openFile = (attachmentId: string) =>
    void api.cases.attachment({ caseId: detail.id, attachmentId }).then((res) => {
      if (!res.ok) return setLocalError(res.error);
      openBase64(res.value.contentBase64, res.value.mediaType);
    });

  const d = detail.deadline;
  const r = detail.residence;
  const fourEyesBlocked =
    detail.status === 'proposed_outcome' &&
    detail.procedure.needsSecondApproval &&
    !detail.allowed.includes('approve') &&
    !detail.allowed.includes('reject');
  return (
    <section
      className="case-detail"
      aria-labelledby="case-title"
      data-testid="case-detail"
      data-status={detail.status}
    >
      <div className="case-head">
        <h2 id="case-title">{detail.subject}</h2>
        <span className={`badge badge-case-${detail.status}`} data-testid="case-status">
          {CASE_STATUS_LABELS[detail.status][locale]}
        </span>
      </div>
      <p className="case-protocol">
        {detail.protocol ? (
          <span className="mono strong" data-testid="case-protocol">
            Prot. {detail.protocol}
          </span>
        ) : (
          <em className="awaiting" data-testid="case-protocol">
            {t('caseAwaitingProtocol')}
          </em>
        )}{' '}
        · {detail.procedure.title[locale]} · {detail.procedure.office.name[locale]}
      </p>
      {detail.pendingSync > 0 && (
        <p className="muted small" data-testid="case-pending">
          {t('casePendingSync', { count: detail.pendingSync })}
        </p>
      )}
      <dl className="case-facts">
        <div className="kv">
          <dt>{t('caseApplicant')}</dt>
          <dd>
            {detail.applicantName}{' '}
            {detail.applicantId && (
              <button
                type="button"
                className="btn btn-link"
                onClick={() => props.onOpenResident(detail.applicantId ?? '')}
              >
                {t('caseOpenResident')}
              </button>
            )}
          </dd>
        </div>
        <div className="kv">
          <dt>{detail.receivedOn ? t('caseReceivedOn') : t('caseDeclaredOn')}</dt>
          <dd>{formatDate(d.legalStart)}</dd>
        </div>
        <div className="kv">
          <dt>{t('caseDueDate')}</dt>
          <dd data-testid="case-due">
            {formatDate(d.dueDate)} ({t('caseTerm', { days: d.termDays })}
            {d.suspendedDays > 0 ? `, ${t('caseSuspendedDays', { days: d.suspendedDays })}` : ''}){' '}
            {!d.concluded && <DueBadge item={{ daysRemaining: d.daysRemaining, colour: d.colour }} t={t} />}
          </dd>
        </div>
        <div className="kv">
          <dt>{t('caseAssignee')}</dt>
          <dd data-testid="case-assignee">{detail.assignee ? nameOf(detail.assignee) : t('caseNobody')}</dd>
        </div>
        {detail.proposal && !detail.outcome && (
          <div className="kv">
            <dt>{t('caseOutcome')}</dt>
            <dd>
              {t('caseProposal', {
                outcome: t(
                  detail.proposal.outcome === 'approve' ? 'caseAction_approve' : 'caseAction_reject',
                ),
                who: detail.proposal.by,
                reason: detail.proposal.reason,
              })}
            </dd>
          </div>
        )}
        {detail.outcome && (
          <div className="kv">
            <dt>{t('caseOutcome')}</dt>
            <dd data-testid="case-outcome">
              {detail.outcome.kind === 'silence_assent'
                ? t('caseSilenceFormed', { date: formatDate(detail.outcome.formedOn ?? '') })
                : `${CASE_STATUS_LABELS[detail.outcome.kind][locale]} · ${detail.outcome.by ?? ''}`}
              {detail.outcome.finalAct &&
                ` · ${t('caseFinalAct')} ${detail.outcome.finalAct.number} (${formatDate(detail.outcome.finalAct.date)})`}
            </dd>
          </div>
        )}
      </dl>
      {!detail.protocol && <p className="muted small">{t('caseProvisional')}</p>}
      {d.escalate && <p className="alert alert-warning">{t('caseEscalate')}</p>}
      {fourEyesBlocked && <p className="alert alert-warning">{t('caseNeedsSecondApproval')}</p>}

      {detail.allowed.length > 0 && (
        <div className="case-actions" role="group" aria-label={t('caseActions')}>
          {detail.allowed.map((a) => (
            <button
              key={a}
              type="button"
              className={`btn ${a === 'approve' || a === 'take_in_charge' ? 'btn-primary' : 'btn-ghost'}`}
              onClick={() => setAction(a)}
              data-testid={`action-${a}`}
            >
              {t(`caseAction_${a}`)}
            </button>
          ))}
        </div>
      )}
      {action && (
        <CaseActionForm
          key={action}
          detail={detail}
          action={action}
          clerks={props.clerks}
          onCancel={() => setAction(null)}
          onError={onError}
          onDone={(next) => {
            setAction(null);
            if (next) showNew(next);
            props.onChanged();
          }}
        />
      )}

      {r && (
        <div className="card case-residence" data-testid="case-residence">
          <h3>{t('caseResidence')}</h3>
          <dl>
            <div className="kv">
              <dt>{t('caseDeclaredOn')}</dt>
              <dd>{formatDate(r.declarationDate)}</dd>
            </div>
            <div className="kv">
              <dt>{t('caseNewAddress')}</dt>
              <dd data-testid="case-new-address">{r.address}</dd>
            </div>
            <div className="kv">
              <dt>{t('caseOrigin')}</dt>
              <dd>{t(`caseOrigin_${r.origin.kind}`, { from: r.origin.from ?? '' })}</dd>
            </div>
            <div className="kv">
              <dt>{t('caseOccupation')}</dt>
              <dd>
                {r.occupation ? t(`caseOccupation_${r.occupation.kind}`) : '—'}
                {r.occupation?.detail ? ` · ${r.occupation.detail}` : ''}
              </dd>
            </div>
            <div className="kv">
              <dt>{t('caseHousehold')}</dt>
              <dd>
                {r.household.kind === 'new'
                  ? t('caseHouseholdNew')
                  : t('caseHouseholdJoin', { id: r.household.familyId })}
              </dd>
            </div>
            <div className="kv">
              <dt>{t('caseMovers')}</dt>
              <dd>
                {r.movers.map((m) => (
                  <div key={m.key}>
                    {m.name}
                    {m.relationship ? ` · ${RELATIONSHIP_LABELS[m.relationship][locale]}` : ''}
                  </div>
                ))}
              </dd>
            </div>
            {r.drivingLicences.length > 0 && (
              <div className="kv">
                <dt>{t('caseLicences')}</dt>
                <dd>{r.drivingLicences.map((l) => `${l.name}: ${l.number}`).join('; ')}</dd>
              </div>
            )}
            {r.vehiclePlates.length > 0 && (
              <div className="kv">
                <dt>{t('casePlates')}</dt>
                <dd>{r.vehiclePlates.map((v) => `${v.name}: ${v.plate}`).join('; ')}</dd>
              </div>
            )}
            <div className="kv">
              <dt>{t('caseRegistrationDue')}</dt>
              <dd>{formatDate(r.schedule.registrationDue)}</dd>
            </div>
            <div className="kv">
              <dt>{t('caseCheckDue')}</dt>
              <dd>{formatDate(r.schedule.checkDue)}</dd>
            </div>
            <div className="kv">
              <dt>{t('caseSilenceFrom')}</dt>
              <dd>{formatDate(r.schedule.silenceAssentFrom)}</dd>
            </div>
          </dl>
          <p className="small" data-testid="case-registry">
            {r.registryRestored
              ? t('caseRegistryRestored')
              : r.registryApplied
                ? t('caseRegistryApplied', { date: formatDate(r.schedule.effectiveFrom) })
                : t('caseRegistryPending')}
          </p>
          {r.policeCheck && (
            <p className="small" data-testid="case-police-check">
              {t('casePoliceCheck', {
                outcome: t(r.policeCheck.outcome === 'positive' ? 'caseCheckPositive' : 'caseCheckNegative'),
                date: formatDate(r.policeCheck.checkedOn),
              })}
              {r.policeCheck.notes ? ` — ${r.policeCheck.notes}` : ''}
            </p>
          )}
        </div>
      )}

      <div className="case-columns">
        <div className="card">
          <h3>{t('caseTimeline')}</h3>
          <ol className="timeline" data-testid="case-timeline">
            {detail.timeline.map((e) => (
              <li key={e.id}>
                <span className="timeline-date">{dateTime(e.when)}</span>{' '}
                <span className="strong">{timelineLabel(e, t, locale)}</span>{' '}
                <span className="muted small">{nameOf(e.who)}</span>
                {e.why && <div className="small">{e.why}</div>}
              </li>
            ))}
          </ol>
          <p className="muted small">
            {t('caseCreatedBy', { who: nameOf(detail.createdBy), when: dateTime(detail.createdAt) })} ·{' '}
            {t('caseVisits')}: {detail.visits}
            {detail.counterSeconds !== null &&
              ` · ${t('caseCounterTime')}: ${t('caseMinutes', { minutes: Math.round(detail.counterSeconds / 60) })}`}
          </p>
        </div>
        <div className="card">
          <h3>{t('caseInternalNotes')}</h3>
          <ul className="notes" data-testid="internal-notes">
            {detail.internalNotes.length === 0 && <li className="muted">{t('caseNoNotes')}</li>}
            {detail.internalNotes.map((n) => (
              <li key={n.id}>
                <span className="muted small">
                  {dateTime(n.at)} · {n.author}
                </span>
                <div>{n.text}</div>
              </li>
            ))}
          </ul>
          <h3>{t('caseCitizenNotes')}</h3>
          <ul className="notes notes-citizen" data-testid="citizen-notes">
            {detail.citizenNotes.length === 0 && <li className="muted">{t('caseNoNotes')}</li>}
            {detail.citizenNotes.map((n) => (
              <li key={n.id}>
                <span className="muted small">
                  {dateTime(n.at)} · {n.author}
                </span>
                <div>{n.text}</div>
              </li>
            ))}
          </ul>
          <div className="note-form">
            <select
              value={noteKind}
              onChange={(e) => setNoteKind(e.target.value as NoteKind)}
              aria-label={t('caseNoteText')}
            >
              <option value="internal">{t('caseInternalNotes')}</option>
              <option value="citizen">{t('caseCitizenNotes')}</option>
            </select>
            <textarea
              rows={2}
              value={noteText}
              onChange={(e) => setNoteText(e.target.value)}
              aria-label={t('caseNoteText')}
              data-testid="note-text"
              onKeyDown={(e) => {
                if (e.key === 'Enter' && e.ctrlKey) {
                  addNote();
                  e.preventDefault();
                }
              }}
            />
            <button type="button" className="btn btn-ghost" onClick={addNote} data-testid="note-add">
              {t('caseAddNote')}
            </button>
          </div>
          <h3>{t('caseAttachments')}</h3>
          <ul className="notes" data-testid="attachments">
            {detail.attachments.length === 0 && <li className="muted">{t('caseNoAttachments')}</li>}
            {detail.attachments.map((a) => (
              <li key={a.id}>
                <button type="button" className="btn btn-link" onClick={() => openFile(a.id)}>
                  {a.fileName}
                </button>{' '}
                <span className="muted small mono" title={a.sha256}>
                  SHA-256 {a.sha256.slice(0, 12)}… · {Math.ceil(a.size / 1024)} kB
                </span>
              </li>
            ))}
          </ul>
          <label className="field">
            <span>{t('caseAttachFile')}</span>
            <input type="file" onChange={attach} data-testid="attach-file" />
          </label>
          {localError && (
            <div className="alert alert-error" role="alert">
              {localError.message}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
