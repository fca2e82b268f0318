import type { Kysely, Transaction } from 'kysely';
import type { Household, RegistryHistory, RegistryPerson } from '../../../shared/certificates/registry-input';
import type { Address } from '../../../shared/registry/model';
import { AppError } from '../../../shared/errors/app-error';
import type { Database } from '../db/database';
import type { FamilyRow } from '../db/tables/families.table';
import type { ResidentRow } from '../db/tables/residents.table';
import { findFamily, findResident, listFamilyMembers } from '../registry/registry-repository';

type Db = Kysely<Database> | Transaction<Database>;

export const toRegistryPerson = (r: ResidentRow, comune: string): RegistryPerson => ({
  id: r.id,
  comune,
  codiceFiscale: r.codice_fiscale,
  surname: r.surname,
  givenNames: r.given_names,
  sex: r.sex,
  birthDate: r.birth_date,
  birthPlaceCode: r.birth_place_code,
  birthPlaceName: r.birth_place_name,
  citizenship: r.citizenship,
  civilStatus: r.civil_status,
  status: r.status,
  statusDate: r.status_date,
  familyId: r.family_id,
  relationship: r.relationship,
  notCertifiable: r.not_certifiable === 1,
});

const addressOf = (f: FamilyRow): Address => ({
  streetType: f.street_type,
  streetName: f.street_name,
  houseNumber: f.house_number,
  interior: f.interior,
  cap: f.cap,
  frazione: f.frazione,
});

export interface HolderFacts {
  holder: RegistryPerson;
  household: Household | null;
  history: RegistryHistory;
}

/**
 * What the certificate and declaration rules read of one person, from the local mirror.
 *
 * The mirror keeps each person's CURRENT household only (earlier addresses survive as event
 * text), so the history is that household over the person's time in the comune: enough for the
 * storico of someone who emigrated or died ("as of the date they left", DOMAIN.md §1.2); a
 * reference date before the household was formed finds no period and is refused by the rules.
 */
export async function loadHolderFacts(db: Db, residentId: string, comune: string): Promise<HolderFacts> {
  const row = await findResident(db, residentId);
  if (!row) throw new AppError('resident_not_found');
  const family = await findFamily(db, row.family_id);
  const members = family ? await listFamilyMembers(db, family.id) : [];
  const holder = toRegistryPerson(row, comune);
  const household: Household | null = family
    ? {
        family: { id: family.id, comune, address: addressOf(family) },
        members: members.map((m) => toRegistryPerson(m, comune)),
      }
    : null;
  const history: RegistryHistory = family
    ? {
        residences: [
          {
            familyId: family.id,
            address: addressOf(family),
            from: maxDate(family.since, row.registered_on),
            to: row.status === 'resident' ? null : row.status_date,
          },
        ],
        memberships: members.map((m) => ({
          familyId: family.id,
          person: {
            id: m.id,
            codiceFiscale: m.codice_fiscale,
            surname: m.surname,
            givenNames: m.given_names,
            sex: m.sex,
            birthDate: m.birth_date,
            birthPlaceName: m.birth_place_name,
            notCertifiable: m.not_certifiable === 1,
          },
          relationship: m.relationship,
          from: maxDate(family.since, m.registered_on),
          to: m.status === 'resident' ? null : m.status_date,
        })),
      }
    : { residences: [], memberships: [] };
  return { holder, household, history };
}

const maxDate = (a: string, b: string): string => (a > b ? a : b);
