import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';

const DEBOUNCE_MS = 120;

/** Search as you type; an answer to an older query never overwrites a newer one. */
export function useResidentSearch(query: string, onError: (e: ErrorData) => void) {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (query.trim().length === 0) {
      setResult(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    const timer = setTimeout(() => {
      void api.registry.search({ query }).then((r) => {
        if (ticket !== latest.current) return;
        setLoading(false);
        if (r.ok) setResult(r.value);
        else onError(r.error);
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, onError]);

  return { result, loading };
}
