import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date';
import { isoDateSchema, localDateTimeSchema } from '../calendar/date-schemas';
import { spec, type CallSpec } from '../contract/call-spec';
import { isLocalDateTime } from '../protocol/local-date-time';
import { PERMIT_KINDS } from './permit-kinds';
import type {
  ExpiringPermitView,
  IssuedPermitView,
  PermitDraftView,
  PermitKindOption,
  PermitPdfView,
  PermitView,
  PlateCheckView,
} from './permit-views';
import { DUPLICATE_CAUSES } from './permit-wire';
import { statsQuerySchema, type PermitStats } from './street-wire';

/**
 * The desk contract entries of permits (`permits:…`), declared in service.ts. Plates come as the
 * clerk typed them ("ab 123 cd"): the rules read and refuse them with a typed reason
 * (`plate_invalid`), so the schema only bounds their size; a third CUDE plate passes the schema
 * and is refused by the rules, in words.
 */

const id = z.string().trim().min(1).max(64);
const typedPlate = z
  .object({
    plate: z.string().max(20),
    /** 'I' (Italy) by default; ISO 3166-1 alpha-2 for a foreign plate */
    country: z.string().max(3).optional(),
  })
  .strict();
const dayOrMoment = z
  .string()
  .refine((v) => isIsoDate(v) || isLocalDateTime(v), { message: 'expected YYYY-MM-DD or YYYY-MM-DDTHH:mm' });

/** A permit as asked at the counter, for the live check and for issuing. */
export const permitRequestInput = z
  .object({
    /** the person whose page the form was opened from */
    residentId: id,
    kind: z.enum(PERMIT_KINDS),
    plates: z.array(typedPlate).max(5).default([]),
    /** null: the zone of the holder's street */
    zone: z.string().trim().max(40).nullable().optional(),
    /** first day, or first minute of a temporary ticket; default: today (a renewal: the day after the old end) */
    start: dayOrMoment.nullable().optional(),
    /** cude temporaneo: last day of the certified condition; domiciliati: end of domicile */
    end: isoDateSchema.nullable().optional(),
    renewsId: id.nullable().optional(),
    /** CUDE: the ASL certificate reference (health data: never printed) */
    aslRef: z.string().trim().max(60).nullable().optional(),
    privateParking: z.boolean().default(false),
    garageWithPassoCarraio: z.boolean().optional(),
    chamberOfCommerce: z.boolean().optional(),
    albo: z.boolean().optional(),
  })
  .strict();
export type PermitRequestInput = z.infer<typeof permitRequestInput>;

export const PERMIT_PAYMENTS = ['cash', 'pagopa'] as const;

export const permitIssueInput = permitRequestInput
  .extend({
    /** cash into the clerk's till (default), or a pagoPA notice the citizen pays later */
    payment: z.enum(PERMIT_PAYMENTS).default('cash'),
  })
  .strict();
export type PermitIssueInput = z.infer<typeof permitIssueInput>;

const byId = z.object({ permitId: id }).strict();

export const PERMIT_CALLS = {
  /** the kinds this comune issues today, in the order of the list */
  'permits:kinds': spec<PermitKindOption[]>()(z.object({}).strict(), 'clerk'),
  /** pre-fill and check, nothing stored */
  'permits:prepare': spec<PermitDraftView>()(permitRequestInput, 'clerk'),
  'permits:issue': spec<IssuedPermitView>()(permitIssueInput, 'clerk'),
  /** the person's and the household's permits */
  'permits:forResident': spec<PermitView[]>()(z.object({ residentId: id }).strict(), 'clerk'),
  /** permits carrying a plate (any status), newest first */
  'permits:lookup': spec<PermitView[]>()(
    z.object({ plate: z.string().max(20), country: z.string().max(3).optional() }).strict(),
    'clerk',
  ),
  'permits:changePlate': spec<PermitView>()(
    byId.extend({
      plates: z.array(typedPlate).max(5),
      reason: z.string().trim().max(300).nullable().optional(),
    }),
    'clerk',
  ),
  'permits:duplicate': spec<IssuedPermitView>()(
    byId.extend({
      cause: z.enum(DUPLICATE_CAUSES),
      reportRef: z.string().trim().max(120).nullable().optional(),
    }),
    'clerk',
  ),
  'permits:revoke': spec<PermitView>()(byId.extend({ reason: z.string().trim().min(5).max(300) }), 'clerk'),
  'permits:pdf': spec<PermitPdfView>()(byId.extend({ format: z.enum(['a4', 'card']) }), 'clerk'),
  /** active permits ending within `days` (default 30), with the letter draft */
  'permits:expiring': spec<ExpiringPermitView[]>()(
    z.object({ days: z.number().int().min(1).max(366).optional() }).strict(),
    'clerk',
  ),
  /** "is plate X allowed in zone Z at time T?" from the mirror (works offline) */
  /** supervisors: the hub's figures of a period (issued, renewed, revoked per day and kind, revenue) */
  'permits:stats': spec<PermitStats>()(statsQuerySchema, 'clerk'),
  /** supervisors: permits the registry's changes proposed for revocation, from this counter's mirror */
  'permits:proposedRevocations': spec<PermitView[]>()(z.object({}).strict(), 'clerk'),
  'permits:checkLocal': spec<PlateCheckView>()(
    z
      .object({
        plate: z.string().max(20),
        country: z.string().max(3).optional(),
        zone: z.string().trim().min(1).max(40),
        at: localDateTimeSchema.optional(),
      })
      .strict(),
    'clerk',
  ),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
