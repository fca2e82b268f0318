import { basename } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { AppError } from '../../shared/errors/app-error';
import type { UpdatePlatform } from '../../shared/updates/platforms';
import {
  DEFAULT_ROLLOUT_POLICY,
  defaultSchedule,
  ringOfWorkstation,
  rolloutOf,
  type FailureFact,
  type ReleaseFacts,
  type RolloutPolicy,
  type RolloutStep,
} from '../../shared/updates/rollout';
import { compareVersions, deskVersionSchema } from '../../shared/updates/version';
import type { HubDatabase } from '../db/database';
import { storeArtefact, type ArtefactStore } from './artefact-store';
import { listRings } from './rings';
import type { UpdateFileRow, UpdateReleaseRow } from './update-tables';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

export interface PublishedRelease {
  facts: ReleaseFacts;
  id: string;
  notes: string;
  files: UpdateFileRow[];
}

const factsOf = (row: UpdateReleaseRow): ReleaseFacts => ({
  version: row.version,
  platform: row.platform as UpdatePlatform,
  publishedAt: row.published_at,
  schedule: JSON.parse(row.schedule) as RolloutStep[],
  haltedAt: row.halted_at,
  rolledBack: Number(row.rolled_back) === 1,
  advanced: JSON.parse(row.advanced) as { ring: string; at: string }[],
});

/** Every release of a platform with its files, newest version first. */
export async function loadReleases(db: Db, platform: UpdatePlatform): Promise<PublishedRelease[]> {
  const rows = await db.selectFrom('update_releases').selectAll().where('platform', '=', platform).execute();
  const files = await db.selectFrom('update_files').selectAll().where('platform', '=', platform).execute();
  return rows
    .map((row) => ({
      facts: factsOf(row),
      id: row.id,
      notes: row.notes,
      files: files.filter((f) => f.release_id === row.id).map((f) => ({ ...f, size: Number(f.size) })),
    }))
    .sort((a, b) => compareVersions(b.facts.version, a.facts.version));
}

/**
 * The failed installs that count towards a rollout's threshold: one per workstation whose latest
 * report says its last install failed, in the ring the hub places it in today.
 */
export async function loadFailures(db: Db): Promise<FailureFact[]> {
  const rows = await db
    .selectFrom('update_reports as r')
    .leftJoin('update_workstation_rings as w', 'w.workstation_id', 'r.workstation_id')
    .leftJoin('update_comune_rings as c', 'c.comune', 'r.comune')
    .select(['r.last_version', 'r.failed_at', 'w.ring as own', 'c.ring as comuneRing'])
    .where('r.last_outcome', '=', 'failed')
    .execute();
  const rings = (await listRings(db)).map((r) => r.name);
  return rows.flatMap((r) =>
    r.last_version && r.failed_at
      ? [{ version: r.last_version, at: r.failed_at, ring: ringOfWorkstation(r.own, r.comuneRing, rings) }]
      : [],
  );
}

export interface PublishInput {
  platform: UpdatePlatform;
  version: string;
  notes: string;
  installer: string;
  blockmap: string | null;
  /** default: every ring, pilot now, Casale after 2 days, partners after 5 */
  schedule?: RolloutStep[];
}

/**
 * `release publish`: the files go into the store first (content-addressed, so a failed publish
 * leaves at most an unreferenced file), then one transaction records the release and its files.
 * A version is published once per platform: a fix is a new version.
 */
export async function publishRelease(
  db: Kysely<HubDatabase>,
  store: ArtefactStore,
  input: PublishInput,
  now: Date,
): Promise<PublishedRelease> {
  const version = deskVersionSchema.parse(input.version);
  const installerName = basename(input.installer);
  if (!installerName.includes(version))
    // electron-updater finds the old blockmap by putting the old version into the new file's name
    throw new Error(`the installer's name must contain the version (${version}): ${installerName}`);
  const installer = await storeArtefact(store, input.installer);
  const blockmap = input.blockmap ? await storeArtefact(store, input.blockmap) : null;
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('update_releases')
      .select('id')
      .where('platform', '=', input.platform)
      .where('version', '=', version)
      .executeTakeFirst();
    if (exists) throw new AppError('update_release_already_published', { version, platform: input.platform });
    const rings = (await listRings(trx)).map((r) => r.name);
    await trx
      .insertInto('update_releases')
      .values({
        id,
        platform: input.platform,
        version,
        notes: input.notes,
        published_at: now.toISOString(),
        schedule: JSON.stringify(input.schedule ?? defaultSchedule(rings)),
        halted_at: null,
        rolled_back: 0,
        advanced: '[]',
      })
      .execute();
    const rows = [
      { role: 'installer', name: installerName, file: installer },
      ...(blockmap ? [{ role: 'blockmap', name: `${installerName}.blockmap`, file: blockmap }] : []),
    ];
    for (const r of rows) {
      await trx
        .deleteFrom('update_files')
        .where('platform', '=', input.platform)
        .where('file_name', '=', r.name)
        .execute();
      await trx
        .insertInto('update_files')
        .values({
          platform: input.platform,
          file_name: r.name,
          release_id: id,
          role: r.role,
          sha256: r.file.sha256,
          sha512: r.file.sha512,
          size: r.file.size,
        })
        .execute();
    }
  });
  const published = (await loadReleases(db, input.platform)).find((r) => r.id === id);
  if (!published) throw new Error('release vanished after publishing');
  return published;
}

async function findRelease(trx: Db, platform: UpdatePlatform, version: string): Promise<UpdateReleaseRow> {
  const row = await trx
    .selectFrom('update_releases')
    .selectAll()
    .where('platform', '=', platform)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('update_release_not_found', { version, platform });
  return row;
}

/** `release halt X`: offered to nobody from now; the desks already on it stay on it. */
export async function haltRelease(
  db: Kysely<HubDatabase>,
  platform: UpdatePlatform,
  version: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findRelease(trx, platform, version);
    if (row.halted_at) return;
    await trx
      .updateTable('update_releases')
      .set({ halted_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  });
}

/**
 * `release rollback`: the newest release still offered is halted and marked rolled back; the
 * feed then offers the one before to everybody, and tells the desks on the rolled-back version,
 * with a signed instruction, to go back. Returns the two versions.
 */
export async function rollbackRelease(
  db: Kysely<HubDatabase>,
  platform: UpdatePlatform,
  now: Date,
): Promise<{ from: string; to: string }> {
  return db.transaction().execute(async (trx) => {
    const releases = await loadReleases(trx, platform);
    const live = releases.filter((r) => r.facts.haltedAt === null);
    const [newest, previous] = live;
    if (!newest || !previous) throw new AppError('update_nothing_to_roll_back', { platform });
    await trx
      .updateTable('update_releases')
      .set({ halted_at: now.toISOString(), rolled_back: 1 })
      .where('id', '=', newest.id)
      .execute();
    return { from: newest.facts.version, to: previous.facts.version };
  });
}

/**
 * `release advance X`: opens the next ring that is still waiting, now. Refused when the rollout
 * stopped itself on failures (publish a fix instead) or already reaches every ring.
 */
export async function advanceRelease(
  db: Kysely<HubDatabase>,
  platform: UpdatePlatform,
  version: string,
  now: Date,
  policy: RolloutPolicy = DEFAULT_ROLLOUT_POLICY,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await findRelease(trx, platform, version);
    const facts = factsOf(row);
    const states = rolloutOf(facts, await loadFailures(trx), now, policy);
    const stopped = states.find((s) => s.state === 'stopped' || s.state === 'halted');
    if (stopped)
      throw new AppError('update_rollout_stopped', {
        version,
        reason: stopped.state === 'halted' ? 'halt' : `${stopped.failures} failures in ${stopped.ring}`,
      });
    const next = states.find((s) => s.state === 'waiting');
    if (!next) throw new AppError('update_rollout_complete', { version });
    await trx
      .updateTable('update_releases')
      .set({ advanced: JSON.stringify([...facts.advanced, { ring: next.ring, at: now.toISOString() }]) })
      .where('id', '=', row.id)
      .execute();
    return next.ring;
  });
}
