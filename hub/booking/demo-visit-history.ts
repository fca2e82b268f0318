import type { Kysely } from 'kysely';
import { addDays, isoWeekday } from '../../shared/calendar/iso-date';
import { holidaysOn } from '../../shared/calendar/holidays';
import type { HubDatabase } from '../db/database';
import type { VisitTicketsTable } from './booking-tables';
import type { OfficePlan } from './office-plans';
import { seededRandom as prng } from '../../shared/random/seeded-random';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const at = (day: string, minutes: number) =>
  `${day}T${pad(Math.floor(minutes / 60), 2)}:${pad(Math.floor(minutes % 60), 2)}:00`;

/**
 * Past visits for the demo (`npm start`): the office's last `days` opening days with about thirty
 * closed tickets each, waits shrinking from the months before booking (many over 20 minutes, as
 * ISTAT measured) to the recent weeks, so the supervisors' wait view and the burden meter's waiting
 * card show a trend at once. Today is left to the live demo.
 */
export async function createDemoVisitHistory(
  db: Kysely<HubDatabase>,
  plan: OfficePlan,
  today: string,
  days = 90,
): Promise<number> {
  const rows: VisitTicketsTable[] = [];
  for (let back = days; back >= 1; back--) {
    const day = addDays(today, -back);
    const morning = plan.hours[isoWeekday(day) as 1 | 2 | 3 | 4 | 5 | 6 | 7]?.[0];
    if (!morning || holidaysOn(day, plan.comune).length > 0) continue;
    const { from: open, to: close } = morning;
    const openMin = Number(open.slice(0, 2)) * 60 + Number(open.slice(3));
    const span = Number(close.slice(0, 2)) * 60 + Number(close.slice(3)) - openMin - 30;
    const random = prng(Number(day.replaceAll('-', '')));
    // the typical wait falls from ~19 to ~8 minutes over the period: booking took the peaks away
    const typical = 8 + (11 * back) / days;
    const numbers = new Map<string, number>();
    const visits = 26 + Math.floor(random() * 10);
    for (let i = 0; i < visits; i++) {
      const service = plan.services[Math.floor(random() * plan.services.length)];
      if (!service) continue;
      const number = (numbers.get(service.line) ?? 0) + 1;
      numbers.set(service.line, number);
      const arrived = openMin + Math.floor((span * i) / visits);
      const wait = Math.round(typical * -Math.log(1 - random() * 0.999));
      const noShow = random() < 0.04;
      const counter = 1 + Math.floor(random() * plan.counters);
      const started = arrived + wait + 1;
      const ended = started + Math.max(2, Math.round(service.minutes * (0.6 + random() * 0.8)));
      rows.push({
        id: `demo-${day}-${service.line}${pad(number, 3)}`,
        comune: plan.comune,
        office: plan.office,
        day,
        line: service.line,
        number,
        code: `${service.line}${pad(number, 3)}`,
        service_key: service.key,
        status: noShow ? 'no_show' : 'done',
        counter,
        for_counter: null,
        booking_id: null,
        slot_start: null,
        arrived_at: at(day, arrived),
        called_at: at(day, arrived + wait),
        started_at: noShow ? null : at(day, started),
        ended_at: noShow ? null : at(day, ended),
        calls: noShow ? 2 : 1,
        priority: 0,
        kept_slot: 0,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('visit_tickets')
      .values(rows.slice(i, i + 200))
      .execute();
  }
  return rows.length;
}
