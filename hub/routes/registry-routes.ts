import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';
import {
  REGISTRY_NEXT_HEADER,
  REGISTRY_PAGE_PATH,
  registryCursorSchema,
} from '../../shared/sync/registry-page';
import { findComune } from '../auth/auth-repository';
import { registryPage } from '../registry/registry-repository';
import { logPosition } from '../sync/change-log';
import { parse, type RouteContext } from './route-context';

const pageQuery = z.object({
  after: registryCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(2000),
});

export function registryRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const audit = {
    action: 'registry.page',
    entity: 'families',
    subject: (req: { query: unknown }) => `after=${String((req.query as { after?: unknown }).after ?? '')}`,
  };
  app.get(
    REGISTRY_PAGE_PATH,
    {
      schema: { summary: "A page of the comune's registry (bootstrap)", querystring: pageQuery },
      config: { audit },
    },
    async (req, reply) => {
      const ws = await ctx.workstationOf(req);
      const query = parse(pageQuery, req.query);
      const comune = await findComune(ctx.db, ws.comune);
      if (!comune) throw new AppError('workstation_unknown');
      // The log position is read before the page: anything changed while paging is pulled again after.
      const { head, epoch } = await logPosition(ctx.db, ws.comune);
      const page = await registryPage(ctx.db, ws.comune, query.after ?? null, query.limit);
      if (page.next !== null) void reply.header(REGISTRY_NEXT_HEADER, page.next);
      return { comune, head, epoch, ...page };
    },
  );
}
