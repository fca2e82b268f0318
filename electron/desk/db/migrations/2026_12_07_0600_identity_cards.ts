import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The comune's identity card, a search key: the citizen hands it over at the counter. The
  // rows already mirrored have none until the hub sends the resident again (a change, a new
  // bootstrap): until then a search by that number finds nobody, never the wrong person.
  await db.schema.alterTable('residents').addColumn('identity_card_kind', 'text').execute();
  await db.schema.alterTable('residents').addColumn('identity_card_number', 'text').execute();
  await db.schema
    .createIndex('residents_identity_card')
    .on('residents')
    .column('identity_card_number')
    .execute();
  // Search by given name alone ("Ionuț"): given name first, surname to order the list.
  await db.schema
    .createIndex('residents_given_name')
    .on('residents')
    .columns(['given_names_norm', 'surname_norm'])
    .execute();
}
