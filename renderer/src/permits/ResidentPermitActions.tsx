import { useEffect, useState } from 'react';
import type { ResidentSlotProps } from '../services/screen-service';
import { useStartTask } from '../hooks/useStartTask';
import { useT } from '../i18n/useT';
import { OPEN_PERMIT_FORM, type OpenPermitForm } from './permit-events';
import { PermitForm } from './PermitForm';

/** "Permesso (F3)" in the resident's header; F3 opens the form anywhere on the page. */
export function ResidentPermitActions({ resident, onError, startTask }: ResidentSlotProps) {
  const { t } = useT();
  const [open, setOpen] = useState<OpenPermitForm | null>(null);
  // a called permit booking: the form for this person, as F3 would
  useStartTask(startTask, 'permit', () => setOpen((o) => o ?? {}));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F3' || e.ctrlKey || e.altKey || e.metaKey) return;
      // F3 is the browser's "find next": the counter's key here
      e.preventDefault();
      setOpen((o) => o ?? {});
    };
    const onOpen = (e: Event) => setOpen((e as CustomEvent<OpenPermitForm>).detail ?? {});
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_PERMIT_FORM, onOpen);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_PERMIT_FORM, onOpen);
    };
  }, []);

  return (
    <>
      <button type="button" className="btn btn-ghost" onClick={() => setOpen({})} data-testid="permit-open">
        {t('permit.actionButton')} (F3)
      </button>{' '}
      {open && (
        <PermitForm
          key={open.renewsId ?? 'new'}
          resident={resident}
          renewsId={open.renewsId}
          onClose={() => setOpen(null)}
          onError={onError}
        />
      )}
    </>
  );
}
