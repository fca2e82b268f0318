import { useEffect, useState } from 'react';
import type { ErrorData } from '../../../shared/errors/app-error';

const DEBOUNCE_MS = 200;

type Answer<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/**
 * The core's preview of a document request, asked again only when the request itself changes
 * (`requestKey` is the request as JSON; null: nothing to preview). Every preview is a clerk call
 * that keeps the session alive, so it must not follow the screen's re-renders: `call` and
 * `onError` must be stable (an `api` function, App's `handleError`). An answer to an older
 * request is dropped.
 */
export function usePreview<I, T>(
  requestKey: string | null,
  call: (input: I) => Promise<Answer<T>>,
  onError: (e: ErrorData) => void,
): T | null {
  const [preview, setPreview] = useState<T | null>(null);
  useEffect(() => {
    if (requestKey === null) return;
    const input = JSON.parse(requestKey) as I;
    let stale = false;
    const timer = setTimeout(() => {
      void call(input).then((res) => {
        if (stale) return;
        if (res.ok) setPreview(res.value);
        else onError(res.error);
      });
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [requestKey, call, onError]);
  return preview;
}
