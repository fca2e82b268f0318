import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { CaseRecord, RegistryFamily, ResidenceData } from '../../shared/cases/case-record';
import { interiorText, addressText, streetListOf } from '../../shared/cases/residence-case';
import type { Mover, StreetList } from '../../shared/cases/change-of-residence';
import { AppError } from '../../shared/errors/app-error';
import { formatProtocolNumber } from '../../shared/protocol/protocol-number';
import type { ResidentEvent } from '../../shared/registry/model';
import type { HubDatabase } from '../db/database';
import type { HubResidentRow } from '../db/tables/registry.table';
import { eventRow, familyRow } from '../registry/registry-repository';
import type { RegistryEvent } from '../services/hub-service';
import { serviceRegistryListener } from '../services/merge';
import { caseFamilyId, registryEventId } from './registry-ids';

type Trx = Transaction<HubDatabase>;

/** The comune's street list from its registry of record (see residence-case.ts `streetListOf`). */
export async function hubStreetList(trx: Trx, comune: string): Promise<StreetList> {
  const rows = await trx
    .selectFrom('families')
    .select(['street_type', 'street_name', 'cap'])
    .distinct()
    .where('comune', '=', comune)
    .execute();
  return streetListOf(
    comune,
    rows.map((r) => ({ streetType: r.street_type, streetName: r.street_name, cap: r.cap })),
  );
}

export async function currentResident(trx: Trx, comune: string, id: string): Promise<HubResidentRow | null> {
  const row = await trx
    .selectFrom('residents')
    .selectAll()
    .where('comune', '=', comune)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

const nameOf = (m: Mover): string => `${m.surname} ${m.givenNames}`.trim();

function originText(residence: ResidenceData): string {
  const o = residence.intake.origin;
  if (o.kind === 'other_comune') return `Immigrazione dal comune ${o.fromComune}`;
  if (o.kind === 'abroad') return `Immigrazione dall'estero (${o.fromCountry})`;
  return 'Iscrizione';
}

/**
 * The registration changes the registry of record (DL 5/2012 art. 5 c.3: within 2 working days,
 * effective from the declaration): registry movers change household (new or joined) and their
 * previous position is kept for a negative outcome; movers from elsewhere are entered. Returns
 * the record with what was done and the resident rows to publish, in that order of the log.
 */
export async function applyResidenceRegistration(
  trx: Trx,
  record: CaseRecord,
  origin: { at: string; cause: RegistryEvent['cause'] } = { at: new Date().toISOString(), cause: null },
): Promise<{ record: CaseRecord; residents: HubResidentRow[] }> {
  const residence = record.residence;
  if (!residence || residence.registryApplied) return { record, residents: [] };
  const comune = record.state.comune;
  const intake = residence.intake;
  const protocol = record.state.protocol ? formatProtocolNumber(record.state.protocol.number) : '';
  const since = intake.declarationDate;

  let familyId: string;
  let family: RegistryFamily | null = null;
  if (intake.household.kind === 'join') {
    familyId = intake.household.familyId;
    const found = await trx
      .selectFrom('families')
      .select('id')
      .where('comune', '=', comune)
      .where('id', '=', familyId)
      .executeTakeFirst();
    if (!found) throw new AppError('case_family_not_found', { familyId });
  } else {
    familyId = caseFamilyId(record.state.id);
    // The locality of the street, as the registry already writes it for its other households.
    const sameStreet = await trx
      .selectFrom('families')
      .select('frazione')
      .where('comune', '=', comune)
      .where('street_type', '=', intake.address.streetType)
      .where('street_name', '=', intake.address.streetName)
      .limit(1)
      .executeTakeFirst();
    family = {
      id: familyId,
      streetType: intake.address.streetType,
      streetName: intake.address.streetName,
      houseNumber: intake.address.houseNumber.trim().toUpperCase(),
      interior: interiorText(intake.address),
      cap: intake.address.cap,
      frazione: sameStreet?.frazione ?? '',
      since,
    };
    const { id, since: familySince, ...address } = family;
    await trx
      .insertInto('families')
      .values(familyRow({ id, comune, address, since: familySince }))
      .execute();
  }

  const residents: HubResidentRow[] = [];
  const events: ResidentEvent[] = [];
  const previous: ResidenceData['previous'] = [];
  const created: string[] = [];
  for (const mover of intake.movers) {
    const relationship = mover.relationship ?? 'altro';
    if (mover.source === 'registry') {
      const row = await currentResident(trx, comune, mover.residentId);
      if (!row || row.status !== 'resident')
        throw new AppError('case_mover_not_resident', { name: nameOf(mover) });
      previous.push({ residentId: row.id, familyId: row.family_id, relationship: row.relationship });
      await trx
        .updateTable('residents')
        .set({ family_id: familyId, relationship })
        .where('comune', '=', comune)
        .where('id', '=', row.id)
        .execute();
      residents.push({ ...row, family_id: familyId, relationship });
      events.push({
        id: registryEventId(record.state.id, row.id, 'register'),
        residentId: row.id,
        kind: 'address_change',
        date: since,
        description: `Cambio di abitazione: ${addressText(intake.address)} (prot. ${protocol})`,
      });
      continue;
    }
    const cf = mover.codiceFiscale ?? '';
    if (cf.length !== 16) throw new AppError('case_cf_required', { name: nameOf(mover) });
    const taken = await trx
      .selectFrom('residents')
      .select('id')
      .where('comune', '=', comune)
      .where('codice_fiscale', '=', cf)
      .where('status', '=', 'resident')
      .executeTakeFirst();
    if (taken) throw new AppError('case_cf_taken', { codiceFiscale: cf });
    if (mover.sex === null || mover.civilStatus === null) {
      throw new AppError('case_intake_invalid', {
        reasons: 'incomplete',
        fields: 'movers',
        detail_it: `dati incompleti per ${nameOf(mover)}.`,
        detail_en: `incomplete data for ${nameOf(mover)}.`,
      });
    }
    const row: HubResidentRow = {
      id: uuidv7(),
      comune,
      codice_fiscale: cf,
      surname: mover.surname,
      given_names: mover.givenNames,
      sex: mover.sex,
      birth_date: mover.birthDate,
      birth_place_code: mover.birthPlaceCode,
      birth_place_name: mover.birthPlaceName.trim() || mover.birthPlaceCode,
      citizenship: mover.citizenship,
      civil_status: mover.civilStatus,
      status: 'resident',
      status_date: null,
      family_id: familyId,
      relationship,
      registered_on: since,
      phone: null,
      email: null,
      not_certifiable: 0,
      identity_card_kind: null,
      identity_card_number: null,
    };
    await trx.insertInto('residents').values(row).execute();
    residents.push(row);
    created.push(row.id);
    events.push({
      id: registryEventId(record.state.id, row.id, 'register'),
      residentId: row.id,
      kind: 'immigration',
      date: since,
      description: `${originText(residence)} (prot. ${protocol})`,
    });
  }
  if (events.length > 0) {
    await trx.insertInto('resident_events').values(events.map(eventRow)).execute();
  }
  // every service learns of the registry movers' new address in this same transaction
  const listen = serviceRegistryListener();
  for (const p of previous) {
    await listen(trx, {
      kind: 'moved',
      comune,
      residentId: p.residentId,
      familyId,
      street: { streetType: intake.address.streetType, streetName: intake.address.streetName },
      on: since,
      at: origin.at,
      cause: origin.cause,
    });
  }
  return {
    record: {
      ...record,
      residence: { ...residence, previous, familyId, createdResidents: created, registryApplied: true },
      registry: { family, events },
    },
    residents,
  };
}

/**
 * A negative outcome (or a withdrawal) restores the previous registry position (DOMAIN.md §3):
 * movers go back to their household and relationship; people entered by this case leave the
 * registry again. Returns what to publish: upserts, then deletions.
 */
export async function restoreResidence(
  trx: Trx,
  record: CaseRecord,
  on: string,
): Promise<{ record: CaseRecord; residents: HubResidentRow[]; deleted: string[] }> {
  const residence = record.residence;
  if (!residence || !residence.registryApplied || residence.registryRestored) {
    return { record, residents: [], deleted: [] };
  }
  const comune = record.state.comune;
  const protocol = record.state.protocol ? formatProtocolNumber(record.state.protocol.number) : '';
  const residents: HubResidentRow[] = [];
  const events: ResidentEvent[] = [];
  for (const p of residence.previous) {
    const row = await currentResident(trx, comune, p.residentId);
    if (!row) continue;
    await trx
      .updateTable('residents')
      .set({ family_id: p.familyId, relationship: p.relationship })
      .where('comune', '=', comune)
      .where('id', '=', p.residentId)
      .execute();
    residents.push({ ...row, family_id: p.familyId, relationship: p.relationship });
    events.push({
      id: registryEventId(record.state.id, p.residentId, 'restore'),
      residentId: p.residentId,
      kind: 'address_change',
      date: on,
      description: `Ripristino della posizione anagrafica precedente (prot. ${protocol})`,
    });
  }
  if (events.length > 0) {
    await trx.insertInto('resident_events').values(events.map(eventRow)).execute();
  }
  for (const id of residence.createdResidents) {
    await trx.deleteFrom('resident_events').where('resident_id', '=', id).execute();
    await trx.deleteFrom('residents').where('comune', '=', comune).where('id', '=', id).execute();
  }
  return {
    record: {
      ...record,
      residence: { ...residence, registryRestored: true },
      registry: {
        family: record.registry?.family ?? null,
        events: [...(record.registry?.events ?? []), ...events],
      },
    },
    residents,
    deleted: residence.createdResidents,
  };
}
