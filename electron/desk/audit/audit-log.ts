import { sql, type Kysely, type Transaction } from 'kysely';
import { GENESIS_MAC } from '../../../shared/audit/audit-wire';
import type { AuditVerification } from '../../../shared/contract/views';
import { requireSession, workstationName, type DeskContext } from '../context';
import type { Database } from '../db/database';

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

export const GENESIS_HASH = GENESIS_MAC;

/**
 * Each entry's MAC covers its content and the previous MAC, under the key beside the database
 * (audit-key.ts, computed by the connection's `audit_mac`): editing a row breaks the chain from
 * there, and nobody without the key can recompute it. Rows travel to the hub at sync.
 */
const macSql = (prev: string, e: AuditEntry) =>
  sql<string>`audit_mac(${prev}, ${e.at}, ${e.clerk}, ${e.workstation}, ${e.action}, ${e.entity}, ${e.entityId}, ${e.reason})`;

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
      hash: macSql(prevHash, entry),
    })
    .execute();
}

/**
 * A read that lists people (a search, a fine lookup) is a read too (DOMAIN.md §12.1): which
 * records were shown, never what the clerk typed (a name or a codice fiscale is personal data).
 */
export async function auditListing(
  ctx: DeskContext,
  action: string,
  entity: string,
  ids: readonly string[],
  reason: string,
): Promise<void> {
  const session = requireSession(ctx);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: ctx.now().toISOString(),
      clerk: session.info.clerk.username,
      workstation: workstationName(ctx),
      action,
      entity,
      entityId: ids.join(' '),
      reason,
    }),
  );
}

/** Recomputes the whole chain with the key; reports the first row whose content or link does not match. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const rows = await sql<{ seq: number; prev_hash: string; hash: string; expected: string }>`
    select seq, prev_hash, hash,
      audit_mac(prev_hash, at, clerk, workstation, action, entity, entity_id, reason) as expected
    from audit_log order by seq`.execute(db);
  let prev = GENESIS_HASH;
  for (const row of rows.rows) {
    if (row.prev_hash !== prev || row.expected !== row.hash) {
      return { entries: rows.rows.length, intact: false, firstBrokenSeq: row.seq };
    }
    prev = row.hash;
  }
  return { entries: rows.rows.length, intact: true, firstBrokenSeq: null };
}
