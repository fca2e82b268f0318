import type { Kysely } from 'kysely';

/** What a search hit shows (electron/desk/registry/registry-repository.ts), frozen as it was. */
const LISTED = [
  'birth_date',
  'id',
  'codice_fiscale',
  'surname',
  'given_names',
  'sex',
  'birth_place_name',
  'status',
  'family_id',
];

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The two searches clerks type most (surname, given name alone) read up to 51 rows a keystroke.
  // With the listed columns in the index, SQLite answers from the index alone, in the list's
  // order, instead of one table lookup per row and a sort by birth date: at 1M residents the
  // surname prefix's p95 fell from 1.6 to 0.7 ms (bench:search). The index grows by the listed
  // columns (about 100 bytes a resident). A desk updated in the middle of its bootstrap has no
  // index to drop (deferred, bootstrap.ts): the new one is built now, and the bootstrap's restore
  // skips the old definition it kept (IF NOT EXISTS).
  await db.schema.dropIndex('residents_name').ifExists().execute();
  await db.schema
    .createIndex('residents_name')
    .on('residents')
    .columns(['surname_norm', 'given_names_norm', ...LISTED])
    .execute();
  await db.schema.dropIndex('residents_given_name').ifExists().execute();
  await db.schema
    .createIndex('residents_given_name')
    .on('residents')
    .columns(['given_names_norm', 'surname_norm', ...LISTED])
    .execute();
}
