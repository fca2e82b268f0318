import type { Kysely } from 'kysely';
import type { UpdatePlatform } from '../../../shared/updates/platforms';
import {
  UPDATE_REPORT_PATH,
  updateReportSchema,
  type UpdateReport,
} from '../../../shared/updates/update-wire';
import { z } from 'zod';
import type { DeskContext } from '../context';
import type { Database } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';

const LAST_RESULT_KEY = 'updates.last_result';
/** a report that says nothing new is sent again at most this often (the admin's "last seen") */
const RESEND_MS = 3_600_000;

export const platformOfProcess = (platform: NodeJS.Platform = process.platform): UpdatePlatform =>
  platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : 'linux';

type LastResult = NonNullable<UpdateReport['lastResult']>;

/** The updater (electron/main/updater.ts) records what its last attempt did; kept across restarts. */
export async function recordUpdateResult(db: Kysely<Database>, result: LastResult): Promise<void> {
  await setMeta(db, LAST_RESULT_KEY, JSON.stringify(result));
}

async function lastResult(db: Kysely<Database>): Promise<LastResult | null> {
  const raw = await getMeta(db, LAST_RESULT_KEY);
  if (!raw) return null;
  const parsed = updateReportSchema.shape.lastResult.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

const sent = new WeakMap<DeskContext, { what: string; at: number }>();

/**
 * At sync: the version this desk runs, its channel and its last update result, to the hub —
 * when something changed, else once an hour. Best effort: a hub without the route or away now
 * hears it at a later round; the counter's sync never waits on it.
 */
export async function reportUpdates(ctx: DeskContext, channel = 'latest'): Promise<void> {
  const report: UpdateReport = {
    version: ctx.config.version,
    platform: platformOfProcess(),
    channel,
    lastResult: await lastResult(ctx.db),
  };
  const what = JSON.stringify(report);
  const before = sent.get(ctx);
  const now = ctx.now().getTime();
  if (before && before.what === what && now - before.at < RESEND_MS) return;
  // a development build's version ("0.0.0-dev") is no release: nothing to report
  if (!updateReportSchema.safeParse(report).success) return;
  try {
    await ctx.hub.call(
      UPDATE_REPORT_PATH,
      { method: 'POST', body: report, retry: false },
      z.object({ ring: z.string() }),
    );
    sent.set(ctx, { what, at: now });
  } catch {
    // sent again after the next pull
  }
}

const INSTALLING_KEY = 'updates.installing';

/** The updater is about to hand over to the installer of `version`. */
export async function markInstalling(db: Kysely<Database>, version: string): Promise<void> {
  await setMeta(db, INSTALLING_KEY, version);
}

/**
 * At start: how the last hand-over to an installer ended. Running the version it installed means
 * it worked; still running another means it failed (an installer that stopped, a UAC prompt
 * refused) — what counts towards the rollout's failure threshold at the hub.
 */
export async function settleInstallAttempt(db: Kysely<Database>, current: string, now: Date): Promise<void> {
  const version = await getMeta(db, INSTALLING_KEY);
  if (!version) return;
  await recordUpdateResult(
    db,
    version === current
      ? { version, outcome: 'installed', at: now.toISOString() }
      : {
          version,
          outcome: 'failed',
          at: now.toISOString(),
          message: `installazione non completata: in uso la ${current}`,
        },
  );
  await db.deleteFrom('meta').where('key', '=', INSTALLING_KEY).execute();
}

/** What decides whether the desk may install now: a clerk at the counter, work not at the hub. */
export async function counterState(
  ctx: DeskContext,
): Promise<{ counterSessionOpen: boolean; unsyncedMutations: number }> {
  const row = await ctx.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { counterSessionOpen: ctx.state.session !== null, unsyncedMutations: Number(row.n) };
}
