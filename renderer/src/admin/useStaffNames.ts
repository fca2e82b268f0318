import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';

/** Kept for a few minutes across screens: one look per counter, not one per row or per screen. */
const FRESH_MS = 5 * 60_000;
let kept: { at: number; names: Record<string, string> } | null = null;
let asking: Promise<Record<string, string>> | null = null;

function ask(): Promise<Record<string, string>> {
  asking ??= api.admin.staffNames({}).then((res) => {
    asking = null;
    if (!res.ok) return kept?.names ?? {};
    kept = { at: Date.now(), names: res.value.names };
    return res.value.names;
  });
  return asking;
}

/**
 * The display name of a member of staff ("Elena Gatti") where people expect a name, not the
 * username: queues, case details, the protocol register, the audit and sync views. The hub's
 * list, kept by the desk for offline; an unknown username is shown as it is.
 */
export function useStaffNames(): (username: string | null | undefined) => string {
  const [names, setNames] = useState<Record<string, string>>(() => kept?.names ?? {});
  useEffect(() => {
    if (kept && Date.now() - kept.at < FRESH_MS) return;
    let live = true;
    void ask().then((n) => {
      if (live) setNames(n);
    });
    return () => {
      live = false;
    };
  }, []);
  return useCallback((username) => (username ? (names[username] ?? username) : ''), [names]);
}
