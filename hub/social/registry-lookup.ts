import type { Kysely, Transaction } from 'kysely';
import type { PersonRef } from '../../shared/social/social-wire';
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
