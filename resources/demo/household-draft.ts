/**
 * The intermediate shapes the household composers fill in. Dates are day numbers
 * (civil-date.ts) rather than ISO strings so the composers can do arithmetic on them; the
 * writer in generate-registry.ts turns drafts into domain records with ids and codici fiscali.
 */
import type {
  Address,
  CivilStatus,
  Comune,
  Relationship,
  ResidentStatus,
  Sex,
} from '../../shared/registry/model';
import type { Place } from './hand-data';
import type { Pools, StreetChoice } from './pools';
import type { Prng, WeightedPicker } from './prng';

export interface PersonDraft {
  surname: string;
  givenNames: string;
  sex: Sex;
  birth: number;
  birthPlace: Place;
  citizenship: string;
  civilStatus: CivilStatus;
  relationship: Relationship;
  status: ResidentStatus;
  statusDate: number | null;
  registeredOn: number;
  /** where the person came from when registered by immigration; null when registered at birth */
  arrivedFrom: Place | null;
  /** marriage or civil union with the member at index `partner` */
  unionDate: number | null;
  partner: number | null;
  /** where an emigrated person went */
  destination: Place | null;
  /** fixed demo people keep their ordinary codice fiscale */
  fixed: boolean;
}

export interface HouseholdDraft {
  members: PersonDraft[];
  address: Address;
  /** when the household settled at `address` */
  since: number;
  /** an earlier address in the same comune and the date of the move there */
  previous: { address: Address; date: number } | null;
}

export interface BuildContext {
  rng: Prng;
  pools: Pools;
  comune: Comune;
  isCasale: boolean;
  /** reference date (today, for the demo) as a day number */
  ref: number;
  /** Italian birthplaces for people born before 1960, 1960–79, from 1980 */
  birthplaces: WeightedPicker<Place>[];
  /** hand-written streets for a small comune; null for Casale (streets from the data) */
  smallStreets: WeightedPicker<StreetChoice> | null;
}

/**
 * What every composing step reads. One object passed first to each step, rather than a class
 * per concern, so the steps can live in separate modules yet share the single Prng stream:
 * the output is only reproducible if every draw happens on that stream in the same order.
 */
export interface Scope extends BuildContext {
  /** the comune being generated, as a birthplace or origin */
  own: Place;
}

export function scopeOf(ctx: BuildContext): Scope {
  return { ...ctx, own: { code: ctx.comune.belfiore, name: ctx.comune.name } };
}

/**
 * A person with the defaults of someone born and registered here, so callers only state how
 * they differ. Consumes no randomness: any draws belong to the caller's field expressions.
 */
export function draftPerson(
  s: Scope,
  p: Partial<PersonDraft> & Pick<PersonDraft, 'surname' | 'givenNames' | 'sex' | 'birth'>,
): PersonDraft {
  return {
    birthPlace: s.own,
    citizenship: 'IT',
    civilStatus: 'celibe_nubile',
    relationship: 'intestatario',
    status: 'resident',
    statusDate: null,
    registeredOn: p.birth,
    arrivedFrom: null,
    unionDate: null,
    partner: null,
    destination: null,
    fixed: false,
    ...p,
  };
}
