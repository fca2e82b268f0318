import { useEffect, useState } from 'react';
import type { SearchResult } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';

const DEBOUNCE_MS = 120;

/**
 * Search as you type. An answer that arrives after its query has changed is dropped; while the
 * newest query is on its way the last answer stays on screen, marked as loading.
 */
export function useResidentSearch(query: string, onError: (e: ErrorData) => void) {
  const [answer, setAnswer] = useState<{ query: string; result: SearchResult } | null>(null);

  useEffect(() => {
    if (query.trim().length === 0) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void api.registry.search({ query }).then((r) => {
        if (cancelled) return;
        if (r.ok) setAnswer({ query, result: r.value });
        else onError(r.error);
      });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, onError]);

  const empty = query.trim().length === 0;
  return {
    result: empty ? null : (answer?.result ?? null),
    loading: !empty && answer?.query !== query,
  };
}
