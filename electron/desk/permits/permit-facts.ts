import type { Kysely } from 'kysely';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import type { HolderFacts } from '../../../shared/permits/eligibility';
import { zoneOf } from '../../../shared/permits/ztl-zones';
import { AppError } from '../../../shared/errors/app-error';
import type { Database } from '../db/database';
import type { FamilyRow } from '../db/tables/families.table';
import type { ResidentRow } from '../db/tables/residents.table';
import { findFamily, findResident, listFamilyMembers } from '../registry/registry-repository';

/** A person of the mirror with the household and address the permit rules read. */
export interface Applicant {
  person: ResidentRow;
  family: FamilyRow | null;
  members: ResidentRow[];
}

export const nameOf = (r: ResidentRow): string => `${r.surname} ${r.given_names}`;

export const addressOf = (f: FamilyRow | null): string =>
  f === null ? '' : `${f.street_type} ${f.street_name} ${f.house_number}`.trim();

export async function loadApplicant(db: Kysely<Database>, residentId: string): Promise<Applicant> {
  const person = await findResident(db, residentId);
  if (!person) throw new AppError('resident_not_found');
  const family = await findFamily(db, person.family_id);
  const members = family ? await listFamilyMembers(db, family.id) : [];
  return { person, family: family ?? null, members };
}

/** The head of household (intestatario della scheda), the person when none is recorded. */
export function headOf(a: Applicant): ResidentRow {
  return a.members.find((m) => m.relationship === 'intestatario' && m.status === 'resident') ?? a.person;
}

/** What eligibility.ts reads of a holder, from the mirror, on `today`. */
export function holderFacts(
  holder: ResidentRow,
  family: FamilyRow | null,
  comune: string,
  today: IsoDate,
): HolderFacts {
  const street = family ? { streetType: family.street_type, streetName: family.street_name } : null;
  return {
    id: holder.id,
    status: holder.status,
    isHeadOfHousehold: holder.relationship === 'intestatario',
    householdId: holder.family_id,
    street,
    residenceZone: street ? zoneOf(comune, street, today) : { ztl: null, sosta: null },
    // the mirror has no domicile register: a domiciliati request is checked at the hub [gap]
    domicileStreet: null,
    domicileZone: null,
  };
}
