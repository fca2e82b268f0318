import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The hub's own record of who read or changed personal data: one HMAC chain per comune
  // (`hub:<belfiore>`), keyed with a key that never enters the database (hub/audit/audit-key.ts).
  await db.schema
    .createTable('hub_audit')
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .addColumn('workstation', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('prev_mac', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hub_audit_pk', ['chain', 'seq'])
    .execute();

  // Desks' own chains as they shipped them (their MACs, under the desk's key), chained again at
  // the hub under the hub's key (`desk:<workstation id>`): once here, a desk's disk cannot undo them.
  await db.schema
    .createTable('desk_audit')
    .addColumn('workstation_id', 'text', (c) => c.notNull().references('workstations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .addColumn('workstation', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('desk_prev_mac', 'text', (c) => c.notNull())
    .addColumn('desk_mac', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('prev_mac', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('desk_audit_pk', ['workstation_id', 'seq'])
    .execute();

  // The head of each chain, locked by whoever appends (one writer per chain at a time).
  await db.schema
    .createTable('audit_heads')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .addColumn('anchored_seq', 'integer', (c) => c.notNull())
    .addColumn('anchored_at', 'text', (c) => c.notNull())
    .execute();

  // Copies of the anchors also written, HMACed, to the append-only file outside the database.
  await db.schema
    .createTable('audit_anchors')
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('anchor_mac', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_anchors_pk', ['chain', 'seq'])
    .execute();
}
