import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditVerification } from '../../../shared/contract/views';
import type { Database } from '../db/database';
import type { AuditRow } from '../db/tables/audit-log.table';

export interface AuditEntry {
  at: string;
  clerk: string;
  workstation: string;
  /** what happened, e.g. `resident.read`, `session.login` */
  action: string;
  entity: string;
  entityId: string;
  /** why: the purpose a clerk gave, or the call that caused it */
  reason: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Each entry's hash covers its content and the previous hash, so editing any row breaks the chain after it. */
export function hashEntry(prevHash: string, e: AuditEntry): string {
  const canonical = JSON.stringify([
    prevHash,
    e.at,
    e.clerk,
    e.workstation,
    e.action,
    e.entity,
    e.entityId,
    e.reason,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Must run in the transaction of the action it records: no action without its entry. */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_log')
    .values({
      at: entry.at,
      clerk: entry.clerk,
      workstation: entry.workstation,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      reason: entry.reason,
      prev_hash: prevHash,
      hash: hashEntry(prevHash, entry),
    })
    .execute();
}

const toEntry = (r: AuditRow): AuditEntry => ({
  at: r.at,
  clerk: r.clerk,
  workstation: r.workstation,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  reason: r.reason,
});

/** Recomputes the whole chain; reports the first row whose content or link does not match. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.prev_hash !== prev || hashEntry(prev, toEntry(row)) !== row.hash) {
      return { entries: rows.length, intact: false, firstBrokenSeq: row.seq };
    }
    prev = row.hash;
  }
  return { entries: rows.length, intact: true, firstBrokenSeq: null };
}
