import { WAIT_STATS_CSV_HEADER, type WaitStatsRow } from './visit-wire';

/** One decimal with a comma: the comuni's spreadsheets are Italian (semicolon-separated, 12,5). */
const num = (n: number) => (Math.round(n * 10) / 10).toFixed(1).replace('.', ',');

/**
 * The supervisors' wait figures as the CSV a comune opens in its spreadsheet, in the header's
 * order; a visit that never reached a counter (a no-show) has an empty counter cell.
 */
export function waitStatsCsv(rows: readonly WaitStatsRow[]): string {
  const lines = rows.map((r) =>
    [
      r.day,
      r.office,
      r.serviceKey,
      r.counter === null ? '' : String(r.counter),
      String(r.visits),
      String(r.served),
      String(r.noShows),
      num(r.meanWaitMinutes),
      num(r.maxWaitMinutes),
      num(r.meanServiceMinutes),
      num(r.over20Pct),
    ].join(';'),
  );
  return [WAIT_STATS_CSV_HEADER, ...lines].join('\r\n') + '\r\n';
}

/** The share of visits that waited over 20 minutes across rows, weighted by visits (ISTAT's unit). */
export function over20Share(rows: readonly WaitStatsRow[]): number | null {
  const visits = rows.reduce((s, r) => s + r.visits, 0);
  if (visits === 0) return null;
  return Math.round((rows.reduce((s, r) => s + r.over20Pct * r.visits, 0) / visits) * 10) / 10;
}
