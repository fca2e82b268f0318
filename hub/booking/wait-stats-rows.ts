import type { Kysely } from 'kysely';
import { waitStats as groupVisits, type VisitRecord } from '../../shared/visits/wait-stats';
import type { WaitStatsRow } from '../../shared/visits/visit-wire';
import type { HubDatabase } from '../db/database';
import type { VisitTicketRow } from './booking-tables';

const round1 = (x: number | null) => (x === null ? 0 : Math.round(x * 10) / 10);

/**
 * A closed ticket as a visit of the shared wait rules (shared/visits/wait-stats.ts): a no-show
 * never reached a counter, so it is grouped under none, as the supervisors' view shows it.
 */
function visitOf(t: VisitTicketRow): VisitRecord {
  const noShow = t.status === 'no_show';
  return {
    office: t.office,
    service: t.service_key,
    counter: noShow || t.counter === null ? null : String(t.counter),
    arrivedAt: t.arrived_at,
    calledAt: t.called_at,
    startedAt: t.started_at,
    endedAt: t.ended_at,
    noShow,
  };
}

/**
 * The supervisors' rows per day, office, service and counter for a comune's closed visits
 * (a ticket still waiting or called is counted once it is done or a no-show), in the wire's
 * whole-visit figures with one decimal.
 */
export async function waitStats(
  db: Kysely<HubDatabase>,
  comune: string,
  from: string,
  to: string,
  office: string | undefined,
): Promise<WaitStatsRow[]> {
  let q = db
    .selectFrom('visit_tickets')
    .selectAll()
    .where('comune', '=', comune)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('status', 'in', ['serving', 'done', 'no_show']);
  if (office) q = q.where('office', '=', office);
  const tickets = await q.execute();
  return groupVisits(tickets.map(visitOf)).map((r) => ({
    day: r.day ?? from,
    office: r.office ?? '',
    serviceKey: r.service ?? '',
    counter: r.counter === null ? null : Number(r.counter),
    visits: r.visits,
    served: r.served,
    noShows: r.noShows,
    meanWaitMinutes: round1(r.meanWaitMinutes),
    maxWaitMinutes: round1(r.maxWaitMinutes),
    meanServiceMinutes: round1(r.meanServiceMinutes),
    over20Pct: round1(r.over20Percent),
  }));
}
