import type { Selectable, Insertable } from 'kysely';

export interface FamiliesTable {
  id: string;
  street_type: string;
  street_name: string;
  house_number: string;
  interior: string;
  cap: string;
  frazione: string;
  since: string;
  /** streetKey(street_type, street_name): the address search key (shared/registry/search-query.ts) */
  street_norm: string;
}
export type FamilyRow = Selectable<FamiliesTable>;
export type NewFamilyRow = Insertable<FamiliesTable>;
