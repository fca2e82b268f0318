import { z } from 'zod';
import { isoDateSchema, localDateTimeSchema } from '../calendar/date-schemas';
import { caseOpenSchema } from '../cases/case-mutations';
import { DECLARANT_ROLES, SECTORS, SHOP_EVENTS } from './shop-events';

/**
 * What a filing carries (DOMAIN.md §11.3) and the register's record, as the desk queues them and
 * the hub sends them back. Sizes are bounded here; the meaning (areas within class, a valid VAT
 * number, a street of the comune, dates) is checked by the rules, which refuse in words.
 */

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);
/** m², at most two decimals; absurd values are bounded here and explained by the rules */
export const areaSchema = z.number().finite().min(-1_000_000).max(1_000_000);

export const declarantSchema = z
  .object({
    surname: text(120).min(1),
    givenNames: text(120).min(1),
    codiceFiscale: text(16).min(11),
    role: z.enum(DECLARANT_ROLES),
  })
  .strict();

export const companySchema = z
  .object({
    name: text(200).min(1),
    partitaIva: text(16).min(1),
    /** Chamber of Commerce REA number, e.g. "AL-123456" */
    rea: text(30),
    pec: text(200),
  })
  .strict();

export const premisesSchema = z
  .object({
    streetType: text(40).min(1),
    streetName: text(120).min(1),
    houseNumber: text(20).min(1),
    salesAreaM2: areaSchema,
    totalAreaM2: areaSchema,
  })
  .strict();

export const requirementsSchema = z
  .object({
    /** art. 71 c.1-5 D.Lgs. 59/2010, owner and legal representatives */
    moral: z.boolean(),
    /** art. 71 c.6, for food: by the owner or a designated manager (preposto) */
    professional: z.boolean(),
    preposto: text(241).nullable(),
    /** D.Lgs. 159/2011 self-declaration */
    antimafia: z.boolean(),
  })
  .strict();

export const takeoverSchema = z
  .object({
    previousHolder: text(200).min(1),
    /** notary, repertorio number, registration details */
    deed: text(300).min(1),
  })
  .strict();

/** One event of a shop as filed (the fields of §11.3 that the event carries). */
export const shopFilingSchema = z
  .object({
    event: z.enum(SHOP_EVENTS),
    effectiveDate: isoDateSchema,
    declarant: declarantSchema,
    company: companySchema,
    /** the shop's sign (insegna) */
    signName: text(200).min(1),
    premises: premisesSchema,
    sector: z.enum(SECTORS),
    requirements: requirementsSchema,
    takeover: takeoverSchema.nullable(),
    /** sospensione: the last day of the suspension */
    suspendedUntil: isoDateSchema.nullable(),
  })
  .strict();
export type ShopFiling = z.infer<typeof shopFilingSchema>;

export const SHOP_PAYMENTS = ['cash', 'pagopa', 'none'] as const;

export const shopFileSchema = z
  .object({
    filingId: id,
    shopId: id,
    at: localDateTimeSchema,
    filing: shopFilingSchema,
    /** the case the filing opens (procedure scia_vicinato or comunicazione_vicinato) */
    case: caseOpenSchema,
    payment: z.enum(SHOP_PAYMENTS),
    /** what the counter computed; the hub recomputes and refuses a difference */
    feeCents: z.number().int().min(0).max(1_000_000),
    /** cash: the clerk's open till; a pagoPA notice is numbered by the hub (shop record `notices`) */
    tillSessionId: id.nullable(),
  })
  .strict();

export const SCIA_OUTCOMES = ['conforme', 'invito', 'divieto'] as const;
export type SciaOutcome = (typeof SCIA_OUTCOMES)[number];

export const shopOutcomeSchema = z
  .object({
    shopId: id,
    caseId: id,
    eventId: id,
    at: localDateTimeSchema,
    outcome: z.enum(SCIA_OUTCOMES),
    /** invito a conformare: days to conform, at least 30 (art. 19 c.3) */
    conformDays: z.number().int().min(1).max(365).nullable(),
    reason: text(500).min(3),
  })
  .strict();

export const SHOP_MUTATIONS = {
  'shops.file': shopFileSchema,
  'shops.sciaOutcome': shopOutcomeSchema,
} as const;

export const SHOP_STATUSES = ['active', 'suspended', 'closed', 'prohibited'] as const;
export type ShopStatus = (typeof SHOP_STATUSES)[number];

export const sciaCheckSchema = z
  .object({
    caseId: id,
    filingId: id,
    event: z.enum(SHOP_EVENTS),
    filedOn: isoDateSchema,
    dueDate: isoDateSchema,
    outcome: z.enum(['pending', ...SCIA_OUTCOMES]),
    conformBy: isoDateSchema.nullable(),
    decidedOn: isoDateSchema.nullable(),
  })
  .strict();
export type SciaCheck = z.infer<typeof sciaCheckSchema>;

export const shopHistorySchema = z
  .object({
    filingId: id,
    event: z.enum([...SHOP_EVENTS, 'esito_scia']),
    effectiveDate: isoDateSchema,
    caseId: id.nullable(),
    note: text(400),
  })
  .strict();
export type ShopHistoryEntry = z.infer<typeof shopHistorySchema>;

export const shopNoticeSchema = z
  .object({ filingId: id, noticeNumber: z.string().regex(/^\d{18}$/), amountCents: z.number().int().min(0) })
  .strict();

export const shopRecordSchema = z
  .object({
    id,
    comune: z.string().min(4).max(4),
    signName: text(200),
    company: companySchema,
    declarant: declarantSchema,
    streetType: text(40),
    streetName: text(120),
    houseNumber: text(20),
    salesAreaM2: z.number(),
    totalAreaM2: z.number(),
    sector: z.enum(SECTORS),
    status: z.enum(SHOP_STATUSES),
    openedOn: isoDateSchema,
    closedOn: isoDateSchema.nullable(),
    suspendedUntil: isoDateSchema.nullable(),
    scia: sciaCheckSchema.nullable(),
    history: z.array(shopHistorySchema).max(500),
    /** pagoPA notices the hub issued for this shop's filings (the number comes from the hub) */
    notices: z.array(shopNoticeSchema).max(500),
  })
  .strict();
export type ShopRecord = z.infer<typeof shopRecordSchema>;
