import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT';

/**
 * A password or code shown once: it lives only in this box's props, gone when the admin closes
 * it (Enter or Esc), and focus goes back to where the admin was.
 */
export function OnceBox(props: {
  title: string;
  hint: string;
  secret: string;
  testId: string;
  onClose: () => void;
}) {
  const { t } = useT();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div
      className="card alert alert-success"
      role="dialog"
      aria-labelledby={`${props.testId}-title`}
      data-testid={props.testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <h3 id={`${props.testId}-title`}>{props.title}</h3>
      <p>
        <code className="once-secret" data-testid={`${props.testId}-secret`}>
          {props.secret}
        </code>
      </p>
      <p className="muted">{props.hint}</p>
      <button ref={closeRef} type="button" className="btn" onClick={props.onClose}>
        {t('admin.close')}
      </button>
    </div>
  );
}
