import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../shared/errors/app-error';
import { LOGIN_PATH, PROTOCOL_VERSION, REGISTRY_PAGE_PATH } from '../shared/sync/registry-page';
import { findComune, findWorkstationByTokenHash } from './auth/auth-repository';
import { loginClerk } from './auth/login-service';
import { hashToken } from './auth/tokens';
import type { HubDb } from './db/open-hub-database';
import type { WorkstationRow } from './db/tables/workstations.table';
import { sendError } from './http-errors';
import { registryPage } from './registry/registry-repository';

export interface HubServerOptions {
  hubDb: HubDb;
  now?: () => Date;
  logger?: boolean;
  version?: string;
}

const loginBody = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();
const pageQuery = z.object({
  after: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(2000),
});

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('invalid_input', {
      detail: first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'body',
    });
  }
  return parsed.data;
}

/** The central hub: authentication, tenancy and the registry of record, over HTTP. */
export function buildHubServer(opts: HubServerOptions): FastifyInstance {
  const { db, dialect } = opts.hubDb;
  const now = opts.now ?? (() => new Date());
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 64 * 1024 });

  app.setErrorHandler((err, req, reply) => sendError(req, reply, err));
  app.setNotFoundHandler((req, reply) =>
    sendError(req, reply, new AppError('unknown_call', { call: req.url.slice(0, 60) })),
  );

  /** The device credential decides the comune: a workstation only ever reaches its own partition. */
  async function workstationOf(req: FastifyRequest): Promise<WorkstationRow> {
    const header = String(req.headers.authorization ?? '');
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw new AppError('workstation_unknown');
    const ws = await findWorkstationByTokenHash(db, hashToken(token));
    if (!ws || ws.revoked_at) throw new AppError('workstation_unknown');
    return ws;
  }

  app.get('/health', async () => ({
    status: 'ok',
    dialect,
    protocol: PROTOCOL_VERSION,
    version: opts.version ?? 'dev',
    time: now().toISOString(),
  }));

  app.post(LOGIN_PATH, async (req) => {
    const ws = await workstationOf(req);
    const body = parse(loginBody, req.body);
    return loginClerk(db, ws, body.username, body.password, now());
  });

  app.get(REGISTRY_PAGE_PATH, async (req) => {
    const ws = await workstationOf(req);
    const query = parse(pageQuery, req.query);
    const comune = await findComune(db, ws.comune);
    if (!comune) throw new AppError('workstation_unknown');
    const page = await registryPage(db, ws.comune, query.after ?? null, query.limit);
    return { comune, ...page };
  });

  return app;
}
