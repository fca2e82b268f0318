import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CHANGES_PATH, PUSH_PATH } from '../../shared/sync/registry-page';
import { pushRequestSchema } from '../../shared/sync/mutations';
import { headSeq, readChanges, schemaEpoch } from '../sync/change-log';
import { pushMutations } from '../sync/push-service';
import { parse, type RouteContext } from './route-context';

const changesQuery = z.object({
  since: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** long poll: wait up to this long for a change when there is none */
  waitMs: z.coerce.number().int().min(0).max(30_000).default(0),
});

export function syncRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post(PUSH_PATH, async (req) => {
    const ws = await ctx.workstationOf(req);
    const body = parse(pushRequestSchema, req.body);
    const { results, changed } = await pushMutations(ctx.db, ws, body.mutations, ctx.now);
    if (changed) ctx.notifier.notify(ws.comune);
    return { results };
  });

  app.get(CHANGES_PATH, async (req) => {
    const ws = await ctx.workstationOf(req);
    const q = parse(changesQuery, req.query);
    let changes = await readChanges(ctx.db, ws.comune, q.since, q.limit);
    if (changes.length === 0 && q.waitMs > 0) {
      const closed = new AbortController();
      req.raw.once('close', () => closed.abort());
      await ctx.notifier.wait(ws.comune, q.waitMs, closed.signal);
      changes = await readChanges(ctx.db, ws.comune, q.since, q.limit);
    }
    return { changes, head: await headSeq(ctx.db, ws.comune), epoch: await schemaEpoch(ctx.db) };
  });
}
