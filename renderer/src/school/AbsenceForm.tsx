import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { SchoolEnrolmentView } from '../../../shared/school/school-views';
import { api } from '../api/client';
import { OVERLAY } from '../canone/CanoneForm';
import { useT } from '../i18n/useT';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { DateInput } from '../components/DateInput';

/**
 * A canteen day the family called in absent, at the counter: the child (the payer's canteen
 * enrolments, the one chosen in the account first) and the day, today unless typed. Enter marks
 * it; a day with no school or outside the enrolment is refused by the desk with its reason, shown
 * here, and nothing is stored. Esc closes.
 */
export function AbsenceForm(props: {
  enrolments: readonly SchoolEnrolmentView[];
  enrolmentId: string | null;
  today: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useT();
  useReturnFocus();
  const canteen = props.enrolments.filter((e) => e.service === 'mensa' && e.status !== 'withdrawn');
  const [enrolmentId, setEnrolmentId] = useState(
    canteen.find((e) => e.id === props.enrolmentId)?.id ?? canteen[0]?.id ?? '',
  );
  const [day, setDay] = useState(props.today);
  const [error, setError] = useState<ErrorData | null>(null);
  const busy = useRef(false);
  const dayRef = useRef<HTMLInputElement>(null);
  useEffect(() => dayRef.current?.focus(), []);

  const save = () => {
    const chosen = canteen.find((e) => e.id === enrolmentId);
    if (!chosen || day === '' || busy.current) return;
    busy.current = true;
    void api.school.absence({ enrolmentId, day }).then((res) => {
      busy.current = false;
      if (!res.ok) return setError(res.error);
      props.onDone(t('school.absences.saved', { child: chosen.childLabel, day: formatDate(day) }));
    });
  };
  const onKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      save();
    }
  };
  return (
    <div
      className="card"
      style={OVERLAY}
      role="dialog"
      aria-modal="true"
      aria-labelledby="school-absence-title"
      onKeyDown={onKeys}
      data-testid="school-absence-form"
    >
      <h2 id="school-absence-title">{t('school.absence.title')}</h2>
      {canteen.length === 0 && <p className="muted">{t('school.absence.noCanteen')}</p>}
      {canteen.length > 0 && (
        <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
          <label className="field" style={{ flex: '1 1 18rem' }}>
            <span>{t('school.absence.child')}</span>
            <select
              value={enrolmentId}
              onChange={(e) => {
                setEnrolmentId(e.target.value);
                setError(null);
              }}
              data-testid="school-absence-child"
            >
              {canteen.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.childLabel} – {e.school.className} {e.school.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field" style={{ flex: '0 1 11rem' }}>
            <span>{t('school.absence.day')}</span>
            <DateInput
              ref={dayRef}
              value={day}
              onChange={(value) => {
                setDay(value);
                setError(null);
              }}
              data-testid="school-absence-day"
            />
          </label>
        </div>
      )}
      <p className="muted small">{t('school.absence.help')}</p>
      {error && (
        <div
          className="alert alert-error"
          role="alert"
          data-testid="school-absence-error"
          data-code={error.code}
        >
          {error.message}
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={canteen.length === 0 || day === ''}
          onClick={save}
          data-testid="school-absence-save"
        >
          {t('school.absence.save')}
        </button>{' '}
        <button type="button" className="btn btn-ghost" onClick={props.onClose}>
          {t('school.cancel')}
        </button>
      </div>
    </div>
  );
}
