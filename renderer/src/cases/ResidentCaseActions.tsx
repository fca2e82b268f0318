import { useEffect, useState } from 'react';
import type { ResidentDetail } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import type { DeskTask } from '../../../shared/visits/booked-task';
import { api } from '../api/client';
import { useStartTask } from '../hooks/useStartTask';
import { useT } from '../i18n/useT';
import { GenericCaseForm } from './GenericCaseForm';
import { ResidenceIntakeForm } from './ResidenceIntakeForm';

/** Case actions on an open resident (e.g. change of residence intake), shown in the record's header. */
export function ResidentCaseActions(props: {
  resident: ResidentDetail;
  onError: (e: ErrorData) => void;
  /** a called change-of-residence booking opens the intake for this person at once */
  startTask?: DeskTask;
}) {
  const { t } = useT();
  const { resident, onError } = props;
  const [form, setForm] = useState<'residence' | 'other' | null>(null);
  useStartTask(resident.status === 'resident' ? props.startTask : undefined, 'residence_intake', () =>
    setForm('residence'),
  );
  const [openCases, setOpenCases] = useState<number | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void api.cases.forResident({ residentId: resident.id }).then((res) => {
      if (res.ok) setOpenCases(res.value.filter((c) => c.concludedOn === null).length);
    });
  }, [resident.id, version]);

  useEffect(() => {
    // Alt+R ("Residenza"): the change of residence from the resident's page, without the mouse
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.shiftKey || e.ctrlKey || e.metaKey || e.key.toLowerCase() !== 'r') return;
      if (resident.status !== 'resident') return;
      e.preventDefault();
      setForm('residence');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [resident.status]);

  if (resident.status !== 'resident') return null;
  const close = () => {
    setForm(null);
    setVersion((v) => v + 1);
  };
  return (
    <>
      {openCases !== null && openCases > 0 && (
        <span className="badge badge-case-registered" data-testid="resident-open-cases">
          {t('caseResidentCases')}: {openCases}
        </span>
      )}{' '}
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => setForm('residence')}
        data-testid="residence-intake-open"
      >
        {t('caseResidenceButton')}
      </button>{' '}
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => setForm('other')}
        data-testid="generic-case-open"
      >
        {t('caseOtherButton')}
      </button>{' '}
      {form === 'residence' && <ResidenceIntakeForm resident={resident} onClose={close} onError={onError} />}
      {form === 'other' && <GenericCaseForm resident={resident} onClose={close} onError={onError} />}
    </>
  );
}
