import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { z } from 'zod';
import { bookingQrText } from '../../shared/booking/booking-code';
import {
  BOOKING_CONFIRM_PAGE_PATH,
  BOOKING_CREATE_PATH,
  BOOKING_PAGE_PATH,
  BOOKING_SLOTS_PATH,
  bookingRequestSchema,
  checkInRequestSchema,
  DISPLAY_PAGE_PATH,
  DISPLAY_STATE_PATH,
  KIOSK_CHECK_IN_PATH,
  KIOSK_PAGE_PATH,
  KIOSK_TICKET_PATH,
  officeParamsSchema,
  officePath,
  slotsQuerySchema,
  walkInRequestSchema,
  type BookingConfirmation,
} from '../../shared/booking/booking-wire';
import { addDays } from '../../shared/calendar/iso-date';
import { isIsoDate } from '../../shared/calendar/iso-date';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { AppError } from '../../shared/errors/app-error';
import type { Locale } from '../../shared/i18n/locale';
import type { HubDatabase } from '../db/database';
import { requestLocale } from '../http-errors';
import { parse, type RouteContext } from '../routes/route-context';
import { sendConfirmation } from './booking-mail';
import { confirmedPage, donePage, formPage, messagePage, servicesPage } from './booking-page';
import type { BookingRow } from './booking-tables';
import { confirmBooking, createBooking, freeSlots, officePlan } from './bookings';
import { displayState } from './display-state';
import { displayPage, kioskPage, kioskTicketPage } from './kiosk-pages';
import type { Messenger } from './mailer';
import type { OfficePlan } from './office-plans';
import { checkInBooking, takeWalkInTicket } from './tickets';
import type { VisitTicketRow } from './booking-tables';

/** the pages read their query leniently (a bad value shows the form again): documented, not enforced */
const langQuerySchema = z.object({ lang: z.enum(['it', 'en']).optional() });
const bookingPageQuerySchema = langQuerySchema.extend({
  service: z.string().max(40).optional(),
  day: z.string().max(10).optional(),
});
const confirmPageQuerySchema = langQuerySchema.extend({
  code: z.string().max(64).optional(),
  t: z.string().max(128).optional(),
});
const pageSchema = (summary: string, querystring: z.ZodType = langQuerySchema) => ({
  summary,
  params: officeParamsSchema,
  querystring,
});

/** How many days the page offers to pick from (the plan's horizon caps it). */
const DAYS_SHOWN = 14;

/**
 * The kiosk's limit per address: a touch screen serves one person at a time, a few tickets a
 * minute; a script flooding tickets is stopped (@fastify/rate-limit, the verification pages' store).
 */
export const KIOSK_LIMIT_PER_MINUTE = Number(process.env.SPORTELLO_KIOSK_LIMIT ?? 30);
const kioskLimit = () => ({
  max: KIOSK_LIMIT_PER_MINUTE,
  timeWindow: 60_000,
  groupId: 'kiosk',
  errorResponseBuilder: () => new AppError('kiosk_rate_limited'),
});

const langOf = (req: FastifyRequest): Locale => {
  const q = (req.query as { lang?: unknown } | undefined)?.lang;
  return q === 'en' || q === 'it' ? q : requestLocale(req);
};

function sendPage(reply: FastifyReply, status: number, html: (nonce: string) => string, script = false) {
  const nonce = randomBytes(16).toString('base64');
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'nonce-${nonce}'; ${script ? `script-src 'nonce-${nonce}'; connect-src 'self'; ` : ''}form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    )
    .header('referrer-policy', 'no-referrer')
    .send(html(nonce));
}

const planFrom = (req: FastifyRequest): OfficePlan => {
  const p = parse(officeParamsSchema, req.params);
  return officePlan(p.comune, p.office);
};

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

async function ticketAnswer(db: Kysely<HubDatabase>, plan: OfficePlan, t: VisitTicketRow, lang: Locale) {
  const ahead = await db
    .selectFrom('visit_tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('comune', '=', plan.comune)
    .where('office', '=', plan.office)
    .where('day', '=', t.day)
    .where('line', '=', t.line)
    .where('status', '=', 'waiting')
    .where('arrived_at', '<', t.arrived_at)
    .executeTakeFirst();
  const service = plan.services.find((s) => s.key === t.service_key);
  return {
    code: t.code,
    line: t.line,
    service: service?.label[lang] ?? t.service_key,
    waitingAhead: Number(ahead?.n ?? 0),
  };
}

/** The days from tomorrow (today too, for what is left of it) with free seats for a service. */
async function daysWithSeats(db: Kysely<HubDatabase>, plan: OfficePlan, service: string, now: Date) {
  const today = romeDateOf(now);
  const days: { day: string; free: number }[] = [];
  for (let i = 0; i <= Math.min(plan.horizonDays, 31) && days.length < DAYS_SHOWN; i++) {
    const day = addDays(today, i);
    const slots = await freeSlots(db, plan, service, day, now);
    if (slots.length > 0) days.push({ day, free: slots.reduce((a, s) => a + s.free, 0) });
  }
  return days;
}

export function registerBookingRoutes(app: FastifyInstance, ctx: RouteContext, messenger: Messenger): void {
  const book = async (
    plan: OfficePlan,
    body: z.infer<typeof bookingRequestSchema>,
    lang: Locale,
  ): Promise<BookingRow> => {
    const booking = await createBooking(
      ctx.db,
      {
        comune: plan.comune,
        office: plan.office,
        serviceKey: body.service,
        slotStart: body.slotStart,
        name: body.name,
        cf: body.cf,
        email: body.email ?? null,
        phone: body.phone ?? null,
        lang,
      },
      ctx.now(),
    );
    await sendConfirmation(ctx.db, messenger, plan, booking);
    return booking;
  };
  const confirmation = (plan: OfficePlan, b: BookingRow, lang: Locale): BookingConfirmation => ({
    code: b.code,
    service: b.service_key,
    slotStart: b.slot_start,
    status: b.status === 'booked' ? 'booked' : 'confirmed',
    qrText: bookingQrText(b.code),
    bring: [...(plan.services.find((s) => s.key === b.service_key)?.bring[lang] ?? [])],
  });

  // --- JSON: slots, booking, kiosk, display ---
  app.get(
    BOOKING_SLOTS_PATH,
    {
      schema: {
        summary: 'Free slots of a service on a day (public)',
        params: officeParamsSchema,
        querystring: slotsQuerySchema,
      },
    },
    async (req) => {
      const plan = planFrom(req);
      const q = parse(slotsQuerySchema, req.query);
      return { slots: await freeSlots(ctx.db, plan, q.service, q.day, ctx.now()) };
    },
  );
  app.post(
    BOOKING_CREATE_PATH,
    { schema: { summary: 'Books a slot (public)', params: officeParamsSchema, body: bookingRequestSchema } },
    async (req, reply) => {
      const plan = planFrom(req);
      const body = parse(bookingRequestSchema, req.body);
      const lang = body.lang ?? requestLocale(req);
      const b = await book(plan, body, lang);
      return reply.code(201).send(confirmation(plan, b, lang));
    },
  );

  void app.register(async (scope) => {
    // the pages' plain forms
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8192 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    scope.post(
      KIOSK_CHECK_IN_PATH,
      {
        schema: {
          summary: 'Checks in a booking at the kiosk (public)',
          params: officeParamsSchema,
          body: checkInRequestSchema,
        },
        config: { rateLimit: kioskLimit() },
      },
      async (req, reply) => {
        const plan = planFrom(req);
        const body = parse(checkInRequestSchema, req.body);
        const t = await checkInBooking(ctx.db, plan, body.code, ctx.now());
        return reply.code(201).send(await ticketAnswer(ctx.db, plan, t, requestLocale(req)));
      },
    );
    scope.post(
      KIOSK_TICKET_PATH,
      {
        schema: {
          summary: 'Takes a walk-in ticket for a line (public)',
          params: officeParamsSchema,
          body: walkInRequestSchema,
        },
        config: { rateLimit: kioskLimit() },
      },
      async (req, reply) => {
        const plan = planFrom(req);
        const body = parse(walkInRequestSchema, req.body);
        const t = await takeWalkInTicket(ctx.db, plan, body.line, ctx.now());
        return reply.code(201).send(await ticketAnswer(ctx.db, plan, t, requestLocale(req)));
      },
    );

    // --- the booking page ---
    scope.get(
      BOOKING_PAGE_PATH,
      { schema: pageSchema('The booking page (HTML)', bookingPageQuerySchema) },
      async (req, reply) => {
        const plan = planFrom(req);
        const lang = langOf(req);
        const base = officePath(BOOKING_PAGE_PATH, plan.comune, plan.office);
        const q = req.query as Record<string, unknown>;
        const service = plan.services.find((s) => s.key === text(q.service));
        if (!service) return sendPage(reply, 200, (n) => servicesPage(plan, base, lang, n));
        const days = await daysWithSeats(ctx.db, plan, service.key, ctx.now());
        const asked = text(q.day);
        const day = isIsoDate(asked) ? asked : (days[0]?.day ?? romeDateOf(ctx.now()));
        const slots = await freeSlots(ctx.db, plan, service.key, day, ctx.now());
        return sendPage(reply, 200, (n) =>
          formPage(plan, base, lang, n, { service: service.key, day, days, slots, values: {}, error: null }),
        );
      },
    );
    scope.post(
      BOOKING_PAGE_PATH,
      { schema: pageSchema('The booking form sent (HTML)') },
      async (req, reply) => {
        const plan = planFrom(req);
        const lang = langOf(req);
        const base = officePath(BOOKING_PAGE_PATH, plan.comune, plan.office);
        const f = (req.body ?? {}) as Record<string, unknown>;
        const values = {
          slotStart: text(f.slotStart),
          name: text(f.name).slice(0, 200),
          cf: text(f.cf).slice(0, 40),
          email: text(f.email).slice(0, 254),
          phone: text(f.phone).slice(0, 40),
        };
        const service = text(f.service);
        try {
          const body = parse(bookingRequestSchema, {
            service,
            slotStart: values.slotStart,
            name: values.name,
            cf: values.cf,
            ...(values.email ? { email: values.email } : {}),
            ...(values.phone ? { phone: values.phone } : {}),
            lang,
          });
          const b = await book(plan, body, lang);
          const qrSvg = await QRCode.toString(bookingQrText(b.code), { type: 'svg', margin: 1 });
          const c = confirmation(plan, b, lang);
          return sendPage(reply, 201, (n) =>
            donePage(plan, base, lang, n, {
              code: c.code,
              service: c.service,
              slotStart: c.slotStart,
              status: c.status,
              qrSvg,
            }),
          );
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const message =
            err.code === 'invalid_input'
              ? lang === 'it'
                ? 'Scegliere un orario e compilare i campi richiesti.'
                : 'Please pick a time and fill in the required fields.'
              : err.toData(lang).message;
          if (!plan.services.some((s) => s.key === service))
            return sendPage(reply, 400, (n) => messagePage(plan, base, lang, n, message, message));
          const day = isIsoDate(values.slotStart.slice(0, 10))
            ? values.slotStart.slice(0, 10)
            : romeDateOf(ctx.now());
          const days = await daysWithSeats(ctx.db, plan, service, ctx.now());
          const slots = await freeSlots(ctx.db, plan, service, day, ctx.now());
          const status = err.code === 'booking_slot_taken' ? 409 : 400;
          return sendPage(reply, status, (n) =>
            formPage(plan, base, lang, n, { service, day, days, slots, values, error: message }),
          );
        }
      },
    );
    scope.get(
      BOOKING_CONFIRM_PAGE_PATH,
      { schema: pageSchema("The reminder's confirmation link (HTML)", confirmPageQuerySchema) },
      async (req, reply) => {
        const plan = planFrom(req);
        const lang = langOf(req);
        const base = officePath(BOOKING_PAGE_PATH, plan.comune, plan.office);
        const q = req.query as Record<string, unknown>;
        try {
          const b = await confirmBooking(
            ctx.db,
            plan.comune,
            text(q.code).toUpperCase(),
            text(q.t),
            ctx.now(),
          );
          return sendPage(reply, 200, (n) => confirmedPage(plan, base, lang, n, b.code, b.slot_start));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const m = err.toData(lang).message;
          return sendPage(reply, 404, (n) => messagePage(plan, base, lang, n, m, m));
        }
      },
    );

    // --- the kiosk page ---
    scope.get(KIOSK_PAGE_PATH, { schema: pageSchema('The kiosk at the door (HTML)') }, async (req, reply) => {
      const plan = planFrom(req);
      const base = officePath(KIOSK_PAGE_PATH, plan.comune, plan.office);
      return sendPage(reply, 200, (n) => kioskPage(plan, base, langOf(req), n));
    });
    const kioskForm = (what: 'arrivo' | 'biglietto') =>
      scope.post(
        `${KIOSK_PAGE_PATH}/${what}`,
        {
          schema: pageSchema(`The kiosk's ${what} form (HTML)`),
          config: { rateLimit: kioskLimit() },
          errorHandler: (err, req, reply) => {
            const plan = planFrom(req);
            const lang = langOf(req);
            const base = officePath(KIOSK_PAGE_PATH, plan.comune, plan.office);
            const known = err instanceof AppError ? err : new AppError('internal');
            if (!(err instanceof AppError)) req.log.error({ err }, 'kiosk failed');
            const status = known.code === 'kiosk_rate_limited' ? 429 : known.code === 'internal' ? 500 : 400;
            return sendPage(reply, status, (n) => kioskPage(plan, base, lang, n, known.toData(lang).message));
          },
        },
        async (req, reply) => {
          const plan = planFrom(req);
          const lang = langOf(req);
          const base = officePath(KIOSK_PAGE_PATH, plan.comune, plan.office);
          const f = (req.body ?? {}) as Record<string, unknown>;
          const t =
            what === 'arrivo'
              ? await checkInBooking(ctx.db, plan, text(f.code).slice(0, 64), ctx.now())
              : await takeWalkInTicket(
                  ctx.db,
                  plan,
                  parse(walkInRequestSchema, { line: text(f.line) }).line,
                  ctx.now(),
                );
          const a = await ticketAnswer(ctx.db, plan, t, lang);
          return sendPage(reply, 201, (n) =>
            kioskTicketPage(plan, base, lang, n, { code: a.code, service: a.service, ahead: a.waitingAhead }),
          );
        },
      );
    kioskForm('arrivo');
    kioskForm('biglietto');

    // --- the waiting-room display ---
    scope.get(
      DISPLAY_PAGE_PATH,
      { schema: pageSchema('The waiting-room display (HTML)') },
      async (req, reply) => {
        const plan = planFrom(req);
        const lang = langOf(req);
        const base = officePath(DISPLAY_PAGE_PATH, plan.comune, plan.office);
        const stateUrl = `${officePath(DISPLAY_STATE_PATH, plan.comune, plan.office)}?lang=${lang}`;
        return sendPage(reply, 200, (n) => displayPage(plan, base, stateUrl, lang, n), true);
      },
    );
    scope.get(
      DISPLAY_STATE_PATH,
      { schema: pageSchema('What the waiting-room display shows (JSON, public)') },
      async (req, reply) => {
        const plan = planFrom(req);
        return reply
          .header('cache-control', 'no-store')
          .send(await displayState(ctx.db, plan, langOf(req), ctx.now()));
      },
    );
  });
}
