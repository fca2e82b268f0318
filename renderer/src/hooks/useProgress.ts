import { useSyncExternalStore } from 'react';

/**
 * Work the clerk is waiting for: every call to the desk goes through `trackWork` (api/client.ts),
 * so every action button and every list shows progress the same way, without each screen keeping
 * its own spinner. Nothing shows for the first 300 ms: a quick answer must not flicker.
 */
export const PROGRESS_DELAY_MS = 300;

/** Calls the shell makes by itself, on a timer: nobody is waiting for them. */
const BACKGROUND = new Set(['sync.status', 'session.current', 'setup.status', 'app.info']);

let slow = 0;
// slow calls per element: a second one started from the same button keeps its mark until both end
const perElement = new WeakMap<HTMLElement, number>();
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export async function trackWork<T>(call: string, work: () => Promise<T>): Promise<T> {
  if (BACKGROUND.has(call)) return work();
  // what the clerk pressed (the button, the search box) carries aria-busy while it takes long
  const origin = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    slow++;
    if (origin && origin !== document.body) {
      perElement.set(origin, (perElement.get(origin) ?? 0) + 1);
      origin.setAttribute('aria-busy', 'true');
    }
    changed();
  }, PROGRESS_DELAY_MS);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    if (shown) {
      slow--;
      if (origin && perElement.has(origin)) {
        const left = (perElement.get(origin) ?? 1) - 1;
        perElement.set(origin, left);
        if (left === 0) origin.removeAttribute('aria-busy');
      }
      changed();
    }
  }
}

/** Whether some call the clerk is waiting for has taken longer than 300 ms. */
export function useProgress(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => slow > 0,
  );
}
