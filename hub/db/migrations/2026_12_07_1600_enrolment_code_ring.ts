import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // the update ring IT puts the workstation in, chosen at the hub with the code (hub/updates/rings.ts)
  await db.schema.alterTable('enrolment_codes').addColumn('ring', 'text').execute();
}
