import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/database';
import { appendHubAudits, type HubAuditEntry } from './audit-trail';

interface Waiting {
  entry: HubAuditEntry;
  written: () => void;
  failed: (err: unknown) => void;
}

/**
 * Writes the rows of audited reads with group commit: a read waits until its row is committed
 * (no data leaves without its record), but the reads that arrive while one transaction is being
 * written go together in the next one, each chain locked once for all of them. Under load the
 * comune's chain takes one step per transaction instead of one per read, and a pull no longer
 * queues behind every other pull of its comune for a commit of its own. A lone read is written
 * at once, as before. If a transaction fails, every read in it gets the error.
 */
export function groupCommitAuditWriter(
  db: Kysely<HubDatabase>,
  key: Buffer,
): (entry: HubAuditEntry) => Promise<void> {
  let queue: Waiting[] = [];
  let draining = false;
  const drain = async (): Promise<void> => {
    draining = true;
    try {
      while (queue.length > 0) {
        const group = queue;
        queue = [];
        try {
          await db.transaction().execute((trx) =>
            appendHubAudits(
              trx,
              key,
              group.map((w) => w.entry),
            ),
          );
          for (const w of group) w.written();
        } catch (err) {
          for (const w of group) w.failed(err);
        }
      }
    } finally {
      draining = false;
    }
  };
  return (entry) =>
    new Promise<void>((written, failed) => {
      queue.push({ entry, written, failed });
      if (!draining) void drain();
    });
}
