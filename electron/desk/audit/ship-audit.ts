import {
  AUDIT_SHIP_BATCH,
  AUDIT_SHIP_PATH,
  auditShipResponseSchema,
  type DeskAuditRow,
} from '../../../shared/audit/audit-wire';
import type { DeskContext } from '../context';
import { getMeta, setMeta } from '../db/meta-repository';

/** Rows up to here are held by the hub (its answer, not our own count). */
export const AUDIT_SHIPPED_KEY = 'audit.shipped_seq';

/**
 * Sends the rows of the audit log the hub does not hold yet, oldest first, until none are left.
 * Safe to repeat (the hub keeps each row once). Returns how many rows the hub newly holds.
 */
export async function shipAuditRows(ctx: DeskContext): Promise<number> {
  let shipped = Number((await getMeta(ctx.db, AUDIT_SHIPPED_KEY)) ?? 0);
  const from = shipped;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', shipped)
      .orderBy('seq')
      .limit(AUDIT_SHIP_BATCH)
      .execute();
    if (rows.length === 0) break;
    const wire: DeskAuditRow[] = rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      clerk: r.clerk,
      workstation: r.workstation,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      reason: r.reason,
      prevMac: r.prev_hash,
      mac: r.hash,
    }));
    const res = await ctx.hub.call(
      AUDIT_SHIP_PATH,
      { method: 'PUT', body: { rows: wire } },
      auditShipResponseSchema,
    );
    if (res.storedThrough <= shipped) break; // nothing moved: try again at the next round
    shipped = res.storedThrough;
    await setMeta(ctx.db, AUDIT_SHIPPED_KEY, String(shipped));
    if (rows.length < AUDIT_SHIP_BATCH) break;
  }
  return shipped - from;
}
