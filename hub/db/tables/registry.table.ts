import type { Generated, Selectable } from 'kysely';
import type {
  CivilStatus,
  Relationship,
  ResidentEventKind,
  ResidentStatus,
  Sex,
} from '../../../shared/registry/model';
import type { IdentityCardKind } from '../../../shared/registry/identity-card';

/** The registry of record: one partition per comune (column `comune`). */
export interface FamiliesTable {
  id: string;
  comune: string;
  street_type: string;
  street_name: string;
  house_number: string;
  interior: string;
  cap: string;
  frazione: string;
  since: string;
}

export interface ResidentsTable {
  id: string;
  comune: string;
  codice_fiscale: string;
  surname: string;
  given_names: string;
  sex: Sex;
  birth_date: string;
  birth_place_code: string;
  birth_place_name: string;
  citizenship: string;
  civil_status: CivilStatus;
  status: ResidentStatus;
  status_date: string | null;
  family_id: string;
  relationship: Relationship;
  registered_on: string;
  phone: string | null;
  email: string | null;
  /** 0/1: the comune marked the record as not certifiable (DOMAIN.md §1.2) */
  not_certifiable: Generated<number>;
  /** the comune's identity card (shared/registry/identity-card.ts), null when none is recorded */
  identity_card_kind: IdentityCardKind | null;
  identity_card_number: string | null;
}

export interface ResidentEventsTable {
  id: string;
  resident_id: string;
  kind: ResidentEventKind;
  date: string;
  description: string;
}

export type HubFamilyRow = Selectable<FamiliesTable>;
export type HubResidentRow = Selectable<ResidentsTable>;
export type HubResidentEventRow = Selectable<ResidentEventsTable>;
