import type { SyncStatus } from '../../../shared/contract/views';
import { AppError } from '../../../shared/errors/app-error';
import type { DeskContext, SyncControl } from '../context';
import { getMeta } from '../db/meta-repository';
import { countResidents } from '../registry/registry-repository';
import { applyChanges, CURSOR_KEY } from './apply-changes';
import { backfillEntities } from './backfill-entities';
import { BOOTSTRAP_PAGE_FAMILIES, bootstrapRegistry } from './bootstrap';
import { beforePush } from '../services/merge';
import { pushOutboxOnce } from './push-outbox';
import { reportQuarantined, retryQuarantined } from './quarantine';
import { shipAuditRows } from '../audit/ship-audit';
import { clearMirror, wipePersonalData } from './wipe';
import { reportUpdates } from '../updates/update-report';

export interface SyncEngineOptions {
  /** long-poll wait for changes; a change at another counter arrives as soon as it is committed */
  pollWaitMs?: number;
  pushBatch?: number;
  pullPage?: number;
  /** households per bootstrap page */
  bootstrapPage?: number;
  maxBackoffMs?: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    // The listener goes with the timer: a desk offline for days sleeps thousands of times.
    const wake = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', wake);
      resolve();
    };
    const t = setTimeout(wake, ms);
    signal.addEventListener('abort', wake, { once: true });
  });

/**
 * Offline-first sync: a push loop draining the outbox and a pull loop following the comune's
 * change log (long poll). Both retry with backoff forever, survive restarts (outbox and cursor
 * live in SQLite) and never hold the database while waiting on the network.
 */
export class SyncEngine implements SyncControl {
  private running = false;
  private abort = new AbortController();
  private loops: Promise<void> | null = null;
  private wakePush: (() => void) | null = null;
  /** set-aside changes are tried again once per run: a new release may know their kind */
  private retriedQuarantine = false;
  private readonly opts: Required<SyncEngineOptions>;

  constructor(
    private readonly ctx: DeskContext,
    opts: SyncEngineOptions = {},
  ) {
    this.opts = {
      pollWaitMs: 20_000,
      pushBatch: 200,
      pullPage: 1000,
      bootstrapPage: BOOTSTRAP_PAGE_FAMILIES,
      maxBackoffMs: 5_000,
      ...opts,
    };
  }

  /** the first retry waits 200 ms, or less when `maxBackoffMs` says so */
  private firstBackoff(): number {
    return Math.min(200, this.opts.maxBackoffMs);
  }

  nudge(): void {
    this.wakePush?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.loops = Promise.all([this.pullLoop(), this.pushLoop()]).then(() => undefined);
  }

  async stop(): Promise<void> {
    this.running = false;
    const abort = this.abort;
    const loops = this.loops;
    abort.abort();
    this.wakePush?.();
    await loops;
    // A start() while we waited owns the engine now: leave its loops and signal alone. Otherwise
    // the aborted signal ends the loops only: a sync asked for after stop() (the clerk's button, a
    // test) must reach the hub, not fail at once as "hub unreachable".
    if (this.abort !== abort) return;
    this.loops = null;
    this.abort = new AbortController();
  }

  /** One full round, deterministic: push everything pending, then pull until caught up. */
  async syncOnce(): Promise<SyncStatus> {
    try {
      if (!this.ctx.credentials.read()) throw new AppError('not_enrolled');
      await this.ensureBootstrapped();
      while ((await this.pushRound()) > 0);
      await this.shipAudit();
      while ((await this.pullOnce(0)) > 0);
      await this.reportQuarantine();
      await this.markOnline();
    } catch (err) {
      await this.onError(err);
    }
    return this.refreshCounts();
  }

  private async pullLoop(): Promise<void> {
    let backoff = this.firstBackoff();
    while (this.running) {
      try {
        if (!this.ctx.credentials.read()) {
          await sleep(1000, this.abort.signal);
          continue;
        }
        await this.ensureBootstrapped();
        const applied = await this.pullOnce(this.opts.pollWaitMs);
        await this.reportQuarantine();
        await this.markOnline();
        backoff = this.firstBackoff();
        if (applied > 0) this.nudge(); // a rebase may have to be pushed
      } catch (err) {
        if (!this.running) return;
        await this.onError(err);
        await sleep(backoff + Math.random() * backoff, this.abort.signal);
        backoff = Math.min(backoff * 2, this.opts.maxBackoffMs);
      }
    }
  }

  private async pushLoop(): Promise<void> {
    let backoff = this.firstBackoff();
    while (this.running) {
      try {
        if (!this.ctx.credentials.read() || this.ctx.state.sync.state === 'revoked') {
          await sleep(1000, this.abort.signal);
          continue;
        }
        const sent = await this.pushRound();
        await this.shipAudit();
        if (sent > 0) {
          backoff = this.firstBackoff();
          await this.markOnline();
          continue;
        }
        await this.refreshCounts();
        await new Promise<void>((resolve) => {
          this.wakePush = resolve;
          setTimeout(resolve, 1000);
        });
        this.wakePush = null;
      } catch (err) {
        if (!this.running) return;
        await this.onError(err);
        await sleep(backoff + Math.random() * backoff, this.abort.signal);
        backoff = Math.min(backoff * 2, this.opts.maxBackoffMs);
      }
    }
  }

  /**
   * One push step: what the hub needs before the mutations (attachment contents), then one batch
   * of the outbox. Returns how many mutations were sent.
   */
  private async pushRound(): Promise<number> {
    await beforePush(this.ctx);
    const round = await pushOutboxOnce(
      this.ctx.db,
      this.ctx.hub,
      this.ctx.authors,
      this.opts.pushBatch,
      this.ctx.now,
    );
    if (round.waitingFor !== this.ctx.state.sync.waitingFor) this.setStatus({ waitingFor: round.waitingFor });
    return round.settled;
  }

  /**
   * After each push: the audit rows the hub does not hold yet. A failure (hub away, a stand-in
   * hub without the route) waits for the next round and never holds up the mutations.
   */
  private async shipAudit(): Promise<void> {
    await shipAuditRows(this.ctx).catch(() => 0);
  }

  private async ensureBootstrapped(): Promise<void> {
    if ((await getMeta(this.ctx.db, 'registry.bootstrapped_at')) === null) {
      this.setStatus({ state: 'bootstrapping', progress: { done: 0, total: 0 } });
      await bootstrapRegistry(
        this.ctx.db,
        this.ctx.hub,
        (done, total) => this.setStatus({ progress: { done, total } }),
        this.opts.bootstrapPage,
      );
      this.setStatus({ state: 'ready', progress: null });
    }
    await backfillEntities(this.ctx.db, this.ctx.hub, this.abort.signal);
    if (!this.retriedQuarantine) {
      this.retriedQuarantine = true;
      if ((await retryQuarantined(this.ctx.db, this.ctx.now().toISOString())) > 0) await this.refreshCounts();
    }
  }

  /**
   * Tells the hub what this counter set aside. Best effort: a hub that does not answer now hears
   * it at the next round, and the counter's own sync is not held up by it.
   */
  private async reportQuarantine(): Promise<void> {
    try {
      await reportQuarantined(this.ctx);
    } catch {
      // left unreported: sent again after the next pull
    }
  }

  /** Returns how many changes were applied. */
  private async pullOnce(waitMs: number): Promise<number> {
    const cursor = Number((await getMeta(this.ctx.db, CURSOR_KEY)) ?? 0);
    const res = await this.ctx.hub.changes(cursor, this.opts.pullPage, waitMs, this.abort.signal);
    const epoch = Number((await getMeta(this.ctx.db, 'sync.epoch')) ?? res.epoch);
    if (res.epoch !== epoch) {
      // The hub changed its data format: this mirror cannot be patched, only replaced.
      this.setStatus({ error: new AppError('rebootstrap_required').toData(this.ctx.state.locale).message });
      await clearMirror(this.ctx.db);
      await this.ensureBootstrapped();
      return 1;
    }
    const last = res.changes[res.changes.length - 1];
    if (!last) return 0;
    await applyChanges(this.ctx.db, res.changes, last.seq, this.ctx.now().toISOString());
    return res.changes.length;
  }

  private async onError(err: unknown): Promise<void> {
    const ctx = this.ctx;
    if (err instanceof AppError && err.code === 'workstation_revoked') {
      await wipePersonalData(ctx.db);
      ctx.credentials.clear();
      ctx.state.session = null;
      this.running = false;
      this.setStatus({
        state: 'revoked',
        online: false,
        error: err.toData(ctx.state.locale).message,
        residents: 0,
      });
      return;
    }
    const message = err instanceof AppError ? err.toData(ctx.state.locale).message : String(err);
    const online = err instanceof AppError && err.code !== 'hub_unreachable' && err.code !== 'hub_error';
    this.setStatus({
      online,
      error: message,
      ...(ctx.state.sync.state === 'bootstrapping' ? { state: 'error' as const } : {}),
    });
  }

  private async markOnline(): Promise<void> {
    this.setStatus({ online: true, error: null, lastSyncAt: this.ctx.now().toISOString() });
    await reportUpdates(this.ctx); // version and last update result, for IT's table (hub/updates)
    await this.refreshCounts();
  }

  async refreshCounts(): Promise<SyncStatus> {
    const db = this.ctx.db;
    const count = async (table: 'outbox' | 'sync_exceptions' | 'quarantined_changes') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const residents = await countResidents(db);
    const bootstrapped = (await getMeta(db, 'registry.bootstrapped_at')) !== null;
    const state = this.ctx.state.sync.state;
    this.setStatus({
      residents,
      pending: await count('outbox'),
      // what the hub refused and what this counter set aside: neither is "in sync"
      exceptions: await count('sync_exceptions'),
      quarantined: await count('quarantined_changes'),
      cursor: Number((await getMeta(db, CURSOR_KEY)) ?? 0),
      ...(bootstrapped && state !== 'revoked' ? { state: 'ready' as const } : {}),
    });
    return this.ctx.state.sync;
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    this.ctx.state.sync = { ...this.ctx.state.sync, ...patch };
  }
}
