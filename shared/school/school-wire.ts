import { z } from 'zod';
import { isoDateSchema, localDateTimeSchema } from '../calendar/date-schemas';
import { iseeStatementSchema, MAX_ISEE_CENTS } from '../isee/statement';

/**
 * What travels between counters and hub for the school services, canteen (mensa) and school
 * transport (trasporto) (issue 15, DOMAIN.md §10.1, §6, §12): the desk's mutations and the
 * records of the hub's change log (entities `school_enrolment`, `school_account`). One schema per
 * wire type; desk and hub import these, never copies.
 *
 * The schemas bound sizes and shapes only. What the rules decide (a child of school age, the
 * band from the ISEE, the sibling rank from the household, the resident flag from the registry)
 * the hub recomputes from its own data and never takes from the desk.
 */

const id = z.string().min(1).max(64);
const belfiore = z.string().regex(/^[A-Z]\d{3}$/);
const cents = z.number().int().min(-100_000_000).max(100_000_000);
const codiceFiscale = z.string().trim().min(1).max(16);

export const SCHOOL_SERVICES = ['mensa', 'trasporto'] as const;
export type SchoolService = (typeof SCHOOL_SERVICES)[number];

export const SCHOOL_LEVELS = ['infanzia', 'primaria', 'secondaria_primo_grado'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** "2026/27": the school year starting on 1 September 2026 (the second part is the next year). */
export const schoolYearSchema = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'expected a school year like 2026/27')
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), {
    message: 'the two years of a school year follow each other',
  });
export type SchoolYear = z.infer<typeof schoolYearSchema>;

/** A calendar month "2026-10", the unit of billing. */
export const monthSchema = z.string().regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
export type Month = z.infer<typeof monthSchema>;

/**
 * Diet needs are special-category data (GDPR art. 9, DOMAIN.md §12): the counter records only
 * that a special diet is needed and which kind of menu the kitchen prepares, from this fixed list.
 * No diagnosis, no free text: the medical certificate goes to the canteen operator, not here.
 */
export const DIET_CODES = [
  'sanitaria',
  'senza_glutine',
  'senza_lattosio',
  'vegetariana',
  'senza_carne_suina',
  'senza_carne',
  'in_bianco',
] as const;
export type DietCode = (typeof DIET_CODES)[number];

export const schoolDietSchema = z
  .object({ needed: z.boolean(), code: z.enum(DIET_CODES).nullable() })
  .strict()
  .refine((d) => d.needed === (d.code !== null), { message: 'a code exactly when a diet is needed' });
export type SchoolDiet = z.infer<typeof schoolDietSchema>;

/**
 * The child: a resident of the registry (`residentId`) or a child entered by hand (`residentId`
 * null: not resident, or not yet in the registry). `resident` is what the counter believed; the
 * hub sets it from the registry (a `residentId` must exist there and live in the comune).
 */
export const schoolChildSchema = z
  .object({
    residentId: id.nullable(),
    codiceFiscale,
    surname: z.string().trim().min(1).max(120),
    givenNames: z.string().trim().min(1).max(120),
    birthDate: isoDateSchema,
    resident: z.boolean(),
  })
  .strict();
export type SchoolChild = z.infer<typeof schoolChildSchema>;

/** Who pays and receives the notices: the parent (or guardian) with the ISEE. */
export const schoolPayerSchema = z
  .object({
    residentId: id.nullable(),
    codiceFiscale,
    /** `surname givenNames` */
    name: z.string().trim().min(1).max(241),
    /** one line, where the avviso is sent */
    address: z.string().trim().min(1).max(200),
  })
  .strict();
export type SchoolPayer = z.infer<typeof schoolPayerSchema>;

const schoolCode = z.string().regex(/^[A-Z0-9]{4,12}$/, 'expected a school code (codice meccanografico)');
/** class and section: "3B", "1A", "sez. Rossi" */
const className = z.string().trim().min(1).max(20);
const routeCode = z.string().regex(/^[A-Z0-9-]{1,10}$/);
const stopCode = z.string().regex(/^[A-Z0-9-]{1,10}$/);

export const schoolPlaceSchema = z.object({ code: schoolCode, className }).strict();

export const schoolTransportSchema = z.object({ route: routeCode, stop: stopCode }).strict();
export type SchoolTransport = z.infer<typeof schoolTransportSchema>;

/**
 * Enrol a child in one service for one school year (mutation `school.enrol`). The counter
 * generates the id, so applying it twice changes nothing the second time. A canteen enrolment
 * carries the diet and no route; a transport enrolment a route and stop and no diet.
 *
 * `isee` is the payer's statement as shown at the counter (null: none presented → the "no ISEE"
 * band). It is kept in the payer's ISEE history at the hub; the band is recomputed there.
 * `quotedUnitPriceCents` and `quotedSiblingRank` are what the counter showed, kept for the record
 * only.
 */
export const schoolEnrolSchema = z
  .object({
    enrolmentId: id,
    schoolYear: schoolYearSchema,
    service: z.enum(SCHOOL_SERVICES),
    child: schoolChildSchema,
    payer: schoolPayerSchema,
    school: schoolPlaceSchema,
    level: z.enum(SCHOOL_LEVELS),
    transport: schoolTransportSchema.nullable(),
    diet: schoolDietSchema.nullable(),
    isee: iseeStatementSchema.nullable(),
    /** the first month billed */
    startMonth: monthSchema,
    quotedUnitPriceCents: cents.nonnegative().nullable(),
    quotedSiblingRank: z.number().int().min(1).max(20).nullable(),
    at: localDateTimeSchema,
  })
  .strict()
  .superRefine((e, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (e.service === 'trasporto' && e.transport === null)
      issue('transport', 'transport needs route and stop');
    if (e.service === 'mensa' && e.transport !== null) issue('transport', 'the canteen has no route');
    if (e.service === 'mensa' && e.diet === null)
      issue('diet', 'the canteen records the diet (needed or not)');
    if (e.service === 'trasporto' && e.diet !== null) issue('diet', 'transport records no diet');
  });
export type SchoolEnrol = z.infer<typeof schoolEnrolSchema>;

/** Stop a service from a month on (inclusive): nothing is billed for it from then. */
export const schoolWithdrawSchema = z
  .object({
    enrolmentId: id,
    fromMonth: monthSchema,
    reason: z.string().trim().min(3).max(300),
    at: localDateTimeSchema,
  })
  .strict();
export type SchoolWithdraw = z.infer<typeof schoolWithdrawSchema>;

/**
 * A canteen day marked absent at the counter (the family called in): no meal is billed that day,
 * whatever the operator's file says. Marked after the month was billed, it becomes a credit on
 * the next month's notice.
 */
export const schoolAbsenceSchema = z
  .object({
    enrolmentId: id,
    day: isoDateSchema,
    at: localDateTimeSchema,
  })
  .strict();
export type SchoolAbsence = z.infer<typeof schoolAbsenceSchema>;

/**
 * A payer's new ISEE statement (mutation `school.isee`). It applies from the month after the one
 * of `at` (the comune's rule for changes mid-year [U: comuni differ]); the months already in
 * force keep their band, and the history is kept.
 */
export const schoolIseeSchema = z
  .object({
    payerCodiceFiscale: codiceFiscale,
    statement: iseeStatementSchema,
    at: localDateTimeSchema,
  })
  .strict();
export type SchoolIsee = z.infer<typeof schoolIseeSchema>;

/** The school mutations, merged into shared/sync/mutations.ts MUTATIONS. */
export const SCHOOL_MUTATIONS = {
  'school.enrol': schoolEnrolSchema,
  'school.withdraw': schoolWithdrawSchema,
  'school.absence': schoolAbsenceSchema,
  'school.isee': schoolIseeSchema,
} as const;

/** Actions checked by name that are not mutations (hub routes, the CLI). */
export const SCHOOL_BILLING_RUN = 'school.billingRun';
export const SCHOOL_ATTENDANCE_IMPORT = 'school.attendanceImport';

// ---- the records the hub holds ----

export const ENROLMENT_STATUSES = ['active', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** The band the hub chose for the month in force (shared/isee/tariff-engine.ts `tariffFor`). */
export const schoolBandSchema = z
  .object({
    tableId: z.string().min(1).max(60),
    label: z.string().max(120),
    chosenBy: z.enum(['isee', 'no_isee', 'non_resident']),
    /** per meal (mensa) or per month (trasporto), after the sibling discount */
    unitPriceCents: cents.nonnegative(),
    unit: z.enum(['meal', 'month']),
    exempt: z.boolean(),
    /** the ISEE used, or null (none, expired) */
    iseeCents: z.number().int().min(0).max(MAX_ISEE_CENTS).nullable(),
    /** "the statement expired on 2026-12-31: no-ISEE band" — shown, never silent */
    warning: z.string().max(200).nullable(),
  })
  .strict();
export type SchoolBand = z.infer<typeof schoolBandSchema>;

/** The enrolment as the change log carries it (entity `school_enrolment`), its whole state. */
export const schoolEnrolmentRecordSchema = z
  .object({
    id,
    comune: belfiore,
    schoolYear: schoolYearSchema,
    service: z.enum(SCHOOL_SERVICES),
    child: schoolChildSchema,
    payer: schoolPayerSchema,
    school: schoolPlaceSchema,
    level: z.enum(SCHOOL_LEVELS),
    transport: schoolTransportSchema.nullable(),
    diet: schoolDietSchema.nullable(),
    startMonth: monthSchema,
    /** withdrawn: the first month no longer billed */
    endMonth: monthSchema.nullable(),
    status: z.enum(ENROLMENT_STATUSES),
    /** 1 the eldest of the payer's children in the same service and year, 2 the next… */
    siblingRank: z.number().int().min(1).max(20),
    band: schoolBandSchema,
    /** what the counter showed, for the record */
    quotedUnitPriceCents: cents.nonnegative().nullable(),
    enrolledAt: localDateTimeSchema,
    enrolledBy: id,
    withdrawnAt: localDateTimeSchema.nullable(),
    withdrawReason: z.string().max(300).nullable(),
  })
  .strict();
export type SchoolEnrolmentRecord = z.infer<typeof schoolEnrolmentRecordSchema>;

export const SCHOOL_LINE_KINDS = ['mensa', 'trasporto', 'correzione'] as const;
export type SchoolLineKind = (typeof SCHOOL_LINE_KINDS)[number];

/** One line of a month's bill: a child's meals, a transport fee, or a correction of a past month. */
export const schoolBillLineSchema = z
  .object({
    enrolmentId: id,
    childName: z.string().max(241),
    kind: z.enum(SCHOOL_LINE_KINDS),
    /** the month this line is for (a correction: the past month it corrects) */
    month: monthSchema,
    /** mensa: meals billed; trasporto and corrections of the fee: null */
    meals: z.number().int().min(-100).max(100).nullable(),
    unitPriceCents: cents.nonnegative(),
    /** negative for a credit */
    amountCents: cents,
    /** "2 pasti del 2026-10 non fatturati", "assenza del 2026-10-14" */
    note: z.string().max(200).nullable(),
  })
  .strict();
export type SchoolBillLine = z.infer<typeof schoolBillLineSchema>;

export const SCHOOL_NOTICE_STATUSES = ['open', 'paid', 'none'] as const;

/**
 * A month billed to the payer. `noticeNumber` null when the month nets to zero or less (a credit
 * carried forward to the next month, `carriedCents`), or everything was exempt.
 */
export const schoolMonthBillSchema = z
  .object({
    month: monthSchema,
    noticeNumber: z
      .string()
      .regex(/^\d{18}$/)
      .nullable(),
    amountCents: cents.nonnegative(),
    /** a credit larger than the month, carried to the next one (≤ 0) */
    carriedCents: cents.nonpositive(),
    dueDate: isoDateSchema.nullable(),
    status: z.enum(SCHOOL_NOTICE_STATUSES),
    lines: z.array(schoolBillLineSchema).max(60),
    billedAt: localDateTimeSchema,
  })
  .strict();
export type SchoolMonthBill = z.infer<typeof schoolMonthBillSchema>;

/** One statement of the payer's ISEE history, with the month it applies from. */
export const schoolIseeEntrySchema = z
  .object({
    fromMonth: monthSchema,
    statement: iseeStatementSchema,
    recordedAt: localDateTimeSchema,
  })
  .strict();
export type SchoolIseeEntry = z.infer<typeof schoolIseeEntrySchema>;

/** Ten years of monthly bills at most on one record. */
export const MAX_MONTHS_ON_ACCOUNT = 120;

/**
 * A payer's account (entity `school_account`, id `<comune>:<codice fiscale>`): the months billed
 * with their notices and lines, what was paid and what is owed, and the ISEE history.
 */
export const schoolAccountRecordSchema = z
  .object({
    id: z.string().min(1).max(40),
    comune: belfiore,
    payer: schoolPayerSchema,
    months: z.array(schoolMonthBillSchema).max(MAX_MONTHS_ON_ACCOUNT),
    paidCents: cents.nonnegative(),
    owedCents: cents.nonnegative(),
    iseeHistory: z.array(schoolIseeEntrySchema).max(60),
  })
  .strict();
export type SchoolAccountRecord = z.infer<typeof schoolAccountRecordSchema>;

export const schoolAccountId = (comune: string, payerCodiceFiscale: string): string =>
  `${comune}:${payerCodiceFiscale}`;
