import type { Kysely } from 'kysely';
import { romeDateOf } from '../../shared/calendar/rome-date';
import type { Locale } from '../../shared/i18n/locale';
import type { DisplayState } from '../../shared/booking/booking-wire';
import type { HubDatabase } from '../db/database';
import type { OfficePlan } from './office-plans';

/**
 * What the waiting room sees: the last calls (ticket and counter, newest first) and, per line, the
 * people waiting and an estimate: those ahead × the line's minutes, shared by the counters open.
 */
export async function displayState(
  db: Kysely<HubDatabase>,
  plan: OfficePlan,
  lang: Locale,
  now: Date,
): Promise<DisplayState> {
  const day = romeDateOf(now);
  const called = await db
    .selectFrom('visit_tickets')
    .select(['code', 'counter', 'called_at', 'calls'])
    .where('comune', '=', plan.comune)
    .where('office', '=', plan.office)
    .where('day', '=', day)
    .where('status', 'in', ['called', 'serving'])
    .orderBy('called_at', 'desc')
    .limit(8)
    .execute();
  const waiting = await db
    .selectFrom('visit_tickets')
    .select('line')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('comune', '=', plan.comune)
    .where('office', '=', plan.office)
    .where('day', '=', day)
    .where('status', '=', 'waiting')
    .groupBy('line')
    .execute();
  const waitingOn = new Map(waiting.map((w) => [w.line, Number(w.n)]));
  const lines = [...new Map(plan.services.map((s) => [s.line, s])).values()].map((s) => {
    const n = waitingOn.get(s.line) ?? 0;
    return {
      line: s.line,
      label: s.label[lang],
      waiting: n,
      estimatedMinutes: Math.ceil((n * s.minutes) / Math.max(1, plan.counters)),
    };
  });
  const newest = called[0];
  return {
    called: called.map((c) => ({ code: c.code, counter: c.counter ?? 0, at: c.called_at ?? '' })),
    // a recall changes the moment too: the chime sounds again
    lastCall: newest ? `${newest.code}@${newest.called_at ?? ''}#${newest.calls}` : null,
    lines,
  };
}
