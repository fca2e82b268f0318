import { z } from 'zod';
import { monthSchema } from './social-wire';

/** The hub's social-services routes (hub/social/social-routes.ts): office members only, audited. */
export const SOCIAL_API = '/api/v1/social';
/** one contributo record: GET …/contributi/:id */
export const SOCIAL_CONTRIBUTO_PATH = `${SOCIAL_API}/contributi/:id`;
/** one SAD record: GET …/sad/:id */
export const SOCIAL_SAD_PATH = `${SOCIAL_API}/sad/:id`;
/** the SAD waiting list in order, with each applicant's points (supervisors) */
export const SOCIAL_WAITING_PATH = `${SOCIAL_API}/sad-waiting`;
/** the treasury CSV of a month's contributo payments: GET …?month=YYYY-MM */
export const SOCIAL_TREASURY_PATH = `${SOCIAL_API}/treasury`;
/** the provider's delivered hours: POST { month, csv } */
export const SOCIAL_SAD_HOURS_PATH = `${SOCIAL_API}/sad-hours`;
/** the month's SAD billing run: POST { month } */
export const SOCIAL_SAD_BILLING_PATH = `${SOCIAL_API}/sad-billing`;

export const monthQuerySchema = z.object({ month: monthSchema }).strict();
export const sadHoursBodySchema = z.object({ month: monthSchema, csv: z.string().max(2_000_000) }).strict();
export const recordParamsSchema = z.object({ id: z.string().trim().min(1).max(64) }).strict();
