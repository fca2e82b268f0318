import { z } from 'zod';

/** Where a desk ships its audit rows at sync (PUT: a repeat changes nothing). */
export const AUDIT_SHIP_PATH = '/api/v1/audit/desk';
/** Rows per shipment; a desk with more sends several. */
export const AUDIT_SHIP_BATCH = 500;

/** The first link of every chain. */
export const GENESIS_MAC = '0'.repeat(64);

const mac = z.string().regex(/^[0-9a-f]{64}$/);
const text = (max: number) => z.string().max(max);

/** One row of a desk's chain as the desk wrote it: ids and actions, never a person's data. */
export const deskAuditRowSchema = z.object({
  seq: z.number().int().min(1),
  at: text(40),
  clerk: text(120),
  workstation: text(200),
  action: text(120),
  entity: text(60),
  entityId: text(4000),
  reason: text(2000),
  prevMac: mac,
  mac,
});
export type DeskAuditRow = z.infer<typeof deskAuditRowSchema>;

export const auditShipRequestSchema = z.object({
  rows: z.array(deskAuditRowSchema).min(1).max(AUDIT_SHIP_BATCH),
});
export type AuditShipRequest = z.infer<typeof auditShipRequestSchema>;

/** The highest seq the hub now holds for this desk: everything up to it is safe from the desk's disk. */
export const auditShipResponseSchema = z.object({ storedThrough: z.number().int().min(0) });

/**
 * The bytes a row's MAC covers, after the previous MAC: every field, in a fixed order, as JSON
 * (unambiguous whatever the text holds). Desk and hub compute it the same way.
 */
export function canonicalAuditRow(fields: readonly (string | number)[]): string {
  return JSON.stringify(fields);
}
