import type { Kysely } from 'kysely';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { AppError } from '../../shared/errors/app-error';
import type { HubDatabase } from '../db/database';
import type { OfficePlan } from './office-plans';

/** A counter nobody has acted at for this long may be taken by another workstation. */
export const COUNTER_IDLE_MINUTES = 10;

/** A counter of an office on the day of `now` (the columns visit_counters and visit_tickets share). */
const seatKey = (plan: OfficePlan, counter: number, now: Date) => ({
  comune: plan.comune,
  office: plan.office,
  day: romeDateOf(now),
  counter,
});

/**
 * The hub binds a counter of an office to the workstation that acts at it, for the day: the
 * counter number comes from the desk, and a desk is a client (possibly modified), so a second
 * workstation claiming counter 2 while the first still works there is refused instead of calling
 * tickets in its name. A clerk who moves to another workstation (the first one broke) takes the
 * counter over once it has been idle for COUNTER_IDLE_MINUTES with no ticket open at it.
 */
export async function bindCounter(
  db: Kysely<HubDatabase>,
  plan: OfficePlan,
  ws: { id: string },
  counter: number,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const key = seatKey(plan, counter, now);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('visit_counters')
      .values({ ...key, workstation_id: ws.id, last_seen: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const seat = await trx
      .selectFrom('visit_counters')
      .select(['workstation_id', 'last_seen'])
      .where((eb) => eb.and(key))
      .executeTakeFirstOrThrow();
    const idleSince = new Date(now.getTime() - COUNTER_IDLE_MINUTES * 60_000).toISOString();
    if (seat.workstation_id !== ws.id) {
      const open = await trx
        .selectFrom('visit_tickets')
        .select('code')
        .where((eb) => eb.and(key))
        .where('status', 'in', ['called', 'serving'])
        .executeTakeFirst();
      if (seat.last_seen > idleSince || open) await refuse(trx, seat.workstation_id, counter);
    }
    // compare-and-set on what was read: two workstations taking one idle counter, one wins
    const r = await trx
      .updateTable('visit_counters')
      .set({ workstation_id: ws.id, last_seen: at })
      .where((eb) => eb.and(key))
      .where('workstation_id', '=', seat.workstation_id)
      .where('last_seen', '=', seat.last_seen)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) await refuse(trx, seat.workstation_id, counter);
  });
}

async function refuse(trx: Kysely<HubDatabase>, holder: string, counter: number): Promise<never> {
  const ws = await trx.selectFrom('workstations').select('name').where('id', '=', holder).executeTakeFirst();
  throw new AppError('visit_counter_taken', {
    counter,
    workstation: ws?.name ?? '—',
    minutes: COUNTER_IDLE_MINUTES,
  });
}

/**
 * Whether `ws` may read what is open at a counter today: the counter is its own, or nobody's.
 * Read-only (it does not take the counter): a desk restarting asks this before it acts again.
 */
export async function counterReadableBy(
  db: Kysely<HubDatabase>,
  plan: OfficePlan,
  ws: { id: string },
  counter: number,
  now: Date,
): Promise<void> {
  const seat = await db
    .selectFrom('visit_counters')
    .select('workstation_id')
    .where((eb) => eb.and(seatKey(plan, counter, now)))
    .executeTakeFirst();
  if (seat && seat.workstation_id !== ws.id) await refuse(db, seat.workstation_id, counter);
}
