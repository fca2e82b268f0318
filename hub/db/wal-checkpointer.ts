import { Worker } from 'node:worker_threads';

export interface WalCheckpointer {
  /** ends the thread once its connection is closed */
  stop(): Promise<void>;
}

/** How often the thread copies the log: often enough that each copy is small. */
const EVERY_MS = 20;

/**
 * Copies the embedded hub's write-ahead log into its database file from a thread of its own,
 * every few milliseconds (PASSIVE: it never makes the hub's writer wait). SQLite's own checkpoint
 * runs inside the commit that crosses wal_autocheckpoint, on the hub's one thread, and stalls every
 * request in flight while it copies and syncs; with this thread, that checkpoint (still the one
 * that lets the log start over) finds nearly everything copied already. Measured in bench:sync.
 */
export function startWalCheckpointer(file: string, onError: (message: string) => void): WalCheckpointer {
  const worker = new Worker(new URL('./wal-checkpoint-worker.cjs', import.meta.url), {
    workerData: { file, everyMs: EVERY_MS },
  });
  worker.on('message', (m: { error?: string }) => {
    if (m.error) onError(m.error);
  });
  worker.on('error', (err) => onError(err.message));
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  // never what keeps the hub's process alive
  worker.unref();
  return {
    stop: () => {
      // awaited: the process stays up until the thread has closed its connection
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
