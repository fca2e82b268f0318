import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/database';
import type { AuditHeadsTable } from '../db/tables/audit.table';
import { appendHubAudits, chainOf, type HubAuditEntry } from './audit-trail';

interface Waiting {
  entry: HubAuditEntry;
  /** told the head of the entry's chain as the group's transaction left it */
  written: (head: AuditHeadsTable | undefined) => void;
  failed: (err: unknown) => void;
}

/**
 * Writes the rows of audited reads with group commit: a read waits until its row is committed
 * (no data leaves without its record), but the reads that arrive while a transaction waits for
 * its connection join it, and it writes them all, each chain locked once. A group closes when
 * its transaction starts; what arrives later opens the next one at once. Under load a comune's
 * chain takes one step per group instead of one per read, and a read never waits longer than
 * it would for a transaction of its own. A lone read is written at once, as before. If a
 * transaction fails, every read in it gets the error.
 */
export function groupCommitAuditWriter(
  db: Kysely<HubDatabase>,
  key: Buffer,
): (entry: HubAuditEntry) => Promise<AuditHeadsTable | undefined> {
  let open: Waiting[] | null = null;
  const write = (group: Waiting[]): void => {
    db.transaction()
      .execute((trx) => {
        if (open === group) open = null;
        return appendHubAudits(
          trx,
          key,
          group.map((w) => w.entry),
        );
      })
      .then(
        (heads) => {
          for (const w of group) w.written(heads.find((h) => h.chain === chainOf(w.entry)));
        },
        (err: unknown) => {
          if (open === group) open = null;
          for (const w of group) w.failed(err);
        },
      );
  };
  return (entry) =>
    new Promise<AuditHeadsTable | undefined>((written, failed) => {
      const waiting = { entry, written, failed };
      if (open) {
        open.push(waiting);
        return;
      }
      open = [waiting];
      write(open);
    });
}
