import { useEffect, useState } from 'react';
import type { SchoolEnrolmentView } from '../../../shared/school/school-views';
import type { ResidentSlotProps } from '../services/screen-service';
import { useT } from '../i18n/useT';
import { EnrolDone } from './EnrolDone';
import { EnrolForm, type EnrolCarry } from './EnrolForm';

/**
 * "Mensa e trasporto (Alt+M)" in the resident's header: the enrolment form with this person as
 * the pupil, payer and siblings from the household; after it, the next sibling with the same
 * school, payer and ISEE (the last choice is remembered).
 */
export function ResidentSchoolActions({ resident, onError }: ResidentSlotProps) {
  const { t } = useT();
  const [childId, setChildId] = useState<string | null>(null);
  const [carry, setCarry] = useState<EnrolCarry | null>(null);
  const [done, setDone] = useState<{ enrolment: SchoolEnrolmentView; childId: string } | null>(null);

  useEffect(() => {
    // Alt+M ("mensa"): F3 to F6 are taken on the resident's page, Alt+S is the canone's
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.key.toLowerCase() !== 'm') return;
      e.preventDefault();
      setDone(null);
      setCarry(null);
      setChildId(resident.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [resident.id]);

  return (
    <>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => {
          setCarry(null);
          setChildId(resident.id);
        }}
        data-testid="school-open"
      >
        {t('school.actionButton')} (Alt+M)
      </button>{' '}
      {childId && (
        <EnrolForm
          key={childId}
          childId={childId}
          carry={carry}
          onClose={() => setChildId(null)}
          onEnrolled={(enrolment, next) => {
            setCarry(next);
            setDone({ enrolment, childId });
            setChildId(null);
          }}
          onError={onError}
        />
      )}
      {done && (
        <EnrolDone
          enrolment={done.enrolment}
          childId={done.childId}
          onNext={(id) => {
            setDone(null);
            setChildId(id);
          }}
          onClose={() => setDone(null)}
        />
      )}
    </>
  );
}
