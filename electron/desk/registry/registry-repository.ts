import { sql, type Kysely } from 'kysely';
import { prefixUpperBound } from '../../../shared/registry/normalize-name';
import type { Database } from '../db/database';
import type { FamilyRow } from '../db/tables/families.table';
import type { ResidentEventRow } from '../db/tables/resident-events.table';
import type { ResidentRow } from '../db/tables/residents.table';

/**
 * A search hit: only the columns the result list shows. A search returns up to 51 rows per
 * keystroke, and reading every column of each was half the time of a search at 1M residents
 * (bench:search: a wide row costs about twice a narrow one in better-sqlite3).
 */
export type ResidentHit = Pick<
  ResidentRow,
  'id' | 'codice_fiscale' | 'surname' | 'given_names' | 'sex' | 'birth_date' | 'birth_place_name' | 'status'
> &
  Pick<FamilyRow, 'street_type' | 'street_name' | 'house_number' | 'frazione'>;

function hits(db: Kysely<Database>) {
  return db
    .selectFrom('residents')
    .innerJoin('families', 'families.id', 'residents.family_id')
    .select([
      'residents.id',
      'residents.codice_fiscale',
      'residents.surname',
      'residents.given_names',
      'residents.sex',
      'residents.birth_date',
      'residents.birth_place_name',
      'residents.status',
      'families.street_type',
      'families.street_name',
      'families.house_number',
      'families.frazione',
    ]);
}

// Range conditions (>= prefix, < prefix+U+FFFF) rather than LIKE: they use the index on every
// SQLite build, whatever case_sensitive_like says (proved by the EXPLAIN QUERY PLAN test).

export function searchByNameQuery(
  db: Kysely<Database>,
  surnamePrefix: string,
  givenNamesPrefix: string,
  limit: number,
) {
  let q = hits(db)
    .where('residents.surname_norm', '>=', surnamePrefix)
    .where('residents.surname_norm', '<', prefixUpperBound(surnamePrefix));
  if (givenNamesPrefix.length > 0) {
    // Exact surname when given names are typed: "Rossi Mario" must not list "Rossini Mario" first.
    q = q
      .where('residents.surname_norm', '=', surnamePrefix)
      .where('residents.given_names_norm', '>=', givenNamesPrefix)
      .where('residents.given_names_norm', '<', prefixUpperBound(givenNamesPrefix));
  }
  return q
    .orderBy('residents.surname_norm')
    .orderBy('residents.given_names_norm')
    .orderBy('residents.birth_date')
    .limit(limit);
}

/** Residents whose surname is exactly one of `surnames` (the one-edit variants of a typo). */
export function searchBySurnamesQuery(
  db: Kysely<Database>,
  surnames: readonly string[],
  givenNamesPrefix: string,
  limit: number,
) {
  let q = hits(db).where('residents.surname_norm', 'in', [...surnames]);
  if (givenNamesPrefix.length > 0) {
    q = q
      .where('residents.given_names_norm', '>=', givenNamesPrefix)
      .where('residents.given_names_norm', '<', prefixUpperBound(givenNamesPrefix));
  }
  return q
    .orderBy('residents.surname_norm')
    .orderBy('residents.given_names_norm')
    .orderBy('residents.birth_date')
    .limit(limit);
}

/**
 * Which of `surnames` some resident bears, in order: one index seek each, stopping at the first
 * row (the one-edit variants of a typo are hundreds; one or two exist). The list travels as one
 * JSON parameter, so every length is the same prepared statement.
 */
export async function existingSurnames(db: Kysely<Database>, surnames: readonly string[]): Promise<string[]> {
  const rows = await sql<{ value: string }>`
    select value from json_each(${JSON.stringify(surnames)})
    where exists (select 1 from residents where residents.surname_norm = value)
    order by value`.execute(db);
  return rows.rows.map((r) => r.value);
}

/** Residents living at a street whose key starts with `street`, at `houseNumber` when given. */
export function searchByAddressQuery(
  db: Kysely<Database>,
  street: string,
  houseNumber: string | null,
  limit: number,
) {
  let q = hits(db)
    .where('families.street_norm', '>=', street)
    .where('families.street_norm', '<', prefixUpperBound(street));
  if (houseNumber !== null) q = q.where('families.house_number', '=', houseNumber);
  return q
    .orderBy('families.street_norm')
    .orderBy('families.house_number')
    .orderBy('residents.family_id')
    .orderBy('residents.birth_date')
    .limit(limit);
}

/**
 * Residents whose given names start with `givenNames` (a lone word: "Ionuț"), those named exactly
 * so first, each group by surname: the index (given_names_norm, surname_norm) gives both orders.
 */
export function searchByGivenNameQuery(
  db: Kysely<Database>,
  givenNames: string,
  exact: boolean,
  limit: number,
) {
  const q = exact
    ? hits(db).where('residents.given_names_norm', '=', givenNames)
    : hits(db)
        .where('residents.given_names_norm', '>', givenNames)
        .where('residents.given_names_norm', '<', prefixUpperBound(givenNames));
  return q
    .orderBy('residents.given_names_norm')
    .orderBy('residents.surname_norm')
    .orderBy('residents.birth_date')
    .limit(limit);
}

/** The holder of a whole identity card number, or those of the numbers starting with it. */
export function searchByIdentityCardQuery(
  db: Kysely<Database>,
  number: string,
  whole: boolean,
  limit: number,
) {
  const q = whole
    ? hits(db).where('residents.identity_card_number', '=', number)
    : hits(db)
        .where('residents.identity_card_number', '>=', number)
        .where('residents.identity_card_number', '<', prefixUpperBound(number));
  return q.orderBy('residents.identity_card_number').limit(limit);
}

export function searchByCfPrefixQuery(db: Kysely<Database>, prefix: string, limit: number) {
  return hits(db)
    .where('residents.codice_fiscale', '>=', prefix)
    .where('residents.codice_fiscale', '<', prefixUpperBound(prefix))
    .orderBy('residents.codice_fiscale')
    .limit(limit);
}

export function searchByBirthDateQuery(db: Kysely<Database>, date: string, limit: number) {
  return hits(db)
    .where('residents.birth_date', '=', date)
    .orderBy('residents.surname_norm')
    .orderBy('residents.given_names_norm')
    .limit(limit);
}

export const searchByName = (
  db: Kysely<Database>,
  surname: string,
  givenNames: string,
  limit: number,
): Promise<ResidentHit[]> => searchByNameQuery(db, surname, givenNames, limit).execute();
export const searchBySurnames = (
  db: Kysely<Database>,
  surnames: readonly string[],
  givenNames: string,
  limit: number,
): Promise<ResidentHit[]> => searchBySurnamesQuery(db, surnames, givenNames, limit).execute();
export const searchByAddress = (
  db: Kysely<Database>,
  street: string,
  houseNumber: string | null,
  limit: number,
): Promise<ResidentHit[]> => searchByAddressQuery(db, street, houseNumber, limit).execute();
export const searchByCfPrefix = (
  db: Kysely<Database>,
  prefix: string,
  limit: number,
): Promise<ResidentHit[]> => searchByCfPrefixQuery(db, prefix, limit).execute();
export const searchByGivenName = (
  db: Kysely<Database>,
  givenNames: string,
  exact: boolean,
  limit: number,
): Promise<ResidentHit[]> => searchByGivenNameQuery(db, givenNames, exact, limit).execute();
export const searchByIdentityCard = (
  db: Kysely<Database>,
  number: string,
  whole: boolean,
  limit: number,
): Promise<ResidentHit[]> => searchByIdentityCardQuery(db, number, whole, limit).execute();
export const searchByBirthDate = (
  db: Kysely<Database>,
  date: string,
  limit: number,
): Promise<ResidentHit[]> => searchByBirthDateQuery(db, date, limit).execute();

export function findResident(db: Kysely<Database>, id: string): Promise<ResidentRow | undefined> {
  return db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findFamily(db: Kysely<Database>, id: string): Promise<FamilyRow | undefined> {
  return db.selectFrom('families').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listFamilyMembers(db: Kysely<Database>, familyId: string): Promise<ResidentRow[]> {
  return db
    .selectFrom('residents')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('birth_date')
    .execute();
}

export function listEvents(db: Kysely<Database>, residentId: string): Promise<ResidentEventRow[]> {
  return db
    .selectFrom('resident_events')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('date')
    .execute();
}

export async function countResidents(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('residents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
