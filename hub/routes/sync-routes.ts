import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CHANGES_PATH, EXCEPTIONS_PATH, PUSH_PATH } from '../../shared/sync/registry-page';
import { CHANGE_ENTITIES } from '../../shared/sync/change-entities';
import { pushRequestSchema } from '../../shared/sync/mutations';
import { changesJson, readStoredPage } from '../sync/change-log';
import { OFFICE_ENTITIES } from '../sync/office-scope';
import { pushMutations } from '../sync/push-service';
import { AppError } from '../../shared/errors/app-error';
import { requireAllowed } from '../../shared/auth/policy';
import { findClerkCredential } from '../auth/clerk-credentials';
import { quarantinedOf } from '../sync/desk-quarantine';
import { clerkAuth, clerkHeader, parse, type RouteContext } from './route-context';
import { noteAuditHead, noteAuditSubject } from '../audit/audit-hook';
import { hubChain } from '../audit/audit-trail';

const changesQuery = z.object({
  since: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** long poll: wait up to this long for a change when there is none */
  waitMs: z.coerce.number().int().min(0).max(30_000).default(0),
  /** one kind of entity only: a new counter backfills what its registry bootstrap does not carry */
  entity: z.enum(CHANGE_ENTITIES).optional(),
});

export function syncRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const clerkOf = clerkAuth(ctx.db, ctx.now);

  /** Rejected mutations of the whole comune, for its supervisors. */
  app.get(
    EXCEPTIONS_PATH,
    {
      schema: { summary: 'Refused mutations of the comune, for supervisors' },
      config: { audit: { action: 'sync.exceptions', entity: 'sync_exceptions' } },
    },
    async (req) => {
      const ws = await ctx.workstationOf(req);
      const clerk = await clerkOf(req, ws);
      requireAllowed(clerk.role, 'sync.comuneExceptions');
      const rows = await ctx.db
        .selectFrom('sync_exceptions')
        .innerJoin('workstations', 'workstations.id', 'sync_exceptions.workstation_id')
        .select([
          'sync_exceptions.mutation_id',
          'sync_exceptions.name',
          'sync_exceptions.args',
          'sync_exceptions.clerk',
          'sync_exceptions.code',
          'sync_exceptions.message',
          'sync_exceptions.at',
          'workstations.name as workstation',
        ])
        .where('sync_exceptions.comune', '=', ws.comune)
        .where('sync_exceptions.resolved_at', 'is', null)
        .orderBy('sync_exceptions.at', 'desc')
        .limit(500)
        .execute();
      const refused = rows.map((r) => ({
        mutationId: r.mutation_id,
        name: r.name,
        args: JSON.parse(r.args) as unknown,
        clerk: r.clerk,
        workstation: r.workstation,
        code: r.code,
        message: r.message,
        at: r.at,
        source: 'push' as const,
      }));
      const setAside = await quarantinedOf(ctx.db, ws.comune);
      return { exceptions: [...refused, ...setAside].sort((a, b) => b.at.localeCompare(a.at)) };
    },
  );

  app.post(
    PUSH_PATH,
    {
      schema: { summary: 'Pushes mutations from a desk outbox', body: pushRequestSchema },
      config: { audit: { anchorOnly: true } },
    },
    async (req) => {
      const ws = await ctx.workstationOf(req);
      // The author is whoever the hub itself logged in at this workstation: a session, or the push
      // key of an earlier login here (what they did offline). The mutations' own `clerk` is a claim.
      const token = clerkHeader(req);
      if (!token) throw new AppError('clerk_session_required');
      const author = await findClerkCredential(ctx.db, token, ws, ctx.now(), ['session', 'push']);
      const body = parse(pushRequestSchema, req.body);
      const { results, changed, auditHeads } = await pushMutations(
        ctx.db,
        ws,
        author,
        body.mutations,
        ctx.now,
        ctx.audit,
        // its id and name only (never the args: a resident's data)
        (err, m) => req.log.error({ err, mutation: m }, 'mutation failed unexpectedly'),
      );
      noteAuditHead(
        req,
        auditHeads.find((h) => h.chain === hubChain(ws.comune)),
      );
      ctx.metrics.observePush(ws.comune, ctx.now(), body.mutations, results);
      if (changed) ctx.notifier.notify(ws.comune);
      return { results };
    },
  );

  app.get(
    CHANGES_PATH,
    {
      schema: { summary: "Reads the comune's change log (long poll)", querystring: changesQuery },
      config: { audit: { action: 'sync.changes', entity: 'change_log' } },
    },
    async (req, reply) => {
      const ws = await ctx.workstationOf(req);
      const q = parse(changesQuery, req.query);
      // the offices as the hub knows them now (read by the page's query): a workstation taken
      // out of one stops receiving at once
      const scope = { workstationId: ws.id, officeEntities: OFFICE_ENTITIES };
      let page = await readStoredPage(ctx.db, ws.comune, q.since, q.limit, scope, q.entity);
      if (page.changes.length === 0 && q.waitMs > 0 && !q.entity) {
        const closed = new AbortController();
        req.raw.once('close', () => closed.abort());
        await ctx.notifier.wait(ws.comune, q.waitMs, AbortSignal.any([closed.signal, ctx.closing]));
        page = await readStoredPage(ctx.db, ws.comune, q.since, q.limit, scope);
      }
      ctx.metrics.pullRequests.inc();
      noteAuditSubject(req, `seq=${q.since}..${page.changes[page.changes.length - 1]?.seq ?? q.since}`);
      const body = changesJson(page.changes, page.head, page.epoch);
      // already JSON: sent as it is
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
}
