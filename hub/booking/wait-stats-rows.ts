import type { Kysely } from 'kysely';
import type { WaitStatsRow } from '../../shared/visits/visit-wire';
import type { HubDatabase } from '../db/database';

/**
 * The supervisors' rows per day, office, service and counter, from each visit's arrival, call,
 * start and end. Waits run from arrival to the first call (what the citizen spends in the room);
 * ISTAT's unit is the share over 20 minutes. PROVISIONAL aggregation until shared/visits/wait-stats.ts
 * (visits-bench) lands.
 */
const minutesBetween = (a: string, b: string): number =>
  (Date.parse(`${b.length === 16 ? `${b}:00` : b}Z`) - Date.parse(`${a.length === 16 ? `${a}:00` : a}Z`)) /
  60_000;

const round1 = (x: number) => Math.round(x * 10) / 10;

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
    .where('day', '<=', to);
  if (office) q = q.where('office', '=', office);
  const tickets = await q.execute();
  const groups = new Map<string, typeof tickets>();
  for (const t of tickets) {
    if (t.status === 'waiting' || t.status === 'called') continue; // still open: counted when closed
    const key = JSON.stringify([t.day, t.office, t.service_key, t.status === 'no_show' ? null : t.counter]);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const rows: WaitStatsRow[] = [];
  for (const [key, ts] of groups) {
    const [day, off, serviceKey, counter] = JSON.parse(key) as [string, string, string, number | null];
    const waits = ts
      .filter((t) => t.called_at)
      .map((t) => Math.max(0, minutesBetween(t.arrived_at, t.called_at ?? '')));
    const services = ts
      .filter((t) => t.started_at && t.ended_at && t.status === 'done')
      .map((t) => Math.max(0, minutesBetween(t.started_at ?? '', t.ended_at ?? '')));
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
    rows.push({
      day,
      office: off,
      serviceKey,
      counter,
      visits: ts.length,
      served: ts.filter((t) => t.status === 'done').length,
      noShows: ts.filter((t) => t.status === 'no_show').length,
      meanWaitMinutes: round1(mean(waits)),
      maxWaitMinutes: round1(Math.max(0, ...waits)),
      meanServiceMinutes: round1(mean(services)),
      over20Pct: waits.length ? round1((100 * waits.filter((w) => w > 20).length) / waits.length) : 0,
    });
  }
  return rows.sort((a, b) =>
    a.day !== b.day
      ? a.day < b.day
        ? -1
        : 1
      : a.office !== b.office
        ? a.office < b.office
          ? -1
          : 1
        : a.serviceKey !== b.serviceKey
          ? a.serviceKey < b.serviceKey
            ? -1
            : 1
          : (a.counter ?? 0) - (b.counter ?? 0),
  );
}

const num = (x: number) => String(x).replace('.', ',');

export function waitStatsCsv(header: string, rows: WaitStatsRow[]): string {
  return (
    [
      header,
      ...rows.map((r) =>
        [
          r.day,
          r.office,
          r.serviceKey,
          r.counter ?? '',
          r.visits,
          r.served,
          r.noShows,
          num(r.meanWaitMinutes),
          num(r.maxWaitMinutes),
          num(r.meanServiceMinutes),
          num(r.over20Pct),
        ].join(';'),
      ),
    ].join('\r\n') + '\r\n'
  );
}
