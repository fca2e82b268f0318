import { useState } from 'react';
import type { ResidentSlotProps } from '../services/screen-service';
import { useT } from '../i18n/useT';
import { ApplicationDetail } from './ApplicationDetail';
import { CanoneForm } from './CanoneForm';

/** "Suolo pubblico" in the resident's header: the application form with this person as applicant. */
export function ResidentCanoneActions({ resident, onError }: ResidentSlotProps) {
  const { t } = useT();
  const [formOpen, setFormOpen] = useState(false);
  const [filed, setFiled] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => setFormOpen(true)}
        data-testid="canone-open"
      >
        {t('canone.actionButton')}
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
