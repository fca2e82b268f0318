import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueInput } from '../../../shared/contract/case-inputs';
import type { QueueItem } from '../../../shared/contract/case-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';

export const QUEUE_PAGE = 100;

export type QueueFilter = Omit<QueueInput, 'offset' | 'limit'>;

interface WindowState {
  key: string;
  total: number | null;
  today: string;
  pages: Record<number, QueueItem[]>;
}

/**
 * The rows of the queue the screen shows, fetched page by page as they scroll into view. A new
 * filter starts again from the first page; a new `version` (after an action, or after a sync)
 * reloads the pages already on screen and keeps showing the old ones until then.
 */
export function useQueueWindow(filter: QueueFilter, version: string, onError: (e: ErrorData) => void) {
  const key = JSON.stringify(filter);
  const [state, setState] = useState<WindowState>({ key: '', total: null, today: '', pages: {} });
  const pending = useRef(new Set<string>());

  const fetchPage = useCallback(
    (page: number) => {
      const tag = `${key}#${page}#${version}`;
      if (pending.current.has(tag)) return;
      pending.current.add(tag);
      void api.cases
        .queue({ ...(JSON.parse(key) as QueueFilter), offset: page * QUEUE_PAGE, limit: QUEUE_PAGE })
        .then((res) => {
          pending.current.delete(tag);
          if (!res.ok) return onError(res.error);
          setState((prev) => {
            const base = prev.key === key ? prev : { key, total: null, today: '', pages: {} };
            return {
              key,
              total: res.value.total,
              today: res.value.today,
              pages: { ...base.pages, [page]: res.value.items },
            };
          });
        });
    },
    [key, version, onError],
  );

  useEffect(() => {
    fetchPage(0);
  }, [fetchPage]);

  const current = state.key === key ? state : { key, total: null, today: '', pages: {} };
  const loadedPages = Object.keys(current.pages).map(Number);

  // After an action or a sync: the pages on screen again, on the same filter.
  useEffect(() => {
    for (const p of loadedPages) if (p !== 0) fetchPage(p);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchPage]);

  const ensure = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / QUEUE_PAGE); p <= Math.floor(end / QUEUE_PAGE); p++) {
        if (!(p in current.pages)) fetchPage(p);
      }
    },
    [current.pages, fetchPage],
  );

  const rowAt = (index: number): QueueItem | undefined =>
    current.pages[Math.floor(index / QUEUE_PAGE)]?.[index % QUEUE_PAGE];

  return { total: current.total, today: current.today, rowAt, ensure };
}
