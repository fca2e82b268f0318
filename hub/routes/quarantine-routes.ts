import type { FastifyInstance } from 'fastify';
import { QUARANTINE_PATH, quarantineReportSchema } from '../../shared/sync/quarantine-wire';
import { parse, type RouteContext } from './route-context';

/**
 * A desk reports the records of the change log it set aside. The hub believes only the position
 * and the reason: what the record is (kind, id) comes from its own log, of the workstation's own
 * comune; a position that is not there is ignored. The same report twice is recorded once.
 */
export function quarantineRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post(
    QUARANTINE_PATH,
    { schema: { summary: 'Records a desk set aside', body: quarantineReportSchema } },
    async (req) => {
      const ws = await ctx.workstationOf(req);
      const body = parse(quarantineReportSchema, req.body);
      const logged = await ctx.db
        .selectFrom('change_log')
        .select(['seq', 'entity', 'entity_id'])
        .where('comune', '=', ws.comune)
        .where(
          'seq',
          'in',
          body.records.map((r) => r.seq),
        )
        .execute();
      const bySeq = new Map(logged.map((l) => [Number(l.seq), l]));
      const reportedAt = ctx.now().toISOString();
      const rows = body.records.flatMap((r) => {
        const l = bySeq.get(r.seq);
        if (!l) return [];
        return [
          {
            workstation_id: ws.id,
            seq: r.seq,
            comune: ws.comune,
            entity: l.entity,
            entity_id: l.entity_id,
            code: r.code,
            detail: r.detail,
            desk_version: body.version,
            quarantined_at: r.at,
            reported_at: reportedAt,
          },
        ];
      });
      if (rows.length > 0) {
        await ctx.db
          .insertInto('desk_quarantine')
          .values(rows)
          .onConflict((oc) => oc.columns(['workstation_id', 'seq']).doNothing())
          .execute();
      }
      return { recorded: rows.length };
    },
  );
}
