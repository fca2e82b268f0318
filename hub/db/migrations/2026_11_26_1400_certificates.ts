import { sql, type Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Each workstation numbers its certificates and receipts in its own series, so two counters
  // never issue the same number offline. The hub hands the series out once, at enrolment.
  await db.schema.alterTable('workstations').addColumn('series', 'text').execute();
  const existing = await db
    .selectFrom('workstations')
    .select(['id', 'comune'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const perComune = new Map<string, number>();
  for (const ws of existing as { id: string; comune: string }[]) {
    const n = (perComune.get(ws.comune) ?? 0) + 1;
    perComune.set(ws.comune, n);
    await db
      .updateTable('workstations')
      .set({ series: `P${n}` })
      .where('id', '=', ws.id)
      .execute();
  }
  await db.schema
    .createIndex('workstations_comune_series')
    .on('workstations')
    .columns(['comune', 'series'])
    .unique()
    .execute();

  // DOMAIN.md §1.2: the comune may mark a record as not certifiable while a procedure is open on it.
  await db.schema
    .alterTable('residents')
    .addColumn('not_certifiable', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('holder_initials', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('storico_reference_date', 'text')
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('bollo_kind', 'text', (c) => c.notNull())
    .addColumn('marca_id', 'text')
    .addColumn('exemption_code', 'text')
    .addColumn('diritti_cents', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoke_reason', 'text')
    .execute();
  // One marca, one certificate (DOMAIN.md §1.3): a second use is refused, even across counters.
  await sql`create unique index certificates_marca on certificates (comune, marca_id) where marca_id is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('certificates_resident')
    .on('certificates')
    .columns(['comune', 'resident_id'])
    .execute();

  // Every document that left a counter, and how: what the burden meter counts (less paper).
  await db.schema
    .createTable('documents_issued')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('documents_issued_comune_day')
    .on('documents_issued')
    .columns(['comune', 'issued_on'])
    .execute();
}
