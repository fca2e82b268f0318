import type { Kysely } from 'kysely';

// Frozen in time; portable types only (SQLite and PostgreSQL).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('update_rings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('install_from', 'text')
    .addColumn('install_to', 'text')
    .execute();
  // pilot = IT's own PCs (placed one by one), then Casale, then the partner comuni
  await db
    .insertInto('update_rings')
    .values([
      { name: 'pilot', position: 0, install_from: null, install_to: null },
      { name: 'casale', position: 1, install_from: null, install_to: null },
      { name: 'partners', position: 2, install_from: null, install_to: null },
    ])
    .execute();
  await db.schema
    .createTable('update_comune_rings')
    .addColumn('comune', 'text', (c) => c.primaryKey())
    .addColumn('ring', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('update_comune_rings').values({ comune: 'B885', ring: 'casale' }).execute();
  await db.schema
    .createTable('update_workstation_rings')
    .addColumn('workstation_id', 'text', (c) => c.primaryKey())
    .addColumn('ring', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('update_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('halted_at', 'text')
    .addColumn('rolled_back', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('advanced', 'text', (c) => c.notNull())
    .addUniqueConstraint('update_releases_version', ['platform', 'version'])
    .execute();
  await db.schema
    .createTable('update_files')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('release_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('sha512', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('update_files_pk', ['platform', 'file_name'])
    .execute();
  await db.schema
    .createTable('update_reports')
    .addColumn('workstation_id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('last_version', 'text')
    .addColumn('last_outcome', 'text')
    .addColumn('last_at', 'text')
    .addColumn('last_message', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('update_reports_comune').on('update_reports').column('comune').execute();
}
