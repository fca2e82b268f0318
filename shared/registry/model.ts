/**
 * The registry (anagrafe) as the domain sees it. Hub and desk store it in their own tables
 * and map rows to these types explicitly; the demo generator produces them.
 */

import type { IdentityCard } from './identity-card';

export type Sex = 'M' | 'F';

/** Position in the registry (DPR 223/1989): only `resident` records are current residents. */
export type ResidentStatus = 'resident' | 'deceased' | 'emigrated';

export type CivilStatus = 'celibe_nubile' | 'coniugato' | 'vedovo' | 'divorziato' | 'unito_civilmente';

/** Relationship to the head of household (intestatario scheda), as printed on stato di famiglia. */
export type Relationship =
  | 'intestatario'
  | 'coniuge'
  | 'unito_civilmente'
  | 'convivente'
  | 'figlio'
  | 'genitore'
  | 'fratello_sorella'
  | 'nipote'
  | 'suocero'
  | 'altro';

export interface Comune {
  /** Belfiore (cadastral) code, e.g. B885 for Casale Monferrato. */
  belfiore: string;
  istat: string;
  name: string;
  province: string;
  cap: string;
}

export interface Address {
  /** e.g. "Via", "Corso", "Piazza" */
  streetType: string;
  streetName: string;
  houseNumber: string;
  /** interno / scala / piano, free-form, empty when none */
  interior: string;
  cap: string;
  /** frazione or locality, empty for the town centre */
  frazione: string;
}

export interface Family {
  id: string;
  comune: string;
  address: Address;
  /** ISO date the household was formed at this address */
  since: string;
}

export interface Resident {
  id: string;
  comune: string;
  codiceFiscale: string;
  surname: string;
  givenNames: string;
  sex: Sex;
  /** ISO date YYYY-MM-DD (a calendar date of law, not a timestamp) */
  birthDate: string;
  /** Belfiore code of the comune of birth, or Z + 3 digits for a foreign country */
  birthPlaceCode: string;
  birthPlaceName: string;
  /** ISO 3166-1 alpha-2 citizenship, e.g. IT, AL, RO, MA */
  citizenship: string;
  civilStatus: CivilStatus;
  status: ResidentStatus;
  /** ISO date of death or emigration; null while resident */
  statusDate: string | null;
  familyId: string;
  relationship: Relationship;
  /** ISO date of registration in this comune's registry (birth or immigration) */
  registeredOn: string;
  /** the identity card the comune issued, when its registry office holds one */
  identityCard?: IdentityCard | null;
}

export type ResidentEventKind =
  'birth' | 'immigration' | 'address_change' | 'marriage' | 'emigration' | 'death';

export interface ResidentEvent {
  id: string;
  residentId: string;
  kind: ResidentEventKind;
  date: string;
  /** short human description in Italian, e.g. "Immigrazione da Torino (L219)" */
  description: string;
}
