import type { Generated, Insertable, Selectable } from 'kysely';
import type { CivilStatus, Relationship, ResidentStatus, Sex } from '../../../../shared/registry/model';

export interface ResidentsTable {
  id: string;
  codice_fiscale: string;
  surname: string;
  given_names: string;
  /** normalizeName(surname): the search key (shared/registry/normalize-name.ts) */
  surname_norm: string;
  given_names_norm: string;
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
  not_certifiable: number;
  /** the comune's identity card: 'cie' | 'carta_identita', null when the registry holds none */
  identity_card_kind: Generated<string | null>;
  /** identityCardKey of its number (shared/registry/identity-card.ts): indexed, a search key */
  identity_card_number: Generated<string | null>;
}
export type ResidentRow = Selectable<ResidentsTable>;
export type NewResidentRow = Insertable<ResidentsTable>;
