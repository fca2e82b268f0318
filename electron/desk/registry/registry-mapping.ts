import type { Family, Resident, ResidentEvent } from '../../../shared/registry/model';
import { identityCardKey } from '../../../shared/registry/identity-card';
import { normalizeName } from '../../../shared/registry/normalize-name';
import { streetKey } from '../../../shared/registry/search-query';
import type { WireResident } from '../../../shared/sync/registry-page';
import type { FamilyRow, NewFamilyRow } from '../db/tables/families.table';
import type { NewResidentEventRow } from '../db/tables/resident-events.table';
import type { NewResidentRow } from '../db/tables/residents.table';

export const familyToRow = (f: Family): NewFamilyRow => ({
  id: f.id,
  street_type: f.address.streetType,
  street_name: f.address.streetName,
  house_number: f.address.houseNumber,
  interior: f.address.interior,
  cap: f.address.cap,
  frazione: f.address.frazione,
  since: f.since,
  street_norm: streetKey(f.address.streetType, f.address.streetName),
});

/** Accepts the generator's Resident (no contacts yet) and the hub's WireResident alike. */
export const residentToRow = (
  r: Resident & Partial<Pick<WireResident, 'phone' | 'email' | 'notCertifiable'>>,
): NewResidentRow => ({
  id: r.id,
  codice_fiscale: r.codiceFiscale,
  surname: r.surname,
  given_names: r.givenNames,
  surname_norm: normalizeName(r.surname),
  given_names_norm: normalizeName(r.givenNames),
  sex: r.sex,
  birth_date: r.birthDate,
  birth_place_code: r.birthPlaceCode,
  birth_place_name: r.birthPlaceName,
  citizenship: r.citizenship,
  civil_status: r.civilStatus,
  status: r.status,
  status_date: r.statusDate,
  family_id: r.familyId,
  relationship: r.relationship,
  registered_on: r.registeredOn,
  phone: r.phone ?? null,
  email: r.email ?? null,
  not_certifiable: r.notCertifiable ? 1 : 0,
  identity_card_kind: r.identityCard?.kind ?? null,
  identity_card_number: r.identityCard ? identityCardKey(r.identityCard.number) : null,
});

export const eventToRow = (e: ResidentEvent): NewResidentEventRow => ({
  id: e.id,
  resident_id: e.residentId,
  kind: e.kind,
  date: e.date,
  description: e.description,
});

/** "Via Roma 12" as printed on a certificate; the frazione follows when there is one. */
export function formatAddressLine(
  f: Pick<FamilyRow, 'street_type' | 'street_name' | 'house_number'>,
): string {
  return [f.street_type, f.street_name, f.house_number].filter((p) => p.length > 0).join(' ');
}
