import type { KeyboardEvent } from 'react';

/**
 * The keys of every form at the counter: Ctrl+Enter confirms, Esc drops the form (and goes no
 * further, so the screen behind does not also go back). Without `onSubmit` Ctrl+Enter does nothing
 * (e.g. once the form is done). The caller guards against a second submit while one is running.
 */
export function useFormKeys(keys: { onSubmit?: () => void; onCancel: () => void }) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      keys.onCancel();
    } else if (e.key === 'Enter' && e.ctrlKey && keys.onSubmit) {
      e.preventDefault();
      keys.onSubmit();
    }
  };
}
