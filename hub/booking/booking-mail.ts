import type { Kysely } from 'kysely';
import { addDays } from '../../shared/calendar/iso-date';
import { confirmationDeadline, REMINDER_DAYS_BEFORE } from '../../shared/booking/slot-plan';
import { cents } from '../../shared/money/cents';
import { formatEuro } from '../../shared/money/euro-format';
import type { Locale } from '../../shared/i18n/locale';
import type { HubDatabase } from '../db/database';
import type { BookingRow } from './booking-tables';
import type { BookingMail, Messenger } from './mailer';
import type { BookingSms } from './sms';
import type { OfficePlan } from './office-plans';

/**
 * The booking's mails: the confirmation, and the reminder that asks to confirm 3 days ahead.
 *
 * Where they go: for a tax code on the comune's registry, only to the contact the comune holds
 * (never to the address typed on a public page: anyone can type someone else's code), adding what
 * else the person could settle in the same visit; for anyone else, to the address given. The page
 * says the same in both cases, so it never tells whether a code is on the registry.
 */

const ddmmyyyy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

interface Resident {
  id: string;
  email: string | null;
  phone: string | null;
}

async function residentOf(db: Kysely<HubDatabase>, comune: string, cf: string): Promise<Resident | null> {
  const r = await db
    .selectFrom('residents')
    .select(['id', 'email', 'phone'])
    .where('comune', '=', comune)
    .where('codice_fiscale', '=', cf)
    .where('status', '=', 'resident')
    .executeTakeFirst();
  return r ?? null;
}

/** Open items of the person: unpaid notices, and permits expiring within 60 days of the visit. */
async function openItems(
  db: Kysely<HubDatabase>,
  comune: string,
  cf: string,
  residentId: string,
  visitDay: string,
  lang: Locale,
): Promise<string[]> {
  const notices = await db
    .selectFrom('debt_positions')
    .select(['description', 'amount_cents', 'due_date'])
    .where('comune', '=', comune)
    .where('debtor_cf', '=', cf)
    .where('status', '=', 'open')
    .orderBy('due_date')
    .limit(10)
    .execute();
  const permits = await db
    .selectFrom('permits')
    .select(['number', 'valid_to'])
    .where('comune', '=', comune)
    .where('holder_id', '=', residentId)
    .where('status', '=', 'active')
    .where('valid_to', '>=', visitDay)
    .where('valid_to', '<=', addDays(visitDay, 60))
    .execute();
  return [
    ...notices.map((n) =>
      lang === 'it'
        ? `avviso da pagare: ${n.description}, ${formatEuro(cents(n.amount_cents), 'it')}, scadenza ${ddmmyyyy(n.due_date)}`
        : `notice to pay: ${n.description}, ${formatEuro(cents(n.amount_cents), 'en')}, due ${ddmmyyyy(n.due_date)}`,
    ),
    ...permits.map((p) =>
      lang === 'it'
        ? `permesso ${p.number} in scadenza il ${ddmmyyyy(p.valid_to)}: si può rinnovare nella stessa visita`
        : `permit ${p.number} expires on ${ddmmyyyy(p.valid_to)}: it can be renewed in the same visit`,
    ),
  ];
}

/**
 * Where the booking's messages go (null: not by that channel), and what the registry adds. The
 * text message carries no open items: a phone's lock screen is no place for what a person owes.
 */
export async function recipientOf(
  db: Kysely<HubDatabase>,
  b: BookingRow,
): Promise<{ to: string | null; phone: string | null; extras: string[] }> {
  const resident = await residentOf(db, b.comune, b.cf);
  if (!resident) return { to: b.email, phone: b.phone, extras: [] };
  const lang: Locale = b.lang === 'en' ? 'en' : 'it';
  return {
    to: resident.email,
    phone: resident.phone,
    extras: await openItems(db, b.comune, b.cf, resident.id, b.slot_start.slice(0, 10), lang),
  };
}

function body(
  plan: OfficePlan,
  b: BookingRow,
  lang: Locale,
  lead: string,
  extras: string[],
  tail: string[],
): string {
  const service = plan.services.find((s) => s.key === b.service_key);
  const it = lang === 'it';
  const lines = [
    lead,
    '',
    `${it ? 'Codice' : 'Code'}: ${b.code}`,
    `${it ? 'Servizio' : 'Service'}: ${service?.label[lang] ?? b.service_key}`,
    `${it ? 'Quando' : 'When'}: ${ddmmyyyy(b.slot_start.slice(0, 10))} ${b.slot_start.slice(11, 16)}`,
    `${it ? 'Dove' : 'Where'}: ${plan.name[lang]}, ${plan.address}`,
    '',
    it ? 'Cosa portare:' : 'What to bring:',
    ...(service?.bring[lang] ?? []).map((x) => `- ${x}`),
  ];
  if (extras.length > 0)
    lines.push(
      '',
      it ? 'Nella stessa visita si può anche sistemare:' : 'In the same visit you can also settle:',
      ...extras.map((x) => `- ${x}`),
    );
  lines.push(
    '',
    ...tail,
    '',
    it
      ? 'All’arrivo, mostrare il codice o il QR alla colonnina all’ingresso.'
      : 'On arrival, show the code or the QR at the kiosk by the entrance.',
  );
  return lines.join('\n');
}

export function confirmationMail(plan: OfficePlan, b: BookingRow, to: string, extras: string[]): BookingMail {
  const lang: Locale = b.lang === 'en' ? 'en' : 'it';
  const it = lang === 'it';
  const tail =
    b.status === 'booked'
      ? [
          it
            ? `${REMINDER_DAYS_BEFORE} giorni prima riceverà un promemoria con il link per confermare: una prenotazione non confermata entro il ${ddmmyyyy(confirmationDeadline(b.slot_start))} viene annullata.`
            : `${REMINDER_DAYS_BEFORE} days before you will get a reminder with a link to confirm: a booking not confirmed by ${ddmmyyyy(confirmationDeadline(b.slot_start))} is released.`,
        ]
      : [];
  return {
    to,
    subject: it
      ? `Prenotazione ${b.code} confermata – ${plan.name.it}`
      : `Booking ${b.code} confirmed – ${plan.name.en}`,
    text: body(
      plan,
      b,
      lang,
      it ? 'La prenotazione è registrata.' : 'Your booking is registered.',
      extras,
      tail,
    ),
  };
}

export function reminderMail(
  plan: OfficePlan,
  b: BookingRow,
  to: string,
  confirmUrl: string,
  extras: string[],
): BookingMail {
  const lang: Locale = b.lang === 'en' ? 'en' : 'it';
  const it = lang === 'it';
  return {
    to,
    subject: it
      ? `Promemoria: confermare la prenotazione ${b.code}`
      : `Reminder: please confirm booking ${b.code}`,
    text: body(
      plan,
      b,
      lang,
      it ? 'Promemoria dell’appuntamento.' : 'A reminder of your appointment.',
      extras,
      [
        it
          ? `Per confermare, aprire entro il ${ddmmyyyy(confirmationDeadline(b.slot_start))}: ${confirmUrl}`
          : `To confirm, open by ${ddmmyyyy(confirmationDeadline(b.slot_start))}: ${confirmUrl}`,
        it
          ? 'Senza conferma l’appuntamento viene liberato per altri.'
          : 'Without confirmation the slot is released for others.',
      ],
    ),
  };
}

/** The confirmation as a text message: code, when, where; the list of what to bring is in the mail. */
export function confirmationSms(plan: OfficePlan, b: BookingRow, to: string): BookingSms {
  const it = b.lang !== 'en';
  const when = `${ddmmyyyy(b.slot_start.slice(0, 10))} ${b.slot_start.slice(11, 16)}`;
  const service =
    plan.services.find((s) => s.key === b.service_key)?.label[it ? 'it' : 'en'] ?? b.service_key;
  const confirmBy = ddmmyyyy(confirmationDeadline(b.slot_start));
  return {
    to,
    text: it
      ? `Prenotazione ${b.code}: ${service}, ${when}, ${plan.name.it}, ${plan.address}. Mostrare il codice alla colonnina.${b.status === 'booked' ? ` Da confermare entro il ${confirmBy}.` : ''}`
      : `Booking ${b.code}: ${service}, ${when}, ${plan.name.en}, ${plan.address}. Show the code at the kiosk.${b.status === 'booked' ? ` Confirm by ${confirmBy}.` : ''}`,
  };
}

/** The reminder as a text message, with the confirmation link. */
export function reminderSms(plan: OfficePlan, b: BookingRow, to: string, confirmUrl: string): BookingSms {
  const it = b.lang !== 'en';
  const when = `${ddmmyyyy(b.slot_start.slice(0, 10))} ${b.slot_start.slice(11, 16)}`;
  const confirmBy = ddmmyyyy(confirmationDeadline(b.slot_start));
  return {
    to,
    text: it
      ? `Promemoria ${b.code}: ${when}, ${plan.name.it}. Confermare entro il ${confirmBy}: ${confirmUrl}`
      : `Reminder ${b.code}: ${when}, ${plan.name.en}. Confirm by ${confirmBy}: ${confirmUrl}`,
  };
}

/**
 * Sends the confirmation after the booking's commit, by mail and by text message where there is a
 * contact for each; a failure never undoes the booking. True when at least one went out.
 */
export async function sendConfirmation(
  db: Kysely<HubDatabase>,
  messenger: Messenger,
  plan: OfficePlan,
  b: BookingRow,
): Promise<boolean> {
  const { to, phone, extras } = await recipientOf(db, b);
  let sent = false;
  if (to) {
    try {
      await messenger.mail.send(confirmationMail(plan, b, to, extras));
      sent = true;
    } catch (err) {
      console.error('[hub] booking confirmation mail failed', err);
    }
  }
  if (phone) {
    try {
      await messenger.sms.send(confirmationSms(plan, b, phone));
      sent = true;
    } catch (err) {
      console.error('[hub] booking confirmation SMS failed', err);
    }
  }
  return sent;
}
