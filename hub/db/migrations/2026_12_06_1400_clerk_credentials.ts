import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A clerk's credentials at one workstation: the interactive session of a login, and the push
  // key that lets that workstation upload what the clerk did there while offline. Logout ends a
  // session without deleting it, so the audit of who held it stays.
  await db.schema
    .alterTable('clerk_sessions')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('session'))
    .execute();
  await db.schema.alterTable('clerk_sessions').addColumn('revoked_at', 'text').execute();
  await db.schema
    .createIndex('clerk_sessions_user')
    .on('clerk_sessions')
    .columns(['user_id', 'workstation_id'])
    .execute();
}
