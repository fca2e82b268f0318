import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * Wakes long-polling desks of a comune when its change log grows, so a change made at one
 * counter reaches the others within a second. This base class is in-process: right for the
 * embedded SQLite hub, where one process owns the log. Several hub instances on one PostgreSQL
 * use `PgChangeNotifier` (see `changeNotifierFor`).
 */
export class ChangeNotifier {
  protected readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  notify(comune: string): void {
    this.emitter.emit(comune);
  }

  /** Resolves on the next change of the comune, or after `ms`, whichever first. */
  wait(comune: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.emitter.off(comune, done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.boundFor(ms));
      this.emitter.once(comune, done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** How long a wait may last: the whole `ms` while notifications are trusted to arrive. */
  protected boundFor(ms: number): number {
    return ms;
  }

  /** Stops listening (a hub closing). */
  async close(): Promise<void> {}
}

/** The PostgreSQL channel every hub instance listens on; the payload is the comune. */
export const CHANGES_CHANNEL = 'sportello_changes';

export interface PgNotifierOptions {
  /** while the LISTEN connection is down, a wait lasts at most this long (the desk asks again) */
  fallbackPollMs?: number;
  /** first delay before reconnecting the LISTEN connection; doubles up to 10 s */
  reconnectMs?: number;
  log?: (line: string) => void;
}

/**
 * Several hub instances on one PostgreSQL: a push committed on instance A must wake a desk
 * long-polling on instance B. Each instance keeps one dedicated connection (outside the pool: a
 * pooled connection is handed to others between queries and would drop the LISTEN) listening on
 * `sportello_changes`; `notify` sends `pg_notify` to all of them, itself included, and wakes its
 * own waiters at once. NOTIFY is fire-and-forget: a notification lost while the LISTEN connection
 * is down must not leave a desk waiting 25 s for a change it should see in one, so until the
 * connection is back every wait is cut to `fallbackPollMs` (bounded polling), and the waiters
 * are woken when it returns (they re-read the log).
 */
export class PgChangeNotifier extends ChangeNotifier {
  private client: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private readonly inFlight = new Set<string>();
  private readonly again = new Set<string>();
  private retryTimer: NodeJS.Timeout | null = null;
  private delay: number;
  private readonly fallbackPollMs: number;
  private readonly log: (line: string) => void;

  constructor(
    private readonly connectionString: string,
    private readonly pool: pg.Pool,
    opts: PgNotifierOptions = {},
  ) {
    super();
    this.fallbackPollMs = opts.fallbackPollMs ?? 1000;
    this.delay = opts.reconnectMs ?? 200;
    this.log = opts.log ?? ((line) => console.error(line));
  }

  /** Resolves once the LISTEN is in place (or failed: then the fallback polling holds). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Whether notifications from other instances arrive now (false: bounded polling). */
  get live(): boolean {
    return this.listening;
  }

  override notify(comune: string): void {
    super.notify(comune);
    this.send(comune);
  }

  /**
   * One notification in flight per comune: what commits meanwhile is covered by one more, sent
   * when that one returns (so after those commits), not by one each. A busy comune's pushes cost
   * a round trip per flight instead of one per push; a lone push is announced at once.
   */
  private send(comune: string): void {
    if (this.inFlight.has(comune)) {
      this.again.add(comune);
      return;
    }
    this.inFlight.add(comune);
    this.pool
      .query('select pg_notify($1, $2)', [CHANGES_CHANNEL, comune])
      .catch((err: unknown) => {
        // the others fall back to their bounded wait; the change itself is committed
        this.log(`[hub] change notification for ${comune} not sent: ${String(err)}`);
      })
      .finally(() => {
        this.inFlight.delete(comune);
        if (this.again.delete(comune) && !this.closed) this.send(comune);
      });
  }

  protected override boundFor(ms: number): number {
    return this.listening ? ms : Math.min(ms, this.fallbackPollMs);
  }

  override async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listening = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (msg) => {
      if (msg.channel === CHANGES_CHANNEL && msg.payload) super.notify(msg.payload);
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = false;
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.log(
        `[hub] change notifications not available yet (${String(err)}): polling every ${this.fallbackPollMs} ms`,
      );
      this.scheduleReconnect();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.listening = true;
    this.delay = 200;
    // whatever was committed while nobody listened: every waiter re-reads the log
    for (const comune of this.emitter.eventNames()) this.emitter.emit(comune);
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.delay);
    this.retryTimer.unref();
    this.delay = Math.min(this.delay * 2, 10_000);
  }
}

/** The notifier a hub on this store needs: in-process for SQLite, LISTEN/NOTIFY for PostgreSQL. */
export function changeNotifierFor(store: {
  dialect: 'sqlite' | 'postgres';
  pg?: { pool: pg.Pool; connectionString: string } | undefined;
}): ChangeNotifier {
  if (store.dialect !== 'postgres' || !store.pg) return new ChangeNotifier();
  const notifier = new PgChangeNotifier(store.pg.connectionString, store.pg.pool);
  void notifier.start();
  return notifier;
}
