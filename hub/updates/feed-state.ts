import type { Kysely } from 'kysely';
import type { UpdatePlatform } from '../../shared/updates/platforms';
import { UPDATE_PLATFORMS } from '../../shared/updates/platforms';
import type { FailureFact } from '../../shared/updates/rollout';
import type { HubDatabase } from '../db/database';
import { loadFailures, loadReleases, type PublishedRelease } from './releases';
import { listRings, type RingRow } from './rings';

/** What every feed answer is computed from: small tables, read together. */
export interface FeedState {
  rings: RingRow[];
  comuneRings: Map<string, string>;
  ownRings: Map<string, string>;
  releases: Record<UpdatePlatform, PublishedRelease[]>;
  failures: FailureFact[];
  reportedVersions: Map<string, string>;
}

async function loadFeedState(db: Kysely<HubDatabase>): Promise<FeedState> {
  const [rings, comune, own, failures, reports, ...perPlatform] = await Promise.all([
    listRings(db),
    db.selectFrom('update_comune_rings').selectAll().execute(),
    db.selectFrom('update_workstation_rings').select(['workstation_id', 'ring']).execute(),
    loadFailures(db),
    db.selectFrom('update_reports').select(['workstation_id', 'version']).execute(),
    ...UPDATE_PLATFORMS.map((p) => loadReleases(db, p)),
  ]);
  const releases = Object.fromEntries(UPDATE_PLATFORMS.map((p, i) => [p, perPlatform[i] ?? []])) as Record<
    UpdatePlatform,
    PublishedRelease[]
  >;
  return {
    rings,
    comuneRings: new Map(comune.map((r) => [r.comune, r.ring])),
    ownRings: new Map(own.map((r) => [r.workstation_id, r.ring])),
    releases,
    failures,
    reportedVersions: new Map(reports.map((r) => [r.workstation_id, r.version])),
  };
}

/**
 * The feed state, read again at most every `ttlMs` (and at once after a report from this hub
 * changed it). 200 desks asking at 8:00 cost one read of these tables, not 200; a `release
 * halt` from the CLI (another process) or another hub instance is seen within `ttlMs`.
 */
export class FeedStateCache {
  private current: { state: FeedState; at: number } | null = null;
  private loading: Promise<FeedState> | null = null;

  constructor(
    private readonly db: Kysely<HubDatabase>,
    private readonly ttlMs = 2_000,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  async get(): Promise<FeedState> {
    if (this.current && this.clock() - this.current.at < this.ttlMs) return this.current.state;
    if (!this.loading) {
      const started = this.clock();
      this.loading = loadFeedState(this.db)
        .then((state) => {
          this.current = { state, at: started };
          return state;
        })
        .finally(() => {
          this.loading = null;
        });
    }
    return this.loading;
  }

  invalidate(): void {
    this.current = null;
  }
}
