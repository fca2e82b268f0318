import { useEffect, useState } from 'react';
import type { ResidentSlotProps } from '../services/screen-service';
import { useT } from '../i18n/useT';
import { ApplicationDetail } from './ApplicationDetail';
import { CanoneForm } from './CanoneForm';

/**
 * "Suolo pubblico (Alt+S)" in the resident's header: the application form with this person as
 * applicant, the cursor on the street.
 */
export function ResidentCanoneActions({ resident, onError }: ResidentSlotProps) {
  const { t } = useT();
  const [formOpen, setFormOpen] = useState(false);
  const [filed, setFiled] = useState<string | null>(null);

  useEffect(() => {
    // Alt+S ("suolo"): F3 to F6 are taken on the resident's page (permits, certificates, declarations)
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      setFormOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => setFormOpen(true)}
        data-testid="canone-open"
      >
        {t('canone.actionButton')} (Alt+S)
      </button>{' '}
      {formOpen && (
        <CanoneForm
          resident={{ id: resident.id, name: `${resident.surname} ${resident.givenNames}` }}
          onClose={() => setFormOpen(false)}
          onFiled={(a) => {
            setFormOpen(false);
            setFiled(a.id);
          }}
          onError={onError}
        />
      )}
      {filed && (
        <ApplicationDetail
          applicationId={filed}
          filed
          syncMark=""
          onClose={() => setFiled(null)}
          onError={onError}
        />
      )}
    </>
  );
}
