import { useEffect, useState } from 'react';
import type { ResidentSlotProps } from '../services/screen-service';
import { useT } from '../i18n/useT';
import { ApplicationForm } from './ApplicationForm';
import { ContributoDetail } from './ContributoDetail';
import { SadDetail } from './SadDetail';

type Kind = 'contributo' | 'sad';

/**
 * "Contributo economico (Alt+O)" and "Assistenza domiciliare (Alt+D)" in the resident's header,
 * for the social office only (screens.tsx): the application with this person as beneficiary.
 */
export function ResidentSocialActions({ resident, session, onError }: ResidentSlotProps) {
  const { t } = useT();
  const [form, setForm] = useState<Kind | null>(null);
  const [filed, setFiled] = useState<{ kind: Kind; id: string } | null>(null);

  useEffect(() => {
    // Alt+O ("contributO"), Alt+D ("Domiciliare"): F3 to F6 and Alt+S are taken on this page
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key.toLowerCase();
      if (k !== 'o' && k !== 'd') return;
      e.preventDefault();
      setForm(k === 'o' ? 'contributo' : 'sad');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const name = `${resident.surname} ${resident.givenNames}`;
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => setForm('contributo')}
        data-testid="social-open-contributo"
      >
        {t('social.new.contributo')}
      </button>{' '}
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => setForm('sad')}
        data-testid="social-open-sad"
      >
        {t('social.new.sad')}
      </button>{' '}
      {form && (
        <ApplicationForm
          kind={form}
          beneficiary={{ id: resident.id, name }}
          onClose={() => setForm(null)}
          onFiled={(id) => {
            setFiled({ kind: form, id });
            setForm(null);
          }}
          onError={onError}
        />
      )}
      {filed?.kind === 'contributo' && (
        <ContributoDetail id={filed.id} syncMark="" onClose={() => setFiled(null)} onError={onError} />
      )}
      {filed?.kind === 'sad' && (
        <SadDetail
          id={filed.id}
          session={session}
          syncMark=""
          onClose={() => setFiled(null)}
          onError={onError}
        />
      )}
    </>
  );
}
