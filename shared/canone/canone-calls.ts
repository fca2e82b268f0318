import { z } from 'zod';
import { isoDateSchema } from '../calendar/date-schemas';
import type { IsoDate } from '../calendar/iso-date';
import { spec, type CallSpec } from '../contract/call-spec';
import type {
  ActiveStreetView,
  CanoneApplicationView,
  CanoneCategoryOption,
  CanonePdfView,
  CanoneQuoteView,
  CanoneStreetOption,
  SubmittedCanoneView,
} from './canone-views';
import { CANONE_REGIMES, CANONE_STATUSES, canoneHoursSchema } from './canone-wire';

/**
 * The desk contract entries of the canone unico (`canone:…`), declared in service.ts. What the
 * clerk typed comes as typed: the schema bounds sizes only, and the rules refuse a bad surface,
 * period, street or VAT number in words (canone-errors.ts), so the live quote can show them.
 */

const id = z.string().trim().min(1).max(64);

/**
 * Who applies: a resident of the registry (the desk copies name and codice fiscale), a person
 * not in the registry (codice fiscale and name), or a company by partita IVA (checked live).
 */
export const canoneApplicantInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resident'), residentId: id }).strict(),
  z
    .object({
      kind: z.literal('person'),
      codiceFiscale: z.string().trim().max(20),
      name: z.string().trim().max(241),
    })
    .strict(),
  z
    .object({
      kind: z.literal('company'),
      partitaIva: z.string().trim().max(20),
      name: z.string().trim().max(241),
      codiceFiscale: z.string().trim().max(20).nullable().optional(),
      /** sede legale, one line */
      seat: z.string().trim().max(200).optional(),
      pec: z.string().trim().max(254).nullable().optional(),
    })
    .strict(),
]);
export type CanoneApplicantInput = z.infer<typeof canoneApplicantInput>;

/** An occupation as asked at the counter: for the live quote and for filing. */
export const canoneRequestInput = z
  .object({
    /** null while the clerk has not picked one yet: the fee is shown anyway */
    applicant: canoneApplicantInput.nullable().optional(),
    /** the street as the picker shows it ("Via Roma"), matched against the comune's street list */
    street: z.string().trim().max(170),
    civic: z.string().trim().max(20),
    /** a category code of shared/canone/categories.ts */
    category: z.string().trim().max(40),
    regime: z.enum(CANONE_REGIMES),
    /** m² or linear metres as declared */
    measure: z.number().finite().min(-1_000_000).max(1_000_000),
    start: isoDateSchema,
    end: isoDateSchema.nullable().optional(),
    hours: canoneHoursSchema.nullable().optional(),
    ownSign: z.boolean().default(false),
  })
  .strict();
export type CanoneRequestInput = z.infer<typeof canoneRequestInput>;

export const canoneApplyInput = canoneRequestInput
  .extend({
    applicant: canoneApplicantInput,
    /** in the applicant's words; default: the category's name */
    purpose: z.string().trim().max(300).optional(),
    trafficAffected: z.boolean().default(false),
    /** the documents handed in (ids of the procedure's list); default: the application itself */
    documents: z.array(z.string().max(60)).max(30).optional(),
    counterSeconds: z.number().int().min(0).max(86_400).nullable().optional(),
  })
  .strict();
export type CanoneApplyInput = z.infer<typeof canoneApplyInput>;

/** What the form needs from the counter, for the comune and today. */
export interface CanoneOptionsView {
  today: IsoDate;
  comune: string;
  categories: CanoneCategoryOption[];
  /** the comune's streets (from the registry's addresses) with their tariff zone */
  streets: CanoneStreetOption[];
  /** the comune allows hourly fractions of a day */
  hourly: boolean;
  maxTemporaryDays: number;
  /** the tariff resolution in force and whether its values are still to be confirmed */
  tariffVersion: string;
  uncertain: boolean;
}

/** A letter of the procedure (the art. 10-bis notice), for printing. */
export interface CanoneLetterPdfView {
  id: string;
  kind: 'refusal_notice';
  pdfBase64: string;
  sha256: string;
}

const byApplication = z.object({ applicationId: id }).strict();

export const CANONE_LIST_FILTERS = [...CANONE_STATUSES, 'all', 'pending'] as const;

export const CANONE_CALLS = {
  /** categories in force today with unit and coefficients, the streets with their zone */
  'canone:options': spec<CanoneOptionsView>()(z.object({}).strict(), 'clerk'),
  /** the live fee with its breakdown, or why not: nothing stored */
  'canone:quote': spec<CanoneQuoteView>()(canoneRequestInput, 'clerk'),
  /** checks again, opens the case and queues `canone.apply` in one local transaction */
  'canone:apply': spec<SubmittedCanoneView>()(canoneApplyInput, 'clerk'),
  /** applications and concessions by status (newest first), or one person's */
  'canone:list': spec<CanoneApplicationView[]>()(
    z
      .object({
        status: z.enum(CANONE_LIST_FILTERS).default('all'),
        residentId: id.optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    'clerk',
  ),
  /** the office's list: occupations active on a day, by street */
  'canone:active': spec<ActiveStreetView[]>()(z.object({ day: isoDateSchema }).strict(), 'clerk'),
  'canone:get': spec<CanoneApplicationView>()(byApplication, 'clerk'),
  /** the application of a case, if it is one */
  'canone:forCase': spec<CanoneApplicationView | null>()(z.object({ caseId: id }).strict(), 'clerk'),
  /** supervisors: end a granted concession on a day (inclusive), for a reason */
  'canone:revoke': spec<CanoneApplicationView>()(
    byApplication.extend({ endsOn: isoDateSchema, reason: z.string().trim().min(5).max(300) }),
    'clerk',
  ),
  /** the concession, A4, with the QR of the hub's verification page */
  'canone:concessionPdf': spec<CanonePdfView>()(byApplication, 'clerk'),
  /** the art. 10-bis letter announcing the reasons against the application */
  'canone:refusalNoticePdf': spec<CanoneLetterPdfView>()(
    byApplication.extend({ reasons: z.string().trim().min(5).max(2000) }),
    'clerk',
  ),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
