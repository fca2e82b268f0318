import { z } from 'zod';
import { isoDateSchema } from '../calendar/date-schemas';
import type { IsoDate } from '../calendar/iso-date';
import { spec, type CallSpec } from '../contract/call-spec';
import { ISEE_TYPES } from '../isee/statement';
import type { SchoolAccountView, SchoolEnrolmentView } from './school-views';
import {
  DIET_CODES,
  SCHOOL_SERVICES,
  monthSchema,
  schoolYearSchema,
  type SchoolBand,
  type SchoolLevel,
  type SchoolService,
} from './school-wire';

/**
 * The desk contract entries of the school services (`school:…`), declared in service.ts. What the
 * clerk typed comes as typed: the schemas bound sizes only; the rules (school age, the band, the
 * ISEE statement) answer in words through the quote, so the form shows them live.
 */

const id = z.string().trim().min(1).max(64);
const cf = z.string().trim().max(20);

/** The child: a resident of the registry (the desk copies the rest), or entered by hand. */
export const schoolChildInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resident'), residentId: id }).strict(),
  z
    .object({
      kind: z.literal('manual'),
      codiceFiscale: cf,
      surname: z.string().trim().max(120),
      givenNames: z.string().trim().max(120),
      birthDate: isoDateSchema,
    })
    .strict(),
]);
export type SchoolChildInput = z.infer<typeof schoolChildInput>;

/** The payer: a resident adult of the registry, or a person entered by hand with an address. */
export const schoolPayerInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resident'), residentId: id }).strict(),
  z
    .object({
      kind: z.literal('manual'),
      codiceFiscale: cf,
      name: z.string().trim().max(241),
      address: z.string().trim().max(200),
    })
    .strict(),
]);
export type SchoolPayerInput = z.infer<typeof schoolPayerInput>;

/** The payer's ISEE as typed from the attestation: "6.000,01", the DSU protocol, the dates. */
export const schoolIseeInput = z
  .object({
    type: z.enum(ISEE_TYPES),
    value: z.string().trim().max(30),
    dsuProtocol: z.string().trim().max(60),
    issuedOn: isoDateSchema,
    /** default: 31 December of the year of issue (shared/isee/statement.ts) */
    expiresOn: isoDateSchema.nullable().optional(),
  })
  .strict();
export type SchoolIseeInput = z.infer<typeof schoolIseeInput>;

/** An enrolment as asked at the counter: for the live quote and for enrolling. */
export const schoolRequestInput = z
  .object({
    schoolYear: schoolYearSchema,
    service: z.enum(SCHOOL_SERVICES),
    /** null while the clerk has not picked the child yet: the band is shown anyway */
    child: schoolChildInput.nullable(),
    payer: schoolPayerInput.nullable(),
    schoolCode: z.string().trim().max(12),
    className: z.string().trim().max(20),
    route: z.string().trim().max(10).nullable().optional(),
    stop: z.string().trim().max(10).nullable().optional(),
    /** canteen only: null = no special diet */
    dietCode: z.enum(DIET_CODES).nullable().optional(),
    /** null: no ISEE presented (the no-ISEE band) */
    isee: schoolIseeInput.nullable(),
    startMonth: monthSchema,
  })
  .strict();
export type SchoolRequestInput = z.infer<typeof schoolRequestInput>;

export interface SchoolOption {
  code: string;
  name: string;
  level: SchoolLevel;
  services: SchoolService[];
  classes: string[];
}

export interface SchoolTariffOption {
  service: SchoolService;
  tableId: string;
  unit: 'meal' | 'month';
  /** "fino a € 6.000,00: € 2,00" … as the resolution reads */
  bands: string[];
  noIseeCents: number | null;
  /** DEMO or unconfirmed values: shown as such */
  uncertain: boolean;
  note: string | null;
}

/** What the form needs from the counter, for the comune and today. */
export interface SchoolOptionsView {
  today: IsoDate;
  comune: string;
  /** the school year enrolments are taken for, and its first billable month from today */
  schoolYear: string;
  startMonth: string;
  months: string[];
  schools: SchoolOption[];
  routes: { code: string; name: string; stops: { code: string; name: string }[] }[];
  dietCodes: { code: string; label: string }[];
  iseeTypes: { code: string; label: string }[];
  tariffs: SchoolTariffOption[];
}

/** A person of the child's household, for the form. */
export interface SchoolHouseholdMember {
  residentId: string;
  name: string;
  codiceFiscale: string;
  birthDate: IsoDate;
  relationship: string;
  /** 3 to 14 at the start of the school year: a possible pupil */
  schoolAge: boolean;
  /** their enrolments this school year ("Mensa, 2B Dante Alighieri") */
  enrolments: string[];
  /** the services they are enrolled in this school year */
  enrolledIn: SchoolService[];
}

/**
 * The child's household from the counter's registry mirror: the child, the adults who may pay
 * (the one whose ISEE the comune already holds first), the other children.
 */
export interface SchoolHouseholdView {
  child: SchoolHouseholdMember;
  address: string;
  payers: (SchoolHouseholdMember & {
    /** the ISEE the comune holds for this payer, in force this month */
    isee: {
      type: string;
      valueCents: number;
      dsuProtocol: string;
      issuedOn: IsoDate;
      expiresOn: IsoDate;
    } | null;
  })[];
  siblings: SchoolHouseholdMember[];
}

export interface SchoolRefusalView {
  code: string;
  message: string;
}

/** The live answer: the band and price, the sibling rank, or why not. Nothing stored. */
export interface SchoolQuoteView {
  ok: boolean;
  band: SchoolBand | null;
  siblingRank: number | null;
  /** the sibling discount is applied (rank 2 and more, where the table has one) */
  siblingDiscount: boolean;
  /** the price breakdown in the clerk's language */
  lines: string[];
  /** the expired ISEE warning, in the clerk's language (never silent) */
  warning: string | null;
  /** the enrolled brothers and sisters the rank counts ("Rossi Giulia (2018), rango 1") */
  siblings: string[];
  refusals: SchoolRefusalView[];
}

export const schoolEnrolInput = schoolRequestInput
  .extend({ child: schoolChildInput, payer: schoolPayerInput })
  .strict();
export type SchoolEnrolInput = z.infer<typeof schoolEnrolInput>;

/** One enrolment's band in a month before and after a change (a new ISEE, a sibling withdrawn). */
export interface SchoolBandChangeView {
  enrolmentId: string;
  childLabel: string;
  service: SchoolService;
  siblingRank: number;
  /** null: no band (no tariff in force) */
  before: SchoolBand | null;
  after: SchoolBand | null;
  afterRank: number;
}

/**
 * What a new ISEE would give, live and nothing stored: the month it applies from and, for each of
 * the payer's enrolments in force then, the band now and with the new statement (the same shared
 * engine the hub bills with), or why the statement is refused.
 */
export interface SchoolIseePreviewView {
  fromMonth: string;
  refusals: SchoolRefusalView[];
  /** the expired-ISEE warning in the clerk's language (the new statement expires before fromMonth) */
  warning: string | null;
  rows: SchoolBandChangeView[];
}

/**
 * What withdrawing an enrolment from a month changes in billing: the last month billed for it,
 * what stops (meals, the monthly fee), and the brothers and sisters whose rank (and price) changes.
 */
export interface SchoolWithdrawPreviewView {
  enrolmentId: string;
  fromMonth: string;
  /** the last month still billed for this enrolment (null: nothing was ever billed) */
  lastMonth: string | null;
  /** the band of the month before fromMonth, for "no more € 25,00 a month" */
  band: SchoolBand | null;
  /**
   * months on or after fromMonth already billed for it: they stay as billed (the meals were eaten,
   * the fee was due), the withdrawal changes the months not yet billed
   */
  alreadyBilled: string[];
  siblings: SchoolBandChangeView[];
}

/** A canteen absence marked at this counter and what it does to the family's bill. */
export interface SchoolAbsenceView {
  enrolmentId: string;
  childLabel: string;
  day: IsoDate;
  /**
   * not_billed: the month is not billed yet, the day's meal will not be charged;
   * credit_next: the month was billed, the next notice carries the credit;
   * credited: the hub's run has put the credit on the notice of `creditMonth`
   */
  effect: 'not_billed' | 'credit_next' | 'credited';
  /** the meal's price in the band of that month (what is not charged or credited) */
  unitPriceCents: number;
  creditMonth: string | null;
  /** still only at this counter (not yet at the hub) */
  pending: boolean;
}

export const SCHOOL_LIST_BY = ['child', 'payer', 'school'] as const;

const byEnrolment = z.object({ enrolmentId: id }).strict();

export const SCHOOL_CALLS = {
  /** schools, classes, routes and stops, diet codes, the tariffs in force */
  'school:options': spec<SchoolOptionsView>()(z.object({}).strict(), 'clerk'),
  /** the child's household: payers (with the ISEE on file) and siblings, from the registry mirror */
  'school:household': spec<SchoolHouseholdView>()(z.object({ residentId: id }).strict(), 'clerk'),
  /** the live band, price and sibling rank, or why not: nothing stored */
  'school:quote': spec<SchoolQuoteView>()(schoolRequestInput, 'clerk'),
  /** checks again and queues `school.enrol` in one local transaction */
  'school:enrol': spec<SchoolEnrolmentView>()(schoolEnrolInput, 'clerk'),
  /** a canteen day the family called in absent */
  'school:absence': spec<SchoolEnrolmentView>()(byEnrolment.extend({ day: isoDateSchema }), 'clerk'),
  /** the payer's new ISEE statement: applies from next month */
  'school:isee': spec<SchoolAccountView | null>()(
    z.object({ payerCodiceFiscale: cf, isee: schoolIseeInput }).strict(),
    'clerk',
  ),
  'school:withdraw': spec<SchoolEnrolmentView>()(
    byEnrolment.extend({ fromMonth: monthSchema, reason: z.string().trim().min(3).max(300) }),
    'clerk',
  ),
  /** enrolments by child (resident id or codice fiscale), by payer, or by school and class */
  'school:list': spec<SchoolEnrolmentView[]>()(
    z
      .object({
        by: z.enum(SCHOOL_LIST_BY),
        residentId: id.optional(),
        codiceFiscale: cf.optional(),
        schoolCode: z.string().trim().max(12).optional(),
        className: z.string().trim().max(20).optional(),
        schoolYear: schoolYearSchema.optional(),
        limit: z.number().int().min(1).max(2000).optional(),
      })
      .strict(),
    'clerk',
  ),
  /** the band each enrolment of the payer gets from next month with a new ISEE: nothing stored */
  'school:iseePreview': spec<SchoolIseePreviewView>()(
    z.object({ payerCodiceFiscale: cf, isee: schoolIseeInput }).strict(),
    'clerk',
  ),
  /** what a withdrawal from a month changes in billing: nothing stored */
  'school:withdrawPreview': spec<SchoolWithdrawPreviewView>()(
    byEnrolment.extend({ fromMonth: monthSchema }),
    'clerk',
  ),
  /** the canteen absences marked for a payer's children, with the credit each produces */
  'school:absences': spec<SchoolAbsenceView[]>()(z.object({ payerCodiceFiscale: cf }).strict(), 'clerk'),
  /** a family's account: the months with their notices, paid, owed, the ISEE history */
  'school:account': spec<SchoolAccountView | null>()(z.object({ payerCodiceFiscale: cf }).strict(), 'clerk'),
  /** the payers with an account or an enrolment, by name or codice fiscale */
  'school:payers': spec<{ codiceFiscale: string; name: string; owedCents: number }[]>()(
    z.object({ query: z.string().trim().max(60) }).strict(),
    'clerk',
  ),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
