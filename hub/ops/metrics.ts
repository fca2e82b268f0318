import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type pg from 'pg';
import { routeOf } from './logging';

/**
 * Metrics shared by the whole process: the scheduled jobs run outside any request. Every run
 * goes through `runDueOnce` (hub/db/job-runs.ts), which counts `jobRuns` when a run ends, failed
 * or not, and `jobFailures` when it throws: failures / runs is the failure ratio.
 */
const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'sportello_hub_' });

export const jobRuns = new Counter({
  name: 'sportello_job_runs_total',
  help: 'Scheduled job runs ended, failed or not (silence-assent, yearly and monthly runs), by job',
  labelNames: ['job'] as const,
  registers: [processRegistry],
});

export const jobFailures = new Counter({
  name: 'sportello_job_failures_total',
  help: 'Scheduled job runs that failed, by job',
  labelNames: ['job'] as const,
  registers: [processRegistry],
});

/**
 * One hub server's metrics (its own registry, so several servers in one process — tests — do not
 * mix their counts). Route labels are patterns (`/verifica/:id`), never concrete URLs: bounded
 * cardinality and no personal data in a label.
 */
export class HubMetrics {
  readonly registry = new Registry();

  readonly requestDuration = new Histogram({
    name: 'sportello_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern, method and status class',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly pushRequests = new Counter({
    name: 'sportello_sync_push_requests_total',
    help: 'Sync push calls answered',
    registers: [this.registry],
  });

  readonly pushedMutations = new Counter({
    name: 'sportello_sync_mutations_total',
    help: 'Mutations received in pushes, by outcome (applied, duplicate, rejected)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly rejectedMutations = new Counter({
    name: 'sportello_sync_mutations_rejected_total',
    help: 'Mutations the hub refused, by error code',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly pullRequests = new Counter({
    name: 'sportello_sync_pull_requests_total',
    help: 'Sync pulls (change log reads) answered',
    registers: [this.registry],
  });

  /**
   * How long a mutation waited in a desk's outbox: the hub's clock at arrival minus the time the
   * desk stamped on it when the clerk acted. Large values are counters that were offline (or a
   * desk clock that is wrong, which is worth knowing too).
   */
  readonly outboxLag = new Histogram({
    name: 'sportello_desk_outbox_lag_seconds',
    help: 'Age of pushed mutations on arrival (desk outbox wait), by comune',
    labelNames: ['comune'] as const,
    buckets: [0.1, 0.5, 1, 5, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600, 72 * 3600],
    registers: [this.registry],
  });

  /** PostgreSQL pool use; SQLite has no pool (one embedded connection) and reports none. */
  watchPool(pool: pg.Pool): void {
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
    gauge('sportello_db_pool_connections', 'PostgreSQL pool connections open', () => pool.totalCount);
    gauge('sportello_db_pool_idle', 'PostgreSQL pool connections idle', () => pool.idleCount);
    gauge(
      'sportello_db_pool_waiting',
      'Queries waiting for a PostgreSQL connection',
      () => pool.waitingCount,
    );
  }

  /** Records the latency of every answered request. */
  install(app: FastifyInstance): void {
    app.addHook('onResponse', async (req, reply) => {
      this.requestDuration.observe(
        { route: routeOf(req), method: req.method, status: `${Math.floor(reply.statusCode / 100)}xx` },
        reply.elapsedTime / 1000,
      );
    });
  }

  /** Push outcomes and outbox lag, from what the push answered. */
  observePush(
    comune: string,
    now: Date,
    mutations: readonly Record<string, unknown>[],
    results: readonly { status: string; error?: { code: string } | undefined }[],
  ): void {
    this.pushRequests.inc();
    for (const r of results) {
      this.pushedMutations.inc({ outcome: r.status });
      if (r.status === 'rejected') this.rejectedMutations.inc({ reason: r.error?.code ?? 'unknown' });
    }
    for (const m of mutations) {
      const at = typeof m['at'] === 'string' ? Date.parse(m['at']) : NaN;
      if (Number.isFinite(at)) this.outboxLag.observe({ comune }, Math.max(0, (now.getTime() - at) / 1000));
    }
  }

  /** The exposition text: this server's metrics, then the process's. */
  async text(): Promise<string> {
    return `${await this.registry.metrics()}\n${await processRegistry.metrics()}`;
  }

  readonly contentType = this.registry.contentType;
}
