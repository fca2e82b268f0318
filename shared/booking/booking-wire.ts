import { z } from 'zod';
import { isoDateSchema, localDateTimeSchema } from '../calendar/date-schemas';
import { lineSchema } from '../visits/visit-wire';

/**
 * The public side of booking and the queue, served by the hub without a workstation: the citizen's
 * booking page, the kiosk at the door and the waiting-room display, as HTML pages and as the JSON
 * they (or another front end) call. Nothing here carries a name or a tax code back to the public:
 * a booking answers with its code, a ticket with its code, the display with codes and counters.
 */

/** outside /api/v…: no desk protocol header, the public has no desk */
export const BOOKING_API = '/public/v1/booking';
export const BOOKING_SLOTS_PATH = `${BOOKING_API}/:comune/:office/slots`;
export const BOOKING_CREATE_PATH = `${BOOKING_API}/:comune/:office/bookings`;
export const KIOSK_CHECK_IN_PATH = '/public/v1/kiosk/:comune/:office/check-in';
export const KIOSK_TICKET_PATH = '/public/v1/kiosk/:comune/:office/tickets';
export const DISPLAY_STATE_PATH = '/public/v1/display/:comune/:office';

/** The pages: booking (`?lang=en`), its confirmation link, the kiosk, the waiting-room display. */
export const BOOKING_PAGE_PATH = '/prenota/:comune/:office';
export const BOOKING_CONFIRM_PAGE_PATH = '/prenota/:comune/:office/conferma';
export const KIOSK_PAGE_PATH = '/chiosco/:comune/:office';
export const DISPLAY_PAGE_PATH = '/sala/:comune/:office';

export const officePath = (path: string, comune: string, office: string): string =>
  path.replace(':comune', encodeURIComponent(comune)).replace(':office', encodeURIComponent(office));

export const officeParamsSchema = z
  .object({ comune: z.string().regex(/^[A-Z]\d{3}$/), office: z.string().min(1).max(40) })
  .strict();

export const slotsQuerySchema = z.object({ service: z.string().min(1).max(40), day: isoDateSchema }).strict();
export const slotsResponseSchema = z
  .object({
    slots: z.array(z.object({ start: localDateTimeSchema, free: z.number().int().positive() }).strict()),
  })
  .strict();

export const bookingRequestSchema = z
  .object({
    service: z.string().min(1).max(40),
    slotStart: localDateTimeSchema,
    name: z.string().max(200),
    cf: z.string().max(40),
    email: z.string().max(254).optional(),
    phone: z.string().max(40).optional(),
    lang: z.enum(['it', 'en']).optional(),
  })
  .strict();
export type BookingRequestWire = z.infer<typeof bookingRequestSchema>;

export const bookingConfirmationSchema = z
  .object({
    code: z.string(),
    service: z.string(),
    slotStart: localDateTimeSchema,
    /** booked: to be confirmed from the reminder 3 days ahead; confirmed: nothing more to do */
    status: z.enum(['booked', 'confirmed']),
    /** the QR's text (`SPORTELLO-BK:<code>`), what the kiosk's scanner reads */
    qrText: z.string(),
    bring: z.array(z.string()),
  })
  .strict();
export type BookingConfirmation = z.infer<typeof bookingConfirmationSchema>;

export const checkInRequestSchema = z.object({ code: z.string().min(1).max(64) }).strict();
export const walkInRequestSchema = z.object({ line: lineSchema }).strict();
export const kioskTicketSchema = z
  .object({ code: z.string(), line: z.string(), service: z.string(), waitingAhead: z.number().int() })
  .strict();

export const displayStateSchema = z
  .object({
    /** the latest calls, newest first: ticket code and counter, and a number that grows with each call (the chime) */
    called: z.array(z.object({ code: z.string(), counter: z.number().int(), at: z.string() }).strict()),
    lastCall: z.string().nullable(),
    lines: z.array(
      z
        .object({
          line: z.string(),
          label: z.string(),
          waiting: z.number().int().nonnegative(),
          estimatedMinutes: z.number().int().nonnegative(),
        })
        .strict(),
    ),
  })
  .strict();
export type DisplayState = z.infer<typeof displayStateSchema>;
