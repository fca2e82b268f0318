import type { Kysely } from 'kysely';
import type { Family, Resident, ResidentEvent } from '../../shared/registry/model';
import { identityCardKey } from '../../shared/registry/identity-card';
import type { RegistryPage, WireResident } from '../../shared/sync/registry-page';
import type { HubDatabase } from '../db/database';
import type { HubFamilyRow, HubResidentEventRow, HubResidentRow } from '../db/tables/registry.table';

const toFamily = (r: HubFamilyRow): Family => ({
  id: r.id,
  comune: r.comune,
  address: {
    streetType: r.street_type,
    streetName: r.street_name,
    houseNumber: r.house_number,
    interior: r.interior,
    cap: r.cap,
    frazione: r.frazione,
  },
  since: r.since,
});

export const toWireResident = (r: HubResidentRow): WireResident => ({
  id: r.id,
  comune: r.comune,
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
  registeredOn: r.registered_on,
  phone: r.phone,
  email: r.email,
  notCertifiable: Number(r.not_certifiable) === 1,
  identityCard:
    r.identity_card_kind && r.identity_card_number
      ? { kind: r.identity_card_kind, number: r.identity_card_number }
      : null,
});

const toEvent = (r: HubResidentEventRow): ResidentEvent => ({
  id: r.id,
  residentId: r.resident_id,
  kind: r.kind,
  date: r.date,
  description: r.description,
});

/**
 * One page of a comune's partition, keyed by family id. Every query filters by `comune`:
 * tenancy is enforced in the query, not only in the route.
 */
export async function registryPage(
  db: Kysely<HubDatabase>,
  comune: string,
  after: string | null,
  limit: number,
): Promise<Omit<RegistryPage, 'comune' | 'head' | 'epoch'>> {
  let q = db.selectFrom('families').selectAll().where('comune', '=', comune);
  if (after) q = q.where('id', '>', after);
  const families = await q
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = families.slice(0, limit);
  const ids = page.map((f) => f.id);
  const residents = ids.length
    ? await db
        .selectFrom('residents')
        .selectAll()
        .where('comune', '=', comune)
        .where('family_id', 'in', ids)
        .orderBy('id')
        .execute()
    : [];
  const events = ids.length
    ? await db
        .selectFrom('resident_events')
        .innerJoin('residents', 'residents.id', 'resident_events.resident_id')
        .selectAll('resident_events')
        .where('residents.comune', '=', comune)
        .where('residents.family_id', 'in', ids)
        .orderBy('resident_events.id')
        .execute()
    : [];
  const total = await db
    .selectFrom('families')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('comune', '=', comune)
    .executeTakeFirstOrThrow();
  return {
    totalFamilies: Number(total.n),
    families: page.map(toFamily),
    residents: residents.map(toWireResident),
    events: events.map(toEvent),
    next: families.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

export const familyRow = (f: Family): HubFamilyRow => ({
  id: f.id,
  comune: f.comune,
  street_type: f.address.streetType,
  street_name: f.address.streetName,
  house_number: f.address.houseNumber,
  interior: f.address.interior,
  cap: f.address.cap,
  frazione: f.address.frazione,
  since: f.since,
});

export const residentRow = (r: Resident): HubResidentRow => ({
  id: r.id,
  comune: r.comune,
  codice_fiscale: r.codiceFiscale,
  surname: r.surname,
  given_names: r.givenNames,
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
  phone: null,
  email: null,
  not_certifiable: 0,
  identity_card_kind: r.identityCard?.kind ?? null,
  identity_card_number: r.identityCard ? identityCardKey(r.identityCard.number) : null,
});

export const eventRow = (e: ResidentEvent): HubResidentEventRow => ({
  id: e.id,
  resident_id: e.residentId,
  kind: e.kind,
  date: e.date,
  description: e.description,
});

export async function countResidentsOf(db: Kysely<HubDatabase>, comune: string): Promise<number> {
  const row = await db
    .selectFrom('residents')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('comune', '=', comune)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
