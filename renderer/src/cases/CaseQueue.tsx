import { useStaffNames } from '../admin/useStaffNames';
import { useCallback, useState, type KeyboardEvent } from 'react';
import { can } from '../../../shared/auth/policy';
import { CASE_STATUS_LABELS, CASE_STATUSES } from '../../../shared/cases/case-model';
import type { AssignableClerk } from '../../../shared/cases/case-wire';
import { QUEUE_SORTS } from '../../../shared/contract/case-inputs';
import type { ProcedureView, QueueItem } from '../../../shared/contract/case-views';
import type { SessionInfo } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { api } from '../api/client';
import { moveSelection } from '../commands/commands';
import { useT, type T } from '../i18n/useT';
import { useQueueWindow, type QueueFilter } from './useQueueWindow';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 48;
const LIST_HEIGHT = 560;

export function DueBadge({ item, t }: { item: Pick<QueueItem, 'daysRemaining' | 'colour'>; t: T }) {
  const text =
    item.daysRemaining < 0
      ? t('caseOverdueDays', { days: -item.daysRemaining })
      : item.daysRemaining === 0
        ? t('caseDueToday')
        : t('caseDaysLeft', { days: item.daysRemaining });
  return (
    <span className={`due due-${item.colour}`} data-colour={item.colour}>
      {text}
    </span>
  );
}

const DEFAULT_FILTER: QueueFilter = { scope: 'open', sort: 'due', dir: 'asc' };

/** The supervisor's queue: filters, a virtualised list, keyboard selection and bulk assignment. */
export function CaseQueue(props: {
  session: SessionInfo;
  procedures: ProcedureView[];
  clerks: AssignableClerk[];
  openId: string | null;
  /** bumped after this clerk's own actions */
  version: number;
  /** changes when synced data (other counters' work, the hub's answers) may have arrived */
  syncMark: string;
  onOpen: (id: string) => void;
  onChanged: () => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  const nameOf = useStaffNames();
  const { onError, onOpen, onChanged } = props;
  const [filter, setFilter] = useState<QueueFilter>(DEFAULT_FILTER);
  const { total, rowAt, ensure } = useQueueWindow(filter, `${props.version}#${props.syncMark}`, onError);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [assignee, setAssignee] = useState('');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const supervisor = can(props.session.clerk.role, 'cases.assign');
  const count = total ?? 0;
  const activeIndex = count === 0 ? -1 : Math.min(active, count - 1);

  const set = (patch: Partial<QueueFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setActive(0);
  };

  const toggle = (id: string) =>
    setSelected((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));

  const assign = useCallback(() => {
    if (!assignee || selected.length === 0) return;
    void api.cases.assign({ caseIds: selected, assignee, reason }).then((res) => {
      if (!res.ok) return onError(res.error);
      setNotice(t('caseAssigned', { count: res.value.assigned, who: nameOf(assignee) }));
      setSelected([]);
      setReason('');
      onChanged();
    });
  }, [assignee, selected, reason, onError, onChanged, t, nameOf]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const row = rowAt(activeIndex);
    if (e.key === 'Enter' && row) {
      onOpen(row.id);
      e.preventDefault();
      return;
    }
    if (e.key === ' ' && row && supervisor) {
      toggle(row.id);
      e.preventDefault();
      return;
    }
    if (e.altKey && e.key.toLowerCase() === 'a' && supervisor) {
      assign();
      e.preventDefault();
      return;
    }
    const next = moveSelection(activeIndex, e.key, count);
    if (next !== activeIndex) {
      setActive(next);
      e.preventDefault();
    }
  };

  const offices = [...new Map(props.procedures.map((p) => [p.office.code, p.office])).values()];
  const procedureTitle = (code: string) =>
    props.procedures.find((p) => p.code === code)?.title[locale] ?? code;

  const renderRow = (index: number) => {
    const item = rowAt(index);
    if (!item) return <div className="queue-row loading">…</div>;
    const isSelected = selected.includes(item.id);
    return (
      <div
        className={`queue-row${index === activeIndex ? ' active' : ''}${item.id === props.openId ? ' open' : ''}`}
        role="option"
        aria-selected={index === activeIndex}
        data-testid="queue-row"
        data-id={item.id}
        data-status={item.status}
        onClick={() => {
          setActive(index);
          onOpen(item.id);
        }}
      >
        {supervisor && (
          <input
            type="checkbox"
            tabIndex={-1}
            checked={isSelected}
            aria-label={t('caseSelected', { count: 1 })}
            onChange={() => toggle(item.id)}
            onClick={(e) => e.stopPropagation()}
          />
        )}
        <span className={`dot dot-${item.concludedOn ? 'done' : item.colour}`} aria-hidden />
        <span className="q-main">
          <span className="q-line">
            <span className="q-protocol mono">
              {item.protocol ?? <em className="awaiting">{t('caseAwaitingProtocol')}</em>}
            </span>{' '}
            <span className="q-subject" title={item.subject}>
              {item.subject}
            </span>
          </span>
          <span className="q-line muted small">
            {procedureTitle(item.procedureCode)} ·{' '}
            {item.assignee ? nameOf(item.assignee) : t('caseAssigneeNone')}
          </span>
        </span>
        <span className={`badge badge-case-${item.status}`}>{CASE_STATUS_LABELS[item.status][locale]}</span>
        <span className="q-due">
          <span className="small">{formatDate(item.dueDate)}</span>
          {item.concludedOn ? (
            <span className="small muted">
              {t('caseConcludedOn', { date: formatDate(item.concludedOn) })}
            </span>
          ) : (
            <DueBadge item={item} t={t} />
          )}
        </span>
      </div>
    );
  };

  return (
    <div className={`queue${supervisor ? ' sup' : ''}`} onKeyDown={onKeyDown}>
      <div className="queue-filters">
        <label className="field">
          <span>{t('caseFilterScope')}</span>
          <select
            value={filter.scope}
            onChange={(e) => set({ scope: e.target.value as QueueFilter['scope'] })}
            data-testid="filter-scope"
          >
            <option value="open">{t('caseScopeOpen')}</option>
            <option value="concluded">{t('caseScopeConcluded')}</option>
            <option value="all">{t('caseScopeAll')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('caseFilterOffice')}</span>
          <select value={filter.office ?? ''} onChange={(e) => set({ office: e.target.value || undefined })}>
            <option value="">{t('caseAny')}</option>
            {offices.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name[locale]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('caseFilterProcedure')}</span>
          <select
            value={filter.procedure ?? ''}
            onChange={(e) => set({ procedure: e.target.value || undefined })}
            data-testid="filter-procedure"
          >
            <option value="">{t('caseAny')}</option>
            {props.procedures.map((p) => (
              <option key={p.code} value={p.code}>
                {p.title[locale]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('caseFilterStatus')}</span>
          <select
            value={filter.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || undefined) as QueueFilter['status'] })}
            data-testid="filter-status"
          >
            <option value="">{t('caseAny')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CASE_STATUS_LABELS[s][locale]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('caseFilterAssignee')}</span>
          <select
            value={filter.assignee ?? ''}
            onChange={(e) => set({ assignee: e.target.value || undefined })}
            data-testid="filter-assignee"
          >
            <option value="">{t('caseAny')}</option>
            <option value="me">{t('caseAssigneeMe')}</option>
            <option value="none">{t('caseAssigneeNone')}</option>
            {props.clerks.map((c) => (
              <option key={c.username} value={c.username}>
                {c.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('caseFilterColour')}</span>
          <select
            value={filter.colour ?? ''}
            onChange={(e) => set({ colour: (e.target.value || undefined) as QueueFilter['colour'] })}
            data-testid="filter-colour"
          >
            <option value="">{t('caseAny')}</option>
            <option value="green">{t('caseColour_green')}</option>
            <option value="amber">{t('caseColour_amber')}</option>
            <option value="red">{t('caseColour_red')}</option>
          </select>
        </label>
        <label className="field field-grow">
          <span>{t('caseFilterText')}</span>
          <input
            value={filter.text ?? ''}
            onChange={(e) => set({ text: e.target.value || undefined })}
            data-testid="filter-text"
          />
        </label>
        <label className="field">
          <span>{t('caseFilterSort')}</span>
          <select value={filter.sort} onChange={(e) => set({ sort: e.target.value as QueueFilter['sort'] })}>
            {QUEUE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`caseSort_${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check queue-desc">
          <input
            type="checkbox"
            checked={filter.dir === 'desc'}
            onChange={(e) => set({ dir: e.target.checked ? 'desc' : 'asc' })}
          />{' '}
          {t('caseSortDesc')}
        </label>
      </div>
      <div className="queue-bar">
        <span className="strong" data-testid="queue-count">
          {total === null ? t('loading') : count === 1 ? t('caseQueueOne') : t('caseQueueCount', { count })}
        </span>
        {supervisor && selected.length > 0 && (
          <span className="queue-assign">
            <span>{t('caseSelected', { count: selected.length })}</span>
            <select
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
              aria-label={t('caseAssignTo')}
              data-testid="bulk-assignee"
            >
              <option value="">{t('caseAssignTo')}…</option>
              {props.clerks.map((c) => (
                <option key={c.username} value={c.username}>
                  {c.displayName}
                </option>
              ))}
            </select>
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('caseAssignReason')}
              aria-label={t('caseAssignReason')}
            />
            <button
              type="button"
              className="btn btn-primary"
              disabled={!assignee}
              onClick={assign}
              data-testid="bulk-assign"
            >
              {t('caseAssignButton', { count: selected.length })}
            </button>
          </span>
        )}
        {notice && <span className="muted small">{notice}</span>}
      </div>
      <div className="queue-head" aria-hidden>
        {supervisor && <span />}
        <span />
        <span>
          {t('caseColProtocol')} · {t('caseColSubject')}
        </span>
        <span>{t('caseColStatus')}</span>
        <span>{t('caseColDue')}</span>
      </div>
      {total === 0 ? (
        <p className="muted">{t('caseQueueEmpty')}</p>
      ) : (
        <div tabIndex={0} className="queue-focus" data-testid="queue-list" autoFocus>
          <VirtualList
            count={count}
            rowHeight={ROW_HEIGHT}
            height={LIST_HEIGHT}
            activeIndex={activeIndex}
            renderRow={renderRow}
            onRange={ensure}
            label={t('casesTabQueue')}
          />
        </div>
      )}
    </div>
  );
}
