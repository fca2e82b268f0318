import { useEffect, useState } from 'react';
import type { SchoolEnrolmentView } from '../../../shared/school/school-views';
import type { ResidentSlotProps } from '../services/screen-service';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { EnrolDone } from './EnrolDone';
import { EnrolForm, type EnrolCarry } from './EnrolForm';
import { openFamilyAccount } from './open-family-account';

/**
 * "Mensa e trasporto (Alt+M)" in the resident's header: the enrolment form with this person as
 * the pupil, payer and siblings from the household; after it, the next sibling with the same
 * school, payer and ISEE (the last choice is remembered). For a pupil or a payer with an
 * enrolment, "Conto mensa e trasporto (Alt+C)" opens the family's account (F5) with the pupil's enrolment
 * chosen: absence (Alt+A), new ISEE (Alt+I), withdrawal (Alt+R) from there.
 */
export function ResidentSchoolActions({ resident, onError }: ResidentSlotProps) {
  const { t } = useT();
  const [childId, setChildId] = useState<string | null>(null);
  const [carry, setCarry] = useState<EnrolCarry | null>(null);
  const [done, setDone] = useState<{ enrolment: SchoolEnrolmentView; childId: string } | null>(null);

  // the school account this person belongs to: as a pupil, else as a payer
  const [account, setAccount] = useState<{ payerCf: string; enrolmentId: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    void api.school.list({ by: 'child', residentId: resident.id }).then(async (res) => {
      const own = res.ok ? (res.value.find((e) => e.status !== 'withdrawn') ?? res.value[0]) : undefined;
      if (own) return live && setAccount({ payerCf: own.payer.codiceFiscale, enrolmentId: own.id });
      const paid = await api.school.list({ by: 'payer', codiceFiscale: resident.codiceFiscale, limit: 1 });
      if (live && paid.ok && paid.value[0])
        setAccount({ payerCf: resident.codiceFiscale, enrolmentId: null });
    });
    return () => {
      live = false;
    };
    // again after an enrolment made here
  }, [resident.id, resident.codiceFiscale, done]);

  useEffect(() => {
    // Alt+M ("mensa"), Alt+C ("conto"): F3 to F6 are taken on the resident's page, Alt+S is the canone's
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key.toLowerCase();
      if (k === 'c' && account) {
        e.preventDefault();
        openFamilyAccount(account.payerCf, account.enrolmentId);
        return;
      }
      if (k !== 'm') return;
      e.preventDefault();
      setDone(null);
      setCarry(null);
      setChildId(resident.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [resident.id, account]);

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
      {account && (
        <>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => openFamilyAccount(account.payerCf, account.enrolmentId)}
            data-testid="school-open-account"
          >
            {t('school.openAccount')}
          </button>{' '}
        </>
      )}
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
