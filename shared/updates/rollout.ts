import type { UpdatePlatform } from './platforms';
import type { UpdateRing } from './update-ring';
import { compareVersions } from './version';

const DAY_MS = 86_400_000;

/** One step of a rollout: the ring receives the release `afterDays` after its publication. */
export interface RolloutStep {
  ring: UpdateRing;
  afterDays: number;
}

/** What the hub knows of one published release, as the ring logic needs it. */
export interface ReleaseFacts {
  version: string;
  platform: UpdatePlatform;
  /** hub instant (ISO) */
  publishedAt: string;
  /** in ring order; a ring missing here follows the last step */
  schedule: readonly RolloutStep[];
  /** `release halt`: offered to nobody from this instant */
  haltedAt: string | null;
  /** `release rollback`: halted, and the desks already on it are told to go back */
  rolledBack: boolean;
  /** `release advance`: rings IT opened before their time */
  advanced: readonly { ring: UpdateRing; at: string }[];
}

/** One workstation whose latest report says installing `version` failed (hub instant `at`). */
export interface FailureFact {
  version: string;
  ring: UpdateRing;
  at: string;
}

export interface RolloutPolicy {
  /** failed installs in one ring that stop the rollout there (and keep later rings closed) */
  failureThreshold: number;
}

export const DEFAULT_ROLLOUT_POLICY: RolloutPolicy = { failureThreshold: 3 };

/**
 * The default schedule: pilot (IT's own PCs) at once, Casale after 2 days without a failure
 * report, the partner comuni after 5; a ring IT added later comes 3 days after the one before.
 */
export function defaultSchedule(rings: readonly UpdateRing[]): RolloutStep[] {
  const known: Record<string, number> = { pilot: 0, casale: 2, partners: 5 };
  let last = -3;
  return rings.map((ring) => {
    const afterDays = Math.max(known[ring] ?? last + 3, last);
    last = afterDays;
    return { ring, afterDays };
  });
}

export type RingState = 'open' | 'waiting' | 'stopped' | 'halted';

export interface RingRollout {
  ring: UpdateRing;
  state: RingState;
  /** when the ring opened or will open (ISO); null when it will not open by itself */
  opensAt: string | null;
  failures: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Where one release stands in each ring at `now` — a pure function of the hub's clock and the
 * reports, so the rollout advances without a job and two hub instances agree.
 *
 * - Ring k opens `afterDays` after publication, but only after `afterDays − afterDays(k−1)` days
 *   without a failure report in the rings before it ("Casale after 2 days without a failure").
 * - IT may open a ring early (`release advance`); the rings before it count as open too.
 * - When failed installs in a ring reach the threshold, the rollout stops there: that ring is
 *   no longer offered the release and no later ring opens, whatever the clock says.
 * - A halted or rolled-back release is offered to nobody.
 */
export function rolloutOf(
  release: ReleaseFacts,
  failures: readonly FailureFact[],
  now: Date,
  policy: RolloutPolicy = DEFAULT_ROLLOUT_POLICY,
): RingRollout[] {
  const t = now.getTime();
  const mine = failures.filter((f) => f.version === release.version);
  const published = Date.parse(release.publishedAt);
  const out: RingRollout[] = [];
  let stoppedBefore = false;
  let previousOpensAt = published;
  release.schedule.forEach((step, i) => {
    const ringFailures = mine.filter((f) => f.ring === step.ring && Date.parse(f.at) <= t);
    if (release.haltedAt !== null && Date.parse(release.haltedAt) <= t) {
      out.push({ ring: step.ring, state: 'halted', opensAt: null, failures: ringFailures.length });
      return;
    }
    const manual = release.advanced.find((a) => a.ring === step.ring && Date.parse(a.at) <= t);
    let opensAt = published + step.afterDays * DAY_MS;
    if (i > 0) {
      const gap = (step.afterDays - (release.schedule[i - 1]?.afterDays ?? 0)) * DAY_MS;
      const earlier = new Set(release.schedule.slice(0, i).map((s) => s.ring));
      const lastFailure = Math.max(
        -Infinity,
        ...mine.filter((f) => earlier.has(f.ring) && Date.parse(f.at) <= t).map((f) => Date.parse(f.at)),
      );
      opensAt = Math.max(opensAt, previousOpensAt, lastFailure + gap);
    }
    // IT's `release advance` opens the next ring now, whatever the clock and the quiet period say
    if (manual) opensAt = Math.min(opensAt, Date.parse(manual.at));
    previousOpensAt = opensAt;
    const open = opensAt <= t;
    if (stoppedBefore) {
      out.push({ ring: step.ring, state: 'stopped', opensAt: null, failures: ringFailures.length });
      return;
    }
    if (ringFailures.length >= policy.failureThreshold) {
      stoppedBefore = true;
      out.push({ ring: step.ring, state: 'stopped', opensAt: null, failures: ringFailures.length });
      return;
    }
    out.push({
      ring: step.ring,
      state: open ? 'open' : 'waiting',
      opensAt: iso(opensAt),
      failures: ringFailures.length,
    });
  });
  return out;
}

/** The state of `ring` for a release; a ring its schedule does not name follows the last step. */
export function ringRollout(
  release: ReleaseFacts,
  ring: UpdateRing,
  failures: readonly FailureFact[],
  now: Date,
  policy: RolloutPolicy = DEFAULT_ROLLOUT_POLICY,
): RingRollout {
  const all = rolloutOf(release, failures, now, policy);
  const own = all.find((r) => r.ring === ring) ?? all[all.length - 1];
  return own ? { ...own, ring } : { ring, state: 'waiting', opensAt: null, failures: 0 };
}

/** A rollback: the desks on `from` are told, with the hub's signature, to go back to `to`. */
export interface DowngradeOffer {
  from: string;
  to: string;
}

export interface RingOffer {
  /** the newest release open to the ring; null only when no release was ever open to it */
  release: ReleaseFacts | null;
  downgrade: DowngradeOffer | null;
}

/**
 * What a workstation of `ring`, running `current` (null when unknown), is offered: the newest
 * release open to its ring, whatever it runs — a desk left behind for months still gets its
 * ring's current version, never nothing. A lower version than it runs is offered as a downgrade
 * only when what it runs was rolled back.
 */
export function offerFor(
  releases: readonly ReleaseFacts[],
  ring: UpdateRing,
  current: string | null,
  failures: readonly FailureFact[],
  now: Date,
  policy: RolloutPolicy = DEFAULT_ROLLOUT_POLICY,
): RingOffer {
  const open = releases
    .filter((r) => ringRollout(r, ring, failures, now, policy).state === 'open')
    .sort((a, b) => compareVersions(b.version, a.version));
  const release = open[0] ?? null;
  if (!release || current === null || compareVersions(current, release.version) <= 0)
    return { release, downgrade: null };
  const running = releases.find((r) => r.version === current);
  const rolledBack = running?.rolledBack === true && running.haltedAt !== null;
  return { release, downgrade: rolledBack ? { from: current, to: release.version } : null };
}

/** The ring a workstation is in: IT's own choice for it, else its comune's, else the last ring. */
export function ringOfWorkstation(
  override: UpdateRing | null,
  comuneRing: UpdateRing | null,
  rings: readonly UpdateRing[],
): UpdateRing {
  if (override && rings.includes(override)) return override;
  if (comuneRing && rings.includes(comuneRing)) return comuneRing;
  // a comune nobody placed gets releases last: never untested software first
  return rings[rings.length - 1] ?? 'pilot';
}
