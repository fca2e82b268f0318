import { z } from 'zod';
import { monthSchema } from './school-wire';

/** The hub's school routes (hub/school/school-routes.ts) and what they take. */
export const SCHOOL_API = '/api/v1/school';
/** the canteen operator's CSV for one school (supervisors): body text/csv, `giorno;codice fiscale;pasti` */
export const SCHOOL_ATTENDANCE_PATH = `${SCHOOL_API}/attendance/:school`;
/** the monthly billing run on demand (supervisors, admins) */
export const SCHOOL_BILLING_PATH = `${SCHOOL_API}/billing`;
/** a payer's account as the hub has it now (notices, paid, owed) */
export const SCHOOL_ACCOUNT_PATH = `${SCHOOL_API}/accounts/:payer`;

export const billingRunSchema = z.object({ month: monthSchema }).strict();
export const schoolCodeParamSchema = z.string().regex(/^[A-Z0-9]{4,12}$/);
export const payerParamSchema = z.string().regex(/^[A-Z0-9]{11,16}$/);
