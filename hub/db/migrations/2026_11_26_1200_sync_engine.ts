import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time. The change log needs an auto-increasing key, spelled differently per dialect.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema.alterTable('residents').addColumn('phone', 'text').execute();
  await db.schema.alterTable('residents').addColumn('email', 'text').execute();

  await db.schema
    .createTable('change_log')
    .addColumn('seq', pg ? 'bigserial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('mutation_id', 'text')
    .execute();
  await db.schema.createIndex('change_log_comune_seq').on('change_log').columns(['comune', 'seq']).execute();

  await db.schema
    .createTable('applied_mutations')
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('mutation_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('applied_mutations_pk', ['workstation_id', 'mutation_id'])
    .execute();

  await db.schema
    .createTable('sync_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('mutation_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('args', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema
    .createIndex('sync_exceptions_comune')
    .on('sync_exceptions')
    .columns(['comune', 'at'])
    .execute();

  await db.schema
    .createTable('enrolment_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull().references('comuni.belfiore'))
    .addColumn('workstation_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('hub_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  // Raised by a hub schema change that desks cannot follow incrementally: they bootstrap again.
  await sql`insert into hub_meta (key, value) values ('schema_epoch', '1')`.execute(db);
}
