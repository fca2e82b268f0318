import type { FastifyInstance } from 'fastify';
import { AUDIT_SHIP_PATH, auditShipRequestSchema } from '../../shared/audit/audit-wire';
import { parse, type RouteContext } from '../routes/route-context';
import { acceptDeskRows, anchorIfDue, deskChain } from './audit-trail';

/**
 * A desk ships its audit rows at sync, oldest first, as many times as it likes: the hub keeps
 * each once, under the workstation its token proves (never the name the rows carry).
 */
export function deskAuditRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.put(
    AUDIT_SHIP_PATH,
    {
      schema: { summary: "A desk's audit rows, shipped", body: auditShipRequestSchema },
      config: { audit: { anchorOnly: true } },
    },
    async (req) => {
      const ws = await ctx.workstationOf(req);
      const body = parse(auditShipRequestSchema, req.body);
      const at = ctx.now().toISOString();
      const storedThrough = await ctx.db
        .transaction()
        .execute((trx) => acceptDeskRows(trx, ctx.audit.key, ws, body.rows, at));
      await anchorIfDue(ctx.db, ctx.audit, deskChain(ws.id), ctx.now());
      return { storedThrough };
    },
  );
}
