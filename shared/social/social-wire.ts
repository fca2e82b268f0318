import { z } from 'zod';
import { isoDateSchema, localDateTimeSchema } from '../calendar/date-schemas';
import { caseOpenSchema } from '../cases/case-mutations';

/**
 * What the social-services office files (DOMAIN.md §10.2 contributo economico, §10.3 SAD) and the
 * records the hub sends back. Sizes are bounded here; the meaning (an IBAN's check digits, a
 * decree for a legal protector, an ISEE with two decimals, hours above zero) is checked by the
 * rules, which refuse in words (social-errors.ts). These are special-category data (DOMAIN.md
 * §12.1): only the social-services office reads or changes them (social-access.ts).
 */

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);
const cents = z.number().int().min(0).max(100_000_000);
/** 'YYYY-MM' */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * Who files for the beneficiary (§10.2): the person, a family member, or a legal protector
 * appointed by a court (tutore, curatore, amministratore di sostegno) — these need the decree.
 */
export const REQUESTER_ROLES = ['self', 'family', 'tutore', 'curatore', 'amministratore_sostegno'] as const;
export type RequesterRole = (typeof REQUESTER_ROLES)[number];
/** roles that act by a court's appointment: the decree's reference is required */
export const DECREE_ROLES: readonly RequesterRole[] = ['tutore', 'curatore', 'amministratore_sostegno'];

export const requesterSchema = z
  .object({
    role: z.enum(REQUESTER_ROLES),
    /** the registry person, when the requester is a resident; null for self or outsiders */
    personId: id.nullable(),
    surname: text(120),
    givenNames: text(120),
    codiceFiscale: text(16),
    /** "Trib. Alessandria, decreto n. 123/2026 del 12/03/2026" */
    decree: text(200).nullable(),
  })
  .strict();
export type Requester = z.infer<typeof requesterSchema>;

/** DPCM 159/2013 variants; same names as shared/isee/statement.ts */
export const SOCIAL_ISEE_TYPES = ['ordinario', 'sociosanitario', 'corrente', 'minorenni'] as const;

/** The ISEE attestation as recorded (same fields as shared/isee/statement.ts IseeStatement). */
export const socialIseeSchema = z
  .object({
    type: z.enum(SOCIAL_ISEE_TYPES),
    /** may be typed wrong: negative or fractional cents are refused by the rules, in words */
    valueCents: z.number().finite().min(-1_000_000_000).max(1_000_000_000),
    /** INPS-ISEE-2026-XXXXXXXXX-XX */
    dsuProtocol: text(40),
    issuedOn: isoDateSchema,
    expiresOn: isoDateSchema,
  })
  .strict();
export type SocialIsee = z.infer<typeof socialIseeSchema>;

/** L. 104/1992: art. 3 c.1 (handicap) or c.3 (handicap grave) */
export const L104_STATUSES = ['none', 'art3c1', 'art3c3'] as const;

export const disabilitySchema = z
  .object({
    /** civil invalidity percentage from the commission's report; null when none */
    invalidityPct: z.number().int().min(0).max(100).nullable(),
    l104: z.enum(L104_STATUSES),
    /** INPS indennità di accompagnamento */
    accompanyingAllowance: z.boolean(),
  })
  .strict();
export type Disability = z.infer<typeof disabilitySchema>;

export const NEED_CATEGORIES = [
  'reddito',
  'abitazione',
  'utenze',
  'sanitario',
  'minori',
  'disabilita',
  'anziani',
  'altro',
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

/** social.contributo: the application, with the case it opens (procedure contributo_economico). */
export const contributoApplySchema = z
  .object({
    contributoId: id,
    at: localDateTimeSchema,
    /** a resident of the registry; the hub reads the household from its own registry */
    beneficiaryId: id,
    requester: requesterSchema,
    isee: socialIseeSchema.nullable(),
    disability: disabilitySchema,
    /** as typed; the hub checks it (checkIban) and stores it normalised */
    iban: text(50),
    need: z.enum(NEED_CATEGORIES),
    needNote: text(1000),
    case: caseOpenSchema,
  })
  .strict();
export type ContributoApply = z.infer<typeof contributoApplySchema>;

export const CONTRIBUTO_FREQUENCIES = ['monthly'] as const;

/** social.assessment: the social worker's assessment and individual project → the schedule. */
export const assessmentSchema = z
  .object({
    contributoId: id,
    at: localDateTimeSchema,
    assessment: text(4000),
    project: text(4000),
    /** per payment */
    amountCents: z.number().int().min(-100_000_000).max(100_000_000),
    frequency: z.enum(CONTRIBUTO_FREQUENCIES),
    startOn: isoDateSchema,
    endOn: isoDateSchema,
  })
  .strict();
export type Assessment = z.infer<typeof assessmentSchema>;

/** social.sadApply: a home-care application (procedure assistenza_domiciliare). */
export const sadApplySchema = z
  .object({
    sadId: id,
    at: localDateTimeSchema,
    beneficiaryId: id,
    requester: requesterSchema,
    isee: socialIseeSchema.nullable(),
    disability: disabilitySchema,
    needNote: text(1000),
    case: caseOpenSchema,
  })
  .strict();
export type SadApply = z.infer<typeof sadApplySchema>;

/** social.sadVisit: the social worker's home visit and assessment (§10.3 step 2). */
export const sadVisitSchema = z
  .object({
    sadId: id,
    at: localDateTimeSchema,
    visitedOn: isoDateSchema,
    /** a waiting-list criterion of most comuni */
    livesAlone: z.boolean(),
    notes: text(4000),
  })
  .strict();
export type SadVisit = z.infer<typeof sadVisitSchema>;

export const SAD_TASKS = [
  'igiene_personale',
  'aiuto_domestico',
  'preparazione_pasti',
  'accompagnamento',
  'spesa',
  'somministrazione_farmaci',
  'compagnia',
] as const;
export type SadTask = (typeof SAD_TASKS)[number];

/** social.sadPlan: the PAI (§10.3 step 3): hours, operators, tasks; the hub prices the hour. */
export const sadPlanSchema = z
  .object({
    sadId: id,
    at: localDateTimeSchema,
    /** may be typed as 0: refused by the rules in words (sad_hours_zero) */
    hoursPerWeek: z.number().finite().min(-1000).max(1000),
    operators: z.number().int().min(0).max(10),
    tasks: z.array(z.enum(SAD_TASKS)).max(SAD_TASKS.length),
    /** what the desk computed with the ISEE engine; the hub recomputes and refuses a difference */
    hourlyRateCents: cents,
    provider: text(200),
  })
  .strict();
export type SadPlan = z.infer<typeof sadPlanSchema>;

/** social.sadStart: start the service, or (no place free) put it on the waiting list. */
export const sadStartSchema = z
  .object({
    sadId: id,
    at: localDateTimeSchema,
    startOn: isoDateSchema,
  })
  .strict();
export type SadStart = z.infer<typeof sadStartSchema>;

export const SOCIAL_MUTATIONS = {
  'social.contributo': contributoApplySchema,
  'social.assessment': assessmentSchema,
  'social.sadApply': sadApplySchema,
  'social.sadVisit': sadVisitSchema,
  'social.sadPlan': sadPlanSchema,
  'social.sadStart': sadStartSchema,
} as const;

// ─── records the hub sends (change-log kinds social_contributo, social_sad) ───

export const personRefSchema = z
  .object({
    personId: id,
    surname: text(120),
    givenNames: text(120),
    codiceFiscale: text(16),
  })
  .strict();
export type PersonRef = z.infer<typeof personRefSchema>;

/** where the hub's ISEE engine put the beneficiary on the day it priced the service */
export const iseeBandSchema = z
  .object({
    chosenBy: z.enum(['isee', 'no_isee', 'non_resident']),
    bandLabel: text(120),
    /** "ISEE scaduto il 31/12/2025: tariffa senza ISEE" — never silent */
    warning: text(300).nullable(),
  })
  .strict();

export const CONTRIBUTO_STATUSES = [
  'applied',
  'assessed',
  'approved',
  'rejected',
  'stopped',
  'ended',
] as const;
export type ContributoStatus = (typeof CONTRIBUTO_STATUSES)[number];

export const PAYMENT_STATUSES = ['scheduled', 'exported', 'stopped'] as const;

export const paymentSchema = z
  .object({
    month: monthSchema,
    dueOn: isoDateSchema,
    amountCents: cents,
    status: z.enum(PAYMENT_STATUSES),
  })
  .strict();
export type ContributoPayment = z.infer<typeof paymentSchema>;

export const STOP_REASONS = ['deceased', 'emigrated'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export const contributoRecordSchema = z
  .object({
    id,
    comune: z.string().length(4),
    caseId: id,
    beneficiary: personRefSchema,
    /** the household as the registry had it at application (names only) */
    household: z.array(personRefSchema).max(30),
    requester: requesterSchema,
    isee: socialIseeSchema.nullable(),
    band: iseeBandSchema,
    disability: disabilitySchema,
    /** normalised IT… */
    iban: text(34),
    need: z.enum(NEED_CATEGORIES),
    needNote: text(1000),
    appliedOn: isoDateSchema,
    assessment: z
      .object({
        text: text(4000),
        project: text(4000),
        by: text(241),
        on: isoDateSchema,
      })
      .strict()
      .nullable(),
    amountCents: cents.nullable(),
    frequency: z.enum(CONTRIBUTO_FREQUENCIES).nullable(),
    startOn: isoDateSchema.nullable(),
    endOn: isoDateSchema.nullable(),
    status: z.enum(CONTRIBUTO_STATUSES),
    schedule: z.array(paymentSchema).max(120),
    stop: z
      .object({ on: isoDateSchema, reason: z.enum(STOP_REASONS), caseId: id.nullable() })
      .strict()
      .nullable(),
  })
  .strict();
export type ContributoRecord = z.infer<typeof contributoRecordSchema>;

export const SAD_STATUSES = [
  'applied',
  'visited',
  'planned',
  'active',
  'waiting',
  'rejected',
  'stopped',
] as const;
export type SadStatus = (typeof SAD_STATUSES)[number];

export const waitingCriterionSchema = z
  .object({ code: text(40), it: text(200), en: text(200), points: z.number().int() })
  .strict();

export const sadMonthSchema = z
  .object({
    month: monthSchema,
    hours: z.number().min(0).max(1000),
    operators: z.number().int().min(1).max(3),
    amountCents: cents,
    noticeNumber: z
      .string()
      .regex(/^\d{18}$/)
      .nullable(),
  })
  .strict();
export type SadMonth = z.infer<typeof sadMonthSchema>;

export const sadRecordSchema = z
  .object({
    id,
    comune: z.string().length(4),
    caseId: id,
    beneficiary: personRefSchema,
    requester: requesterSchema,
    isee: socialIseeSchema.nullable(),
    disability: disabilitySchema,
    needNote: text(1000),
    appliedOn: isoDateSchema,
    status: z.enum(SAD_STATUSES),
    visit: z
      .object({ visitedOn: isoDateSchema, livesAlone: z.boolean(), notes: text(4000), by: text(241) })
      .strict()
      .nullable(),
    plan: z
      .object({
        hoursPerWeek: z.number().min(0).max(168),
        operators: z.number().int().min(1).max(3),
        tasks: z.array(z.enum(SAD_TASKS)).max(SAD_TASKS.length),
        hourlyRateCents: cents,
        band: iseeBandSchema,
        provider: text(200),
        plannedOn: isoDateSchema,
      })
      .strict()
      .nullable(),
    startedOn: isoDateSchema.nullable(),
    /** on the waiting list: points by the comune's criteria, position 1 = next to start */
    waiting: z
      .object({
        since: isoDateSchema,
        points: z.number().int(),
        position: z.number().int().min(1),
        criteria: z.array(waitingCriterionSchema).max(20),
      })
      .strict()
      .nullable(),
    stop: z
      .object({ on: isoDateSchema, reason: z.enum(STOP_REASONS), caseId: id.nullable() })
      .strict()
      .nullable(),
    /** delivered hours and co-payment billed, month by month */
    months: z.array(sadMonthSchema).max(240),
  })
  .strict();
export type SadRecord = z.infer<typeof sadRecordSchema>;
