import { z } from 'zod';
import { isoDateSchema } from '../calendar/date-schemas';
import type { IsoDate } from '../calendar/iso-date';
import { spec, type CallSpec } from '../contract/call-spec';
import type { ContributoView, SadView, WaitingListEntryView } from './social-views';
import {
  CONTRIBUTO_FREQUENCIES,
  CONTRIBUTO_STATUSES,
  L104_STATUSES,
  NEED_CATEGORIES,
  REQUESTER_ROLES,
  SAD_STATUSES,
  SAD_TASKS,
  SOCIAL_ISEE_TYPES,
} from './social-wire';

/**
 * The desk contract entries of social services (`social:…`), declared in service.ts. Every one
 * is refused unless the clerk belongs to the social-services office (social-access.ts), and every
 * read is audited at the desk. What the worker typed comes as typed (an ISEE "6.000,01", an IBAN
 * with spaces): the schemas bound sizes only and the rules refuse in words (social-errors.ts).
 */

const id = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);

/** The requester as typed: the beneficiary (self), or someone for them with the decree if legal. */
export const requesterInput = z
  .object({
    role: z.enum(REQUESTER_ROLES),
    /** a resident picked from the registry (the desk copies name and codice fiscale) */
    personId: id.nullable().optional(),
    surname: text(120).optional(),
    givenNames: text(120).optional(),
    codiceFiscale: text(16).optional(),
    decree: text(200).nullable().optional(),
  })
  .strict();
export type RequesterInput = z.infer<typeof requesterInput>;

/** The ISEE attestation as typed at the counter; the value as the INPS form shows it ("6.000,01"). */
export const iseeInput = z
  .object({
    type: z.enum(SOCIAL_ISEE_TYPES),
    value: text(30),
    dsuProtocol: text(40),
    issuedOn: isoDateSchema,
    /** default: 31 December of the year of issue (shared/isee/statement.ts) */
    expiresOn: isoDateSchema.nullable().optional(),
  })
  .strict();
export type IseeInput = z.infer<typeof iseeInput>;

export const disabilityInput = z
  .object({
    invalidityPct: z.number().int().min(0).max(100).nullable().default(null),
    l104: z.enum(L104_STATUSES).default('none'),
    accompanyingAllowance: z.boolean().default(false),
  })
  .strict();

const applicationCommon = {
  beneficiaryId: id,
  requester: requesterInput,
  isee: iseeInput.nullable(),
  disability: disabilityInput,
  needNote: text(1000).default(''),
  counterSeconds: z.number().int().min(0).max(86_400).nullable().optional(),
  /** the documents handed in (ids of the procedure's list); default: the application itself */
  documents: z.array(z.string().max(60)).max(30).optional(),
};

export const contributoApplyInput = z
  .object({
    ...applicationCommon,
    iban: text(60),
    need: z.enum(NEED_CATEGORIES),
  })
  .strict();
export type ContributoApplyInput = z.infer<typeof contributoApplyInput>;

export const sadApplyInput = z.object(applicationCommon).strict();
export type SadApplyInput = z.infer<typeof sadApplyInput>;

export const assessmentInput = z
  .object({
    contributoId: id,
    assessment: text(4000),
    project: text(4000),
    /** per payment, as typed in euro ("250,00") */
    amount: text(20),
    frequency: z.enum(CONTRIBUTO_FREQUENCIES).default('monthly'),
    startOn: isoDateSchema,
    endOn: isoDateSchema,
  })
  .strict();
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const sadPlanInput = z
  .object({
    sadId: id,
    hoursPerWeek: z.number().finite().min(-1000).max(1000),
    operators: z.number().int().min(0).max(10),
    tasks: z.array(z.enum(SAD_TASKS)).max(SAD_TASKS.length),
    provider: text(200).default(''),
  })
  .strict();
export type SadPlanInput = z.infer<typeof sadPlanInput>;

/** A person of the beneficiary's household as the registry mirror has it. */
export interface HouseholdMemberView {
  personId: string;
  name: string;
  codiceFiscale: string;
  birthDate: IsoDate;
  relationship: string;
}

export interface HouseholdView {
  beneficiary: HouseholdMemberView & { addressLine: string; resident: boolean };
  household: HouseholdMemberView[];
}

/** The live check of an IBAN as typed. */
export type IbanCheckView = { ok: true; iban: string } | { ok: false; code: string; message: string };

/** A refusal as the forms list it (code + message in the counter's language). */
export interface SocialRefusalView {
  code: string;
  message: string;
}

/**
 * The PAI's price computed live: the personalised hourly rate by the comune's SAD tariff and the
 * beneficiary's ISEE (per operator), and what a month at these hours would cost. The hub
 * recomputes it at filing and bills the hours actually delivered.
 */
export interface SadQuoteView {
  ok: boolean;
  refusals: SocialRefusalView[];
  /** per hour and operator: the personalised rate the PAI records (DOMAIN.md §10.1) */
  hourlyRateCents: number | null;
  /** per hour with all the plan's operators */
  allOperatorsCents: number | null;
  operators: number;
  bandLabel: string | null;
  chosenBy: 'isee' | 'no_isee' | 'non_resident' | null;
  exempt: boolean;
  /** an expired or missing ISEE, said aloud */
  warning: string | null;
  weeklyCents: number | null;
  /** hours × 52 / 12 weeks × rate, rounded to the cent: an estimate, the bill counts hours used */
  monthlyEstimateCents: number | null;
  lines: string[];
  tariffSource: string | null;
}

export const SOCIAL_CALLS = {
  /** the beneficiary and the household from the registry mirror (audited: special category) */
  'social:household': spec<HouseholdView>()(z.object({ residentId: id }).strict(), 'clerk'),
  /** the IBAN's length and check digits, as typed: nothing stored */
  'social:checkIban': spec<IbanCheckView>()(z.object({ iban: text(60) }).strict(), 'clerk'),
  /** checks, opens the contributo_economico case and queues `social.contributo` in one transaction */
  'social:contributoApply': spec<ContributoView>()(contributoApplyInput, 'clerk'),
  /** the social worker's assessment and individual project: amount, frequency, start and end */
  'social:assessment': spec<ContributoView>()(assessmentInput, 'clerk'),
  'social:contributi': spec<ContributoView[]>()(
    z
      .object({
        status: z.enum([...CONTRIBUTO_STATUSES, 'all']).optional(),
        beneficiaryId: id.optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    'clerk',
  ),
  'social:contributo': spec<ContributoView>()(z.object({ contributoId: id }).strict(), 'clerk'),
  /** opens the assistenza_domiciliare case and queues `social.sadApply` */
  'social:sadApply': spec<SadView>()(sadApplyInput, 'clerk'),
  /** the home visit and assessment (DOMAIN.md §10.3 step 2) */
  'social:sadVisit': spec<SadView>()(
    z.object({ sadId: id, visitedOn: isoDateSchema, livesAlone: z.boolean(), notes: text(4000) }).strict(),
    'clerk',
  ),
  /** the PAI's rate and monthly cost, live: nothing stored */
  'social:sadQuote': spec<SadQuoteView>()(
    z
      .object({
        sadId: id,
        hoursPerWeek: z.number().finite().min(-1000).max(1000),
        operators: z.number().int().min(0).max(10),
      })
      .strict(),
    'clerk',
  ),
  /** the PAI (hours per week, operators, tasks) at the rate the quote showed */
  'social:sadPlan': spec<SadView>()(sadPlanInput, 'clerk'),
  /** supervisors: start the service on a day, or the hub puts it on the waiting list */
  'social:sadStart': spec<SadView>()(z.object({ sadId: id, startOn: isoDateSchema }).strict(), 'clerk'),
  'social:sads': spec<SadView[]>()(
    z
      .object({
        status: z.enum([...SAD_STATUSES, 'all']).optional(),
        beneficiaryId: id.optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    'clerk',
  ),
  'social:sad': spec<SadView>()(z.object({ sadId: id }).strict(), 'clerk'),
  /** the waiting list in the comune's order, with each person's points by criterion: the office's
   *  supervisors only (`social_supervisors_only` for the other members, checked in the handler) */
  'social:waitingList': spec<WaitingListEntryView[]>()(z.object({}).strict(), 'clerk'),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
