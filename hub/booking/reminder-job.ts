import type { Kysely } from 'kysely';
import { releaseDue, reminderDue } from '../../shared/booking/slot-plan';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { officePath, BOOKING_CONFIRM_PAGE_PATH } from '../../shared/booking/booking-wire';
import type { HubDatabase } from '../db/database';
import { runDueOnce } from '../db/job-runs';
import { recipientOf, reminderMail, reminderSms } from './booking-mail';
import type { Messenger } from './mailer';
import { planOf } from './office-plans';

/**
 * Once a day, by the shared rules (shared/booking/slot-plan.ts): a booking still unconfirmed after
 * its confirmation deadline (3 days before its day) is released and its seat freed (Agenda CIE's
 * rule), in one transaction per booking guarded by the status; from 5 days before, the reminder
 * with the confirmation link goes out once.
 */
export async function runBookingDay(
  db: Kysely<HubDatabase>,
  messenger: Messenger,
  now: Date,
  publicUrl: string,
): Promise<{ released: number; reminded: number }> {
  const today = romeDateOf(now);
  let released = 0;
  let reminded = 0;
  const open = await db.selectFrom('booking_bookings').selectAll().where('status', '=', 'booked').execute();
  for (const b of open) {
    const plan = planOf(b.comune, b.office);
    if (!plan) continue;
    const terms = { slotStart: b.slot_start, state: 'pending' } as const;
    if (releaseDue(terms, today)) {
      await db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('booking_bookings')
          .set({ status: 'released', released_at: now.toISOString() })
          .where('id', '=', b.id)
          .where('status', '=', 'booked')
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return;
        await trx.deleteFrom('booking_seats').where('booking_id', '=', b.id).execute();
        released++;
      });
    } else if (reminderDue(terms, today) && b.reminded_at === null) {
      const { to, phone, extras } = await recipientOf(db, b);
      const url = `${publicUrl}${officePath(BOOKING_CONFIRM_PAGE_PATH, b.comune, b.office)}?code=${b.code}&t=${b.confirm_token}&lang=${b.lang}`;
      const sends = [
        ...(to ? [() => messenger.mail.send(reminderMail(plan, b, to, url, extras))] : []),
        ...(phone ? [() => messenger.sms.send(reminderSms(plan, b, phone, url))] : []),
      ];
      let failed = 0;
      for (const send of sends) {
        try {
          await send();
        } catch (err) {
          console.error('[hub] booking reminder failed', err);
          failed++;
        }
      }
      // tried again at the next run only if no channel reached the person
      if (sends.length > 0 && failed === sends.length) continue;
      await db
        .updateTable('booking_bookings')
        .set({ reminded_at: now.toISOString() })
        .where('id', '=', b.id)
        .execute();
      reminded++;
    }
  }
  return { released, reminded };
}

/** The daily job on the hub's clock, once per day across hub instances (`runDueOnce`). */
export function startBookingJob(opts: {
  db: Kysely<HubDatabase>;
  messenger: Messenger;
  now: () => Date;
  publicUrl: string;
  tickMs?: number;
}): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    const day = romeDateOf(opts.now());
    running = runDueOnce(opts.db, 'booking-day', day, async () => {
      await runBookingDay(opts.db, opts.messenger, opts.now(), opts.publicUrl);
    })
      .catch((err: unknown) => console.error('[hub] booking job failed', err))
      .finally(() => {
        running = null;
      });
  };
  // the same tick as the hub's other jobs: a hub started in the morning sends the day's reminders
  // at once, and a test's hub has run it before its requests start
  const timer = setInterval(tick, opts.tickMs ?? Number(process.env.SPORTELLO_CASE_JOB_TICK_MS ?? 1000));
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
