import { useState } from 'react';
import { whatToBring } from '../../../shared/booking/what-to-bring';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { ResidentDetail } from '../../../shared/contract/views';
import { formatEuro } from '../../../shared/money/euro-format';
import { cents } from '../../../shared/money/cents';
import { CIE_STEPS, cieFeeCents, type CieStep } from '../../../shared/visits/cie-checklist';
import { useFormKeys } from '../hooks/useFormKeys';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { useT } from '../i18n/useT';

/**
 * The booked CIE's task at the desk: the card is issued in the ministry's own application, so
 * Sportello only keeps the clerk's checklist beside it, with what the citizen was told to bring.
 * Nothing is stored: the ticks live as long as the dialog. Space ticks (native checkboxes, Tab
 * between them), Esc closes and focus goes back where it was.
 */
export function CieChecklist(props: { resident: ResidentDetail; onClose: () => void }) {
  const { t, locale } = useT();
  const { resident, onClose } = props;
  const [done, setDone] = useState<ReadonlySet<CieStep>>(new Set());
  useReturnFocus();
  const onKeyDown = useFormKeys({ onCancel: onClose });
  const fee = cieFeeCents(romeDateOf(new Date()));
  const amount = fee === null ? t('visits.cie.feeUnknown') : formatEuro(cents(fee), locale);
  const bring = whatToBring('cie', locale);
  const toggle = (step: CieStep) =>
    setDone((s) => {
      const next = new Set(s);
      if (next.has(step)) next.delete(step);
      else next.add(step);
      return next;
    });

  return (
    <div className="modal-backdrop">
      <div
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cie-checklist-title"
        aria-describedby="cie-checklist-intro"
        onKeyDown={onKeyDown}
        data-testid="cie-checklist"
      >
        <h2 id="cie-checklist-title">
          {t('visits.cie.title', { name: `${resident.surname} ${resident.givenNames}` })}
        </h2>
        <p id="cie-checklist-intro" className="muted small">
          {t('visits.cie.intro')}
        </p>
        <fieldset>
          <legend>{t('visits.cie.steps')}</legend>
          {CIE_STEPS.map((step, i) => (
            <div key={step}>
              <label data-testid={`cie-step-${step}`}>
                <input
                  type="checkbox"
                  checked={done.has(step)}
                  onChange={() => toggle(step)}
                  autoFocus={i === 0}
                  data-testid={`cie-check-${step}`}
                />{' '}
                {t(`visits.cie.step.${step}`, { amount })}
              </label>
            </div>
          ))}
        </fieldset>
        <p role="status" data-testid="cie-progress">
          {t('visits.cie.progress', { done: done.size, total: CIE_STEPS.length })}
        </p>
        {bring.length > 0 && (
          <>
            <h3>{t('visits.cie.bring')}</h3>
            <ul data-testid="cie-bring">
              {bring.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </>
        )}
        <p>
          <button type="button" className="btn btn-ghost" onClick={onClose} data-testid="cie-close">
            {t('visits.cie.close')}
          </button>
        </p>
      </div>
    </div>
  );
}
