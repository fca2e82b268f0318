import type { Generated, Insertable, Selectable } from 'kysely';

/** Append-only (triggers refuse UPDATE and DELETE) and hash-chained: see audit/audit-log.ts. */
export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  clerk: string;
  workstation: string;
  action: string;
  entity: string;
  entity_id: string;
  reason: string;
  prev_hash: string;
  hash: string;
}
export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
