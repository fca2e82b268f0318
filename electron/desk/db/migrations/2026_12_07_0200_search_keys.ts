import { sql, type Kysely } from 'kysely';
import { normalizeName } from '../../../../shared/registry/normalize-name';
import { streetKey } from '../../../../shared/registry/search-query';

// Kysely<any> on purpose: a migration sees the schema of its day. It does call today's search-key
// functions, because the keys it writes must be the ones the search reads from now on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Search by address ("via roma 12"): the street's key beside the civic number, indexed together.
  await db.schema
    .alterTable('families')
    .addColumn('street_norm', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('families_street')
    .on('families')
    .columns(['street_norm', 'house_number'])
    .execute();
  const families = await db.selectFrom('families').select(['id', 'street_type', 'street_name']).execute();
  for (const f of families) {
    await db
      .updateTable('families')
      .set({ street_norm: streetKey(f.street_type, f.street_name) })
      .where('id', '=', f.id)
      .execute();
  }

  // Name keys now fold the letters NFD cannot strip (ł → L, ı → I): rewrite those of the names
  // that hold anything beyond ASCII; the others keep the same key.
  const foreign = await db
    .selectFrom('residents')
    .select(['id', 'surname', 'given_names', 'surname_norm', 'given_names_norm'])
    .where(sql<boolean>`surname glob '*[^ -~]*' or given_names glob '*[^ -~]*'`)
    .execute();
  for (const r of foreign) {
    const surname = normalizeName(r.surname);
    const given = normalizeName(r.given_names);
    if (surname === r.surname_norm && given === r.given_names_norm) continue;
    await db
      .updateTable('residents')
      .set({ surname_norm: surname, given_names_norm: given })
      .where('id', '=', r.id)
      .execute();
  }
}
