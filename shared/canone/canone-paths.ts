import { z } from 'zod';
import { isoDateSchema } from '../calendar/date-schemas';

/** The hub's canone routes (hub/canone/canone-routes.ts) and what they take. */
export const CANONE_API = '/api/v1/canone';
/** occupations active on a day, by street (the office's "map") */
export const CANONE_ACTIVE_PATH = `${CANONE_API}/active`;
/** the local police's requests for traffic ordinances */
export const CANONE_POLICE_PATH = `${CANONE_API}/police-requests`;
/** the tariff tables with their uncertain values, for supervisors (JSON, or HTML with ?format=html) */
export const CANONE_TARIFFS_PATH = `${CANONE_API}/tariffs`;
/** the yearly run on demand (supervisors, admins) */
export const CANONE_YEARLY_PATH = `${CANONE_API}/yearly`;
/** the public page of a concession's QR code: /verify/canone/CUS-B885-2026-000001?k=<key> */
export const CANONE_VERIFY_PATH = '/verify/canone/:number';
export const canoneVerifyUrl = (hubUrl: string, number: string, key: string): string =>
  `${hubUrl.replace(/\/$/, '')}/verify/canone/${encodeURIComponent(number)}?k=${encodeURIComponent(key)}`;

export const activeQuerySchema = z
  .object({
    /** default: today in Italy */
    day: isoDateSchema.optional(),
    /** one street only, as the registry writes it ("Via Roma") */
    street: z.string().trim().min(1).max(170).optional(),
  })
  .strict();

export const policeQuerySchema = z.object({ status: z.enum(['open', 'done']).default('open') }).strict();

export const tariffsQuerySchema = z
  .object({ day: isoDateSchema.optional(), format: z.enum(['json', 'html']).default('json') })
  .strict();

export const yearlyRunSchema = z.object({ year: z.number().int().min(2021).max(2200) }).strict();
