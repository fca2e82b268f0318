import type { IsoDate } from '../calendar/iso-date';
import type { Address, Family, Relationship, Resident } from '../registry/model';

/**
 * What the certificate rules read from the registry. Resident-like rather than `Resident`, so the
 * desk can pass its rows and tests can pass literals; no I/O happens here.
 */

/**
 * The certificate holder (or a member of the household): the registry record, plus the comune's
 * mark that the record is not certifiable (DOMAIN.md §1.2: "If the comune has marked the record
 * as only partly certifiable, or a procedure is open on it"), which blocks every certificate on
 * it until the mark is lifted.
 */
export type RegistryPerson = Pick<
  Resident,
  | 'id'
  | 'comune'
  | 'codiceFiscale'
  | 'surname'
  | 'givenNames'
  | 'sex'
  | 'birthDate'
  | 'birthPlaceCode'
  | 'birthPlaceName'
  | 'citizenship'
  | 'civilStatus'
  | 'status'
  | 'statusDate'
  | 'familyId'
  | 'relationship'
> & {
  notCertifiable?: boolean;
};

/** The household (famiglia anagrafica) of the holder today: the family record and its members. */
export interface Household {
  family: Pick<Family, 'id' | 'comune' | 'address'>;
  /** the registry records with this familyId; the holder among them; non-resident ones are ignored */
  members: readonly RegistryPerson[];
}

/** Person data printed about a member of a household, now or in the past. */
export type PersonData = Pick<
  Resident,
  'id' | 'codiceFiscale' | 'surname' | 'givenNames' | 'sex' | 'birthDate' | 'birthPlaceName'
> & { notCertifiable?: boolean };

/**
 * One period of the holder's residence in this comune. `to` is the LAST day at that address
 * (inclusive), null while current. For a record cancelled by emigration or death, the last
 * period ends on the cancellation date (`statusDate`), the day "they left" (DOMAIN.md §1.2).
 * Residences in other comuni are not in this register and cannot be certified here.
 */
export interface ResidencePeriod {
  familyId: string;
  address: Address;
  from: IsoDate;
  to: IsoDate | null;
}

/** One person's membership of a household over a period (`to` inclusive, null while current). */
export interface HouseholdMembershipPeriod {
  familyId: string;
  person: PersonData;
  relationship: Relationship;
  from: IsoDate;
  to: IsoDate | null;
}

/** The holder's registry history, needed only for storici. */
export interface RegistryHistory {
  residences: readonly ResidencePeriod[];
  memberships: readonly HouseholdMembershipPeriod[];
}
