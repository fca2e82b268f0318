import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors/app-error';
import { ENROL_PATH, MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../shared/sync/registry-page';
import type { HubDb } from './db/open-hub-database';
import { frameworkErrors, installHttpBoundary } from './http-boundary';
import { offlineGraceHoursFromEnv } from './auth/clerk-credentials';
import { OWASP_SCRYPT, type ScryptCost } from './auth/passwords';
import { authRoutes } from './routes/auth-routes';
import { registryRoutes } from './routes/registry-routes';
import type { RouteContext } from './routes/route-context';
import { workstationAuth } from './routes/route-context';
import { syncRoutes } from './routes/sync-routes';
import { quarantineRoutes } from './routes/quarantine-routes';
import { registerServiceRoutes } from './services/merge';
import { changeNotifierFor, type ChangeNotifier } from './sync/change-notifier';
import { throwawayAuditKeeping, type AuditKeeping } from './audit/audit-key';
import { installAuditTrail } from './audit/audit-hook';
import { deskAuditRoutes } from './audit/desk-audit-routes';
import { registerNoticeRoutes } from './notices/notice-routes';
import { installRequestLog, loggerOption, type HubLogging } from './ops/logging';
import { HubMetrics } from './ops/metrics';
import { adminGuard } from './ops/admin-guard';
import { healthRoutes } from './ops/health-routes';
import { installOpenApi } from './ops/openapi';
import { installRateLimits } from './ops/rate-limits';

export interface HubServerOptions {
  hubDb: HubDb;
  now?: () => Date;
  /** JSON request and error lines (pino) on stdout, into a sink, or none (the default: tests, benches) */
  logger?: HubLogging;
  /** who may read /metrics and /docs: a bearer token (default HUB_ADMIN_TOKEN), else loopback callers only */
  adminToken?: string;
  /** behind a reverse proxy: trust its X-Forwarded-For for the client address (rate limits, logs) */
  trustProxy?: boolean | string;
  version?: string;
  notifier?: ChangeNotifier;
  /** default: SPORTELLO_OFFLINE_GRACE_HOURS, else 72 */
  offlineGraceHours?: number;
  /** default OWASP_SCRYPT; tests pass a cheaper cost explicitly */
  passwordCost?: ScryptCost;
  /** the audit key and anchors file; default: throwaway ones (tests, benchmarks) */
  audit?: AuditKeeping;
  /**
   * the services' scheduled jobs (silence-assent, yearly and monthly runs, the booking day);
   * default true. False for a hub that only answers requests: a test that compares the tables
   * around each request must not see a job's own writes.
   */
  jobs?: boolean;
}

/** The central hub: enrolment, authentication, tenancy, the registry of record and sync, over HTTP. */
export function buildHubServer(opts: HubServerOptions): FastifyInstance {
  const { db, dialect } = opts.hubDb;
  const metrics = new HubMetrics();
  if (opts.hubDb.pool) metrics.watchPool(opts.hubDb.pool);
  const closing = new AbortController();
  const ctx: RouteContext = {
    db,
    now: opts.now ?? (() => new Date()),
    notifier: opts.notifier ?? changeNotifierFor(opts.hubDb),
    offlineGraceHours: opts.offlineGraceHours ?? offlineGraceHoursFromEnv(),
    passwordCost: opts.passwordCost ?? OWASP_SCRYPT,
    workstationOf: workstationAuth(db),
    audit: opts.audit ?? throwawayAuditKeeping(db),
    metrics,
    closing: closing.signal,
  };
  // On close, idle keep-alive connections go at once and requests in flight are finished (a clerk's
  // registration is answered, not cut); long polls are woken by `closing` so they do not hold the
  // shutdown for their wait. Desks retry, and every sync call is safe to repeat.
  const app = Fastify({
    logger: loggerOption(opts.logger ?? false),
    // Fastify's own request lines carry the raw URL: ours (ops/logging.ts) carry the route pattern
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 4 * 1024 * 1024,
    forceCloseConnections: 'idle',
    trustProxy: opts.trustProxy ?? trustProxyFromEnv(),
    frameworkErrors,
  });
  app.addHook('preClose', async () => closing.abort());
  // an answer sent while closing ends its connection too, so the close does not wait for keep-alive
  app.addHook('onSend', async (_req, reply) => {
    if (closing.signal.aborted) void reply.header('connection', 'close');
  });

  installHttpBoundary(app);
  installRequestLog(app);
  metrics.install(app);
  const admin = adminGuard(opts.adminToken);

  // A desk too old for this hub gets one clear answer on every API call, before anything else.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v') || req.url.startsWith(ENROL_PATH)) return;
    const version = Number(req.headers['x-sportello-protocol'] ?? 0);
    if (!(version >= MIN_PROTOCOL_VERSION)) throw new AppError('update_required');
  });

  installAuditTrail(app, db, ctx.audit, ctx.now);
  let stopServiceJobs: () => Promise<void> = async () => undefined;
  app.addHook('onClose', async () => {
    await stopServiceJobs();
    await ctx.notifier.close();
  });
  // The plugins that read every route's options (OpenAPI, rate limits) load first; the routes are
  // declared in a plugin after them, so each route is seen by both.
  void app.register(async (scope) => {
    await installOpenApi(scope, opts.version ?? 'dev', admin);
    await installRateLimits(scope);
    scope.register(async (routes) => {
      // kept for existing callers (desks show it, scripts poll it); /health/ready is the real check
      routes.get('/health', { schema: { summary: 'Version and protocol of this hub' } }, async () => ({
        status: 'ok',
        dialect,
        protocol: PROTOCOL_VERSION,
        minProtocol: MIN_PROTOCOL_VERSION,
        version: opts.version ?? 'dev',
        time: ctx.now().toISOString(),
      }));
      healthRoutes(routes, db);
      routes.get(
        '/metrics',
        { onRequest: admin, schema: { summary: 'Prometheus metrics (admin side)', hide: true } },
        async (_req, reply) => reply.header('content-type', metrics.contentType).send(await metrics.text()),
      );
      authRoutes(routes, ctx);
      registryRoutes(routes, ctx);
      syncRoutes(routes, ctx);
      quarantineRoutes(routes, ctx);
      deskAuditRoutes(routes, ctx);
      registerNoticeRoutes(routes, ctx);
      stopServiceJobs = registerServiceRoutes(routes, ctx, opts.jobs ?? true);
    });
  });
  return app;
}

/** HUB_TRUST_PROXY: `1`/`true` (the proxy in front), or the proxy addresses (`10.0.0.5,10.0.0.6`). */
function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): boolean | string {
  const raw = env.HUB_TRUST_PROXY?.trim() ?? '';
  if (raw === '' || raw === '0' || raw === 'false') return false;
  return raw === '1' || raw === 'true' ? true : raw;
}
