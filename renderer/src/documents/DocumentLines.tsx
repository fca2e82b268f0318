import type { DocumentLine } from '../../../shared/contract/views';
import { useT } from '../i18n/useT';

/** The document's text as it will be printed, section by section: what the clerk reads back. */
export function DocumentLines(props: { lines: DocumentLine[]; testId: string }) {
  const { t } = useT();
  // it scrolls: a region the keyboard can reach (Tab, then the arrows) and a screen reader can name
  return (
    <div
      className="doc-preview"
      role="region"
      aria-label={t('previewTitle')}
      tabIndex={0}
      data-testid={props.testId}
    >
      {props.lines.map((l, i) => (
        <p key={i} className={`doc-${l.section}`} data-section={l.section}>
          {l.text}
        </p>
      ))}
    </div>
  );
}

export function ProblemList(props: {
  title: string;
  problems: { reason: string; message: string }[];
  testId: string;
}) {
  return (
    <div className="alert alert-error" role="alert" data-testid={props.testId}>
      <strong>{props.title}</strong>
      <ul>
        {props.problems.map((p, i) => (
          <li key={i} data-reason={p.reason}>
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
