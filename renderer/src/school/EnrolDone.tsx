import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SchoolHouseholdMember } from '../../../shared/school/school-calls';
import type { SchoolEnrolmentView } from '../../../shared/school/school-views';
import { api } from '../api/client';
import { euro } from '../cashdesk/money';
import { useT } from '../i18n/useT';
import { OVERLAY } from '../canone/CanoneForm';
import { useReturnFocus } from '../hooks/useReturnFocus';

/**
 * The enrolment just made: the band, the price and the sibling rank the counter computed (the
 * hub's record replaces them once synced). Enter enrols the next brother or sister of school age
 * not enrolled yet in the service (the focus is on that button); Esc closes.
 */
export function EnrolDone(props: {
  enrolment: SchoolEnrolmentView;
  /** null: a child entered by hand, no household to go on with */
  childId: string | null;
  onNext: (childId: string) => void;
  onClose: () => void;
}) {
  const { t, locale } = useT();
  useReturnFocus();
  const e = props.enrolment;
  /** undefined while the household is being read */
  const [next, setNext] = useState<SchoolHouseholdMember | null | undefined>(
    props.childId === null ? null : undefined,
  );
  const nextRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (props.childId === null) return;
    void api.school.household({ residentId: props.childId }).then((res) => {
      if (!res.ok) return;
      const candidate = res.value.siblings.find((s) => s.schoolAge && !s.enrolledIn.includes(e.service));
      setNext(candidate ?? null);
    });
    // once per enrolment
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [e.id]);

  // Enter goes on with the next sibling, or closes when there is none
  useEffect(() => {
    if (next !== undefined) (next ? nextRef.current : closeRef.current)?.focus();
  }, [next]);

  const onKeys = (ev: KeyboardEvent<HTMLElement>) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      ev.stopPropagation();
      props.onClose();
    }
  };
  const band = e.band;
  return (
    <div
      className="card issued"
      style={OVERLAY}
      role="dialog"
      aria-modal="true"
      aria-labelledby="school-done-title"
      onKeyDown={onKeys}
      data-testid="school-done"
      data-rank={e.siblingRank}
    >
      <h2 id="school-done-title" data-testid="school-done-title">
        {t('school.done.title', {
          child: e.childLabel,
          service: t(`school.service.${e.service}`),
          school: e.school.name,
          className: e.school.className,
        })}
      </h2>
      {band && (
        <p data-testid="school-done-band">
          {t('school.band')}: {band.label} –{' '}
          {band.exempt
            ? t('school.exempt')
            : t(band.unit === 'meal' ? 'school.price.meal' : 'school.price.month', {
                price: euro(band.unitPriceCents, locale),
              })}{' '}
          · {t('school.rank', { rank: e.siblingRank })}
        </p>
      )}
      {band?.warning && <p className="alert alert-warning">{band.warning}</p>}
      {e.status === 'pending' && <p className="muted small">{t('school.done.pending')}</p>}
      <div className="actions">
        {next && (
          <button
            type="button"
            className="btn btn-primary"
            ref={nextRef}
            onClick={() => props.onNext(next.residentId)}
            data-testid="school-next-sibling"
          >
            {t('school.done.next', { child: next.name })}
          </button>
        )}{' '}
        <button type="button" className="btn btn-ghost" ref={closeRef} onClick={props.onClose}>
          {t('school.done.close')}
        </button>
      </div>
    </div>
  );
}
