import { useEffect, useRef } from 'react';
import type { DeskTask } from '../../../shared/visits/booked-task';

/**
 * Opens `task` once if it is the one a called booking started (`startTask`). Run in an effect,
 * after the page's first commit: the resident page's Back button has taken the focus by then, so
 * the form's useReturnFocus sends the clerk back there, not to the hidden search box. Pass
 * `undefined` until the slot is ready (data loaded): it opens on the first render that is.
 */
export function useStartTask(startTask: DeskTask | undefined, task: DeskTask, open: () => void): void {
  const started = useRef(false);
  useEffect(() => {
    if (started.current || startTask !== task) return;
    started.current = true;
    open();
  }, [startTask, task, open]);
}
