import type { Kysely, Transaction } from 'kysely';
import type { PersonRef, Requester } from '../../shared/social/social-wire';
import type { HubDatabase } from '../db/database';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

export interface Beneficiary {
  ref: PersonRef;
  birthDate: string;
  familyId: string;
  household: PersonRef[];
}

const refOf = (r: {
  id: string;
  surname: string;
  given_names: string;
  codice_fiscale: string;
}): PersonRef => ({
  personId: r.id,
  surname: r.surname,
  givenNames: r.given_names,
  codiceFiscale: r.codice_fiscale,
});

/**
 * Who files, as the hub knows them (DOMAIN.md §10.2): the beneficiary themself, a person of the
 * registry (named as the registry of record spells them), or someone outside it as declared with
 * their decree. Null when a registry person named by id is not a resident of the comune.
 */
export async function hubRequester(
  db: Db,
  comune: string,
  requester: Requester,
  beneficiary: PersonRef,
): Promise<Requester | null> {
  if (requester.role === 'self') return { role: 'self', ...beneficiary, decree: null };
  if (requester.personId === null) return requester;
  const r = await db
    .selectFrom('residents')
    .select(['id', 'surname', 'given_names', 'codice_fiscale', 'status'])
    .where('comune', '=', comune)
    .where('id', '=', requester.personId)
    .executeTakeFirst();
  if (!r || r.status !== 'resident') return null;
  return { role: requester.role, ...refOf(r), decree: requester.decree };
}

/** The case's applicant: the person who files. */
export const applicantOf = (r: Requester): { id: string | null; name: string } => ({
  id: r.personId,
  name: `${r.surname} ${r.givenNames}`.trim(),
});

/**
 * The beneficiary and their household as the hub's registry of record has them now: a
 * resident of the comune (§10.2: residence is a requirement), never the names a desk sent.
 */
export async function residentBeneficiary(db: Db, comune: string, id: string): Promise<Beneficiary | null> {
  const r = await db
    .selectFrom('residents')
    .select(['id', 'surname', 'given_names', 'codice_fiscale', 'birth_date', 'family_id', 'status'])
    .where('comune', '=', comune)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r || r.status !== 'resident') return null;
  const household = await db
    .selectFrom('residents')
    .select(['id', 'surname', 'given_names', 'codice_fiscale'])
    .where('comune', '=', comune)
    .where('family_id', '=', r.family_id)
    .where('status', '=', 'resident')
    .orderBy('id')
    .limit(30)
    .execute();
  return { ref: refOf(r), birthDate: r.birth_date, familyId: r.family_id, household: household.map(refOf) };
}

/** Full years on `day`. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
