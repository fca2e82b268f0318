/**
 * Deterministic demo registry (anagrafe) for Casale Monferrato and neighbouring comuni.
 *
 * Streams one household at a time so that a million residents never sit in memory together;
 * the only state kept across households is the set of codici fiscali already issued (omocodia
 * is how the Agenzia delle Entrate resolves a clash, DOMAIN §7.6, so a clash gets a variant).
 * The same options give byte-identical output: every draw comes from the seeded Prng and ids
 * are derived from it (deterministic-id.ts), never from the clock.
 *
 * `residents` counts records, whatever their status: the ~2% deceased and ~2% emigrated stay
 * on their family record, as in the registry's history.
 */
import type { IdentityCard } from '../../shared/registry/identity-card';
import type { Comune, Family, Resident, ResidentEvent } from '../../shared/registry/model';
import { civilFromDays, daysFromIso, isoFromDays } from './civil-date';
import { computeCodiceFiscale, omocodeVariant } from './codice-fiscale';
import { CASALE_BELFIORE } from './demo-comuni';
import { DeterministicIds } from './deterministic-id';
import { fixedCasaleHouseholds } from './fixed-people';
import { SMALL_COMUNE_FOREIGN_SHARE, type Place } from './hand-data';
import { HouseholdBuilder } from './household-builder';
import type { HouseholdDraft, PersonDraft } from './household-draft';
import { birthplacePickers, buildPools, smallComuneStreets } from './pools';
import { Prng } from './prng';
import { loadReferenceData } from './reference-data';

export { DEMO_COMUNI, defaultDemoPlan } from './demo-comuni';
export { DEMO_PEOPLE } from './fixed-people';

export interface GenerateOptions {
  seed: number;
  comuni: { comune: Comune; residents: number }[];
  /** ISO date the registry is "as of"; default '2026-11-01' */
  referenceDate?: string;
  /** folder with the reference TSVs; default: SPORTELLO_SHARED_DATA or shared/data beside the project */
  dataDir?: string;
}

export interface GeneratedHousehold {
  family: Family;
  members: Resident[];
  events: ResidentEvent[];
}

export const DEFAULT_REFERENCE_DATE = '2026-11-01';

/**
 * Share of residents given an omocodic code although nobody here holds the ordinary one (their
 * namesake lives elsewhere); genuine clashes inside the output add to it.
 */
const RANDOM_OMOCODIA = 0.005;

export function* generateRegistry(opts: GenerateOptions): Generator<GeneratedHousehold> {
  if (!Number.isFinite(opts.seed)) throw new Error(`generateRegistry: seed must be a finite number`);
  for (const { comune, residents } of opts.comuni) {
    if (!Number.isInteger(residents) || residents < 0) {
      throw new Error(`generateRegistry: residents for ${comune.name} must be a non-negative integer`);
    }
  }
  const ref = daysFromIso(opts.referenceDate ?? DEFAULT_REFERENCE_DATE);
  const pools = buildPools(loadReferenceData(opts.dataDir));
  const rng = new Prng(opts.seed);
  // Ids from their own stream: the data drawn does not depend on how many ids were made.
  const ids = new DeterministicIds(new Prng(opts.seed + 0x51d), ref * 86_400_000);
  const issued = new Set<string>();
  const cards = new Set<string>();
  const fixed = fixedCasaleHouseholds().filter((h) => latestDate(h) <= ref);
  // Reserve the fixed people's codes so that nobody generated before them can take them.
  for (const h of fixed) for (const p of h.members) issued.add(baseCode(p));
  let fixedPending = opts.comuni.some((c) => c.comune.belfiore === CASALE_BELFIORE);

  for (const { comune, residents } of opts.comuni) {
    const isCasale = comune.belfiore === CASALE_BELFIORE;
    const builder = new HouseholdBuilder({
      rng,
      pools,
      comune,
      isCasale,
      ref,
      birthplaces: birthplacePickers(pools, comune),
      smallStreets: isCasale ? null : smallComuneStreets(comune),
    });
    const writer = new HouseholdWriter(comune, ids, rng, issued, ref, cards);
    let remaining = residents;
    if (isCasale && fixedPending) {
      fixedPending = false;
      for (const h of fixed) {
        if (h.members.length > remaining) continue;
        remaining -= h.members.length;
        yield writer.write(h);
      }
    }
    // Feedback towards the target share keeps small comuni close to it too.
    const target = isCasale ? pools.casaleForeignShare : SMALL_COMUNE_FOREIGN_SHARE;
    let written = 0;
    let foreignCitizens = 0;
    while (remaining > 0) {
      const deficit = target * written - foreignCitizens;
      const pForeign = Math.min(Math.max(0.075 + deficit * 0.02, 0), 0.6);
      const draft = builder.build(remaining, rng.chance(pForeign));
      const out = writer.write(draft);
      remaining -= out.members.length;
      written += out.members.length;
      for (const m of out.members) if (m.citizenship !== 'IT') foreignCitizens++;
      yield out;
    }
  }
}

function latestDate(h: HouseholdDraft): number {
  let latest = h.since;
  for (const p of h.members) latest = Math.max(latest, p.birth, p.registeredOn, p.unionDate ?? -Infinity);
  return latest;
}

function baseCode(p: PersonDraft): string {
  const { year, month, day } = civilFromDays(p.birth);
  return computeCodiceFiscale({
    surname: p.surname,
    givenNames: p.givenNames,
    sex: p.sex,
    birthYear: year,
    birthMonth: month,
    birthDay: day,
    placeCode: p.birthPlace.code,
  });
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** FNV-1a, 32 bits: a stable spread of a string (not a secret, not a random draw). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const placeLabel = (p: Place): string => `${p.name} (${p.code})`;
const isAbroad = (p: Place): boolean => p.code.startsWith('Z');

function formatAddress(a: HouseholdDraft['address']): string {
  const interior = a.interior ? `, ${a.interior}` : '';
  const frazione = a.frazione && a.streetType !== 'Frazione' ? ` (fraz. ${a.frazione})` : '';
  return `${a.streetType} ${a.streetName} ${a.houseNumber}${interior}${frazione}`;
}

interface EventDraft {
  date: number;
  kind: ResidentEvent['kind'];
  description: string;
}

/** Turns drafts into domain records: ids, codici fiscali, ISO dates, event history. */
class HouseholdWriter {
  constructor(
    private readonly comune: Comune,
    private readonly ids: DeterministicIds,
    private readonly rng: Prng,
    private readonly issued: Set<string>,
    private readonly ref: number,
    private readonly cards: Set<string>,
  ) {}

  write(h: HouseholdDraft): GeneratedHousehold {
    const familyId = this.ids.next();
    const family: Family = {
      id: familyId,
      comune: this.comune.belfiore,
      address: h.address,
      since: isoFromDays(h.since),
    };
    const members: Resident[] = [];
    const events: ResidentEvent[] = [];
    for (const p of h.members) {
      const id = this.ids.next();
      const codiceFiscale = this.codiceFiscale(p);
      members.push({
        id,
        comune: this.comune.belfiore,
        codiceFiscale,
        surname: p.surname,
        givenNames: p.givenNames,
        sex: p.sex,
        birthDate: isoFromDays(p.birth),
        birthPlaceCode: p.birthPlace.code,
        birthPlaceName: p.birthPlace.name,
        citizenship: p.citizenship,
        civilStatus: p.civilStatus,
        status: p.status,
        statusDate: p.statusDate === null ? null : isoFromDays(p.statusDate),
        familyId,
        relationship: p.relationship,
        registeredOn: isoFromDays(p.registeredOn),
        identityCard: p.status === 'resident' ? this.identityCard(codiceFiscale) : null,
      });
      for (const e of this.history(p, h)) {
        events.push({
          id: this.ids.next(),
          residentId: id,
          kind: e.kind,
          date: isoFromDays(e.date),
          description: e.description,
        });
      }
    }
    return { family, members, events };
  }

  private codiceFiscale(p: PersonDraft): string {
    const base = baseCode(p);
    if (p.fixed) return base; // reserved up front, always the ordinary code
    let omocode = this.rng.chance(RANDOM_OMOCODIA) ? (this.rng.chance(0.85) ? 1 : 2 + this.rng.int(2)) : 0;
    let cf = omocode === 0 ? base : omocodeVariant(base, omocode);
    while (this.issued.has(cf)) {
      omocode++;
      if (omocode > 127) throw new Error(`No free omocodic variant left for ${base}`);
      cf = omocodeVariant(base, omocode);
    }
    this.issued.add(cf);
    return cf;
  }

  /**
   * The identity card this comune issued, drawn from the codice fiscale rather than the seeded
   * stream so that the rest of the registry stays byte-identical to what it was without cards:
   * about 3 in 4 hold a CIE, 1 in 10 a paper card still valid, the others none recorded here.
   * Numbers are unique, as the Poligrafico issues them.
   */
  private identityCard(codiceFiscale: string): IdentityCard | null {
    let h = fnv1a(codiceFiscale);
    const share = h % 100;
    if (share >= 85) return null;
    const kind: IdentityCard['kind'] = share < 75 ? 'cie' : 'carta_identita';
    for (;;) {
      h = fnv1a(`${h}`);
      const letters = (n: number): string => LETTERS[n % 26]! + LETTERS[Math.floor(n / 26) % 26]!;
      const number =
        kind === 'cie'
          ? `C${LETTERS[h % 26]!}${String(Math.floor(h / 26) % 100_000).padStart(5, '0')}${letters(Math.floor(h / 2_600_000))}`
          : `A${LETTERS[h % 26]!}${String(Math.floor(h / 26) % 10_000_000).padStart(7, '0')}`;
      if (!this.cards.has(number)) {
        this.cards.add(number);
        return { kind, number };
      }
    }
  }

  /** The person's events in date order: registration, union, moves, then death or emigration. */
  private history(p: PersonDraft, h: HouseholdDraft): EventDraft[] {
    const out: EventDraft[] = [];
    if (p.arrivedFrom === null) {
      out.push({ date: p.birth, kind: 'birth', description: `Nascita a ${placeLabel(p.birthPlace)}` });
    } else {
      const from = isAbroad(p.arrivedFrom)
        ? `Immigrazione dall'estero: ${placeLabel(p.arrivedFrom)}`
        : `Immigrazione da ${placeLabel(p.arrivedFrom)}`;
      out.push({ date: p.registeredOn, kind: 'immigration', description: from });
    }
    const end = p.statusDate ?? this.ref;
    if (p.unionDate !== null && p.partner !== null && p.unionDate >= p.registeredOn && p.unionDate <= end) {
      const partner = h.members[p.partner];
      if (partner) {
        const what = p.relationship === 'unito_civilmente' || partner.relationship === 'unito_civilmente';
        out.push({
          date: p.unionDate,
          kind: 'marriage',
          description: `${what ? 'Unione civile' : 'Matrimonio'} con ${partner.givenNames} ${partner.surname}`,
        });
      }
    }
    if (h.previous && p.registeredOn < h.previous.date && h.previous.date <= end) {
      out.push({
        date: h.previous.date,
        kind: 'address_change',
        description: `Cambio di abitazione: ${formatAddress(h.previous.address)}`,
      });
    }
    if (p.registeredOn < h.since && h.since <= end) {
      out.push({
        date: h.since,
        kind: 'address_change',
        description: `Cambio di abitazione: ${formatAddress(h.address)}`,
      });
    }
    if (p.status === 'deceased' && p.statusDate !== null) {
      out.push({ date: p.statusDate, kind: 'death', description: 'Decesso' });
    } else if (p.status === 'emigrated' && p.statusDate !== null) {
      const to = p.destination;
      const where = !to
        ? 'Emigrazione'
        : isAbroad(to)
          ? `Emigrazione all'estero: ${placeLabel(to)}`
          : `Emigrazione a ${placeLabel(to)}`;
      out.push({ date: p.statusDate, kind: 'emigration', description: where });
    }
    // Few items, nearly sorted already: a stable insertion sort by date.
    for (let i = 1; i < out.length; i++) {
      const e = out[i];
      if (!e) continue;
      let j = i - 1;
      while (j >= 0 && (out[j]?.date ?? 0) > e.date) {
        out[j + 1] = out[j] as EventDraft;
        j--;
      }
      out[j + 1] = e;
    }
    return out;
  }
}
