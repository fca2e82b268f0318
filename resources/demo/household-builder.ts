/**
 * Composes one synthetic household at a time: who lives together, ages, names, birthplaces,
 * citizenship, civil status and the dates the registry records (registration, union, moves,
 * death, emigration). The work is split by concern across the modules imported below; this
 * one only chooses the kind of household and makes it fit the space left in the comune.
 *
 * Every step draws from the one Prng in the context, in a fixed order: reordering calls, or
 * skipping a draw whose result goes unused, changes the whole registry for a given seed.
 *
 * Invariants the tests rely on:
 * - children (figlio) are 18–45 years younger than each parent in the household; a genitore or
 *   suocero is 18–45 years older than the head or the head's partner;
 * - coniuge ⇒ both coniugato (a deceased coniuge makes the head vedovo), unito_civilmente ⇒
 *   both unito_civilmente and the union is not older than the Cirinnà law;
 * - every date lies between the birth and the reference date, registration ≤ moves ≤ status.
 */
import { foreignHousehold } from './foreign-households';
import { scopeOf, type BuildContext, type HouseholdDraft, type Scope } from './household-draft';
import { italianHousehold } from './italian-households';
import { single } from './lone-residents';

export class HouseholdBuilder {
  private readonly scope: Scope;

  constructor(ctx: BuildContext) {
    this.scope = scopeOf(ctx);
  }

  /** A household of at most `maxSize` records; `foreign` picks a household of immigrants. */
  build(maxSize: number, foreign: boolean): HouseholdDraft {
    const s = this.scope;
    // Redrawing rather than cutting keeps household types in their shares; after 20 tries the
    // last household of a comune falls back to a single person, which always fits.
    for (let attempt = 0; attempt < 20; attempt++) {
      const h = foreign ? foreignHousehold(s) : italianHousehold(s);
      if (h.members.length <= maxSize) return h;
      const trimmed = trimChildren(h, maxSize);
      if (trimmed) return trimmed;
    }
    return single(s, false);
  }
}

/** Drops trailing children so the last household of a comune fits the requested count. */
function trimChildren(h: HouseholdDraft, maxSize: number): HouseholdDraft | null {
  const keep = h.members.filter((m, i) => i < maxSize || m.relationship !== 'figlio');
  // Partners are linked by index: only trailing members may go.
  if (keep.length > maxSize || keep.some((m, i) => m !== h.members[i])) return null;
  return { ...h, members: keep };
}
