import Fastify, { type FastifyInstance } from 'fastify';
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

export interface HubServerOptions {
  hubDb: HubDb;
  now?: () => Date;
  logger?: boolean;
  version?: string;
  notifier?: ChangeNotifier;
  /** default: SPORTELLO_OFFLINE_GRACE_HOURS, else 72 */
  offlineGraceHours?: number;
  /** default OWASP_SCRYPT; tests pass a cheaper cost explicitly */
  passwordCost?: ScryptCost;
  /** the audit key and anchors file; default: throwaway ones (tests, benchmarks) */
  audit?: AuditKeeping;
}

/** The central hub: enrolment, authentication, tenancy, the registry of record and sync, over HTTP. */
export function buildHubServer(opts: HubServerOptions): FastifyInstance {
  const { db, dialect } = opts.hubDb;
  const ctx: RouteContext = {
    db,
    now: opts.now ?? (() => new Date()),
    notifier: opts.notifier ?? changeNotifierFor(opts.hubDb),
    offlineGraceHours: opts.offlineGraceHours ?? offlineGraceHoursFromEnv(),
    passwordCost: opts.passwordCost ?? OWASP_SCRYPT,
    workstationOf: workstationAuth(db),
    audit: opts.audit ?? throwawayAuditKeeping(db),
  };
  // On close, every connection goes at once, in flight or not: a long poll would otherwise hold the
  // shutdown for its wait, and a keep-alive socket that was busy when closing began for the
  // keep-alive timeout. Desks retry, and every sync call is safe to repeat.
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 4 * 1024 * 1024,
    forceCloseConnections: true,
    frameworkErrors,
  });

  installHttpBoundary(app);

  // A desk too old for this hub gets one clear answer on every API call, before anything else.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v') || req.url.startsWith(ENROL_PATH)) return;
    const version = Number(req.headers['x-sportello-protocol'] ?? 0);
    if (!(version >= MIN_PROTOCOL_VERSION)) throw new AppError('update_required');
  });

  app.get('/health', async () => ({
    status: 'ok',
    dialect,
    protocol: PROTOCOL_VERSION,
    minProtocol: MIN_PROTOCOL_VERSION,
    version: opts.version ?? 'dev',
    time: ctx.now().toISOString(),
  }));
  installAuditTrail(app, db, ctx.audit, ctx.now);
  authRoutes(app, ctx);
  registryRoutes(app, ctx);
  syncRoutes(app, ctx);
  quarantineRoutes(app, ctx);
  deskAuditRoutes(app, ctx);
  registerNoticeRoutes(app, ctx);
  const stopServiceJobs = registerServiceRoutes(app, ctx);
  app.addHook('onClose', async () => {
    await stopServiceJobs();
    await ctx.notifier.close();
  });
  return app;
}
