import { z } from 'zod';
import { isoDateSchema, localDateTimeSchema } from '../calendar/date-schemas';
import { compareIsoDates } from '../calendar/iso-date';
import { certificateKeyFrom, CERTIFICATE_KEY_LENGTH } from '../certificates/certificate-id';
import { caseOpenSchema } from '../cases/case-mutations';

/**
 * What travels between counters and hub for the canone unico (L. 160/2019 art. 1 c.816-847,
 * DOMAIN.md §5.4): the desk's mutations and the application as the hub's change log carries it
 * (entity `canone_application`). One schema per wire type; desk and hub import these, never copies.
 *
 * The schemas bound sizes and shapes only. What the law decides (a surface above zero and not
 * absurd, an end after the start, a street of the comune, a VAT number's check digit, a spot not
 * fully booked) is the rules' (shared/canone/*.ts, shared/codice-fiscale/partita-iva.ts), so a
 * bad value comes back as a typed refusal in the clerk's words (canone-errors.ts), not as a
 * schema failure.
 */

const id = z.string().min(1).max(64);
const belfiore = z.string().regex(/^[A-Z]\d{3}$/);
/** `surname givenNames` of a person (120 + 1 + 120, as cases), or a company's name */
const name = z.string().trim().min(1).max(241);
const cents = z.number().int().nonnegative().max(100_000_000_000);

/** The two procedures of the case engine's catalogue a canone application opens. */
export const CANONE_PROCEDURES = ['occupazione_suolo_pubblico', 'esposizione_pubblicitaria'] as const;
export type CanoneProcedure = (typeof CANONE_PROCEDURES)[number];

export const CANONE_REGIMES = ['permanent', 'temporary'] as const;
export type CanoneRegime = (typeof CANONE_REGIMES)[number];

/**
 * The applicant: a person (a resident of the comune's registry, or not: `residentId` null) with
 * a codice fiscale, or a company with its partita IVA (checked at the hub, partita-iva.ts), the
 * seat and the PEC where the concession and notices go.
 */
export const canonePersonApplicantSchema = z
  .object({
    kind: z.literal('person'),
    residentId: id.nullable(),
    /** checked at the hub (codice-fiscale.ts): canone_codice_fiscale_invalid */
    codiceFiscale: z.string().trim().min(1).max(16),
    name,
  })
  .strict();

export const canoneCompanyApplicantSchema = z
  .object({
    kind: z.literal('company'),
    /** 11 digits with the check digit, checked at the hub: partita_iva_invalid / partita_iva_check_digit */
    partitaIva: z.string().trim().min(1).max(11),
    name,
    /** the company's codice fiscale when it differs from the VAT number (16 characters) */
    codiceFiscale: z.string().trim().min(1).max(16).nullable(),
    /** sede legale, one line: "Via Roma 12, 15033 Casale Monferrato (AL)" */
    seat: z.string().trim().min(1).max(200),
    pec: z
      .string()
      .trim()
      .max(254)
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'expected an e-mail address')
      .nullable(),
  })
  .strict();

export const canoneApplicantSchema = z.discriminatedUnion('kind', [
  canonePersonApplicantSchema,
  canoneCompanyApplicantSchema,
]);
export type CanoneApplicant = z.infer<typeof canoneApplicantSchema>;

/** Where: a street as the registry writes it (same bounds as addresses) and the civic number. */
export const canoneSiteSchema = z
  .object({
    streetType: z.string().trim().max(40),
    streetName: z.string().trim().min(1).max(120),
    civic: z.string().trim().min(1).max(20),
  })
  .strict();
export type CanoneSite = z.infer<typeof canoneSiteSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');
export const canoneHoursSchema = z.object({ from: hhmm, to: hhmm }).strict();

/**
 * Square metres or linear metres as declared, at most two decimals (12, 0.4, 1.01). The bound
 * is the wire's; a surface ≤ 0 or above the rules' maximum is refused by the rules, in words.
 */
export const canoneMeasureSchema = z
  .number()
  .finite()
  .min(-1_000_000)
  .max(1_000_000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: 'at most two decimals' });

/** A tariff category code of shared/canone/categories.ts (dehors, passo_carrabile, insegna…). */
const categoryCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/**
 * Apply for a concession (mutation `canone.apply`). The counter generates the ids (application,
 * case, event), so applying it twice changes nothing the second time. `case` are the case
 * engine's own arguments (`cases.open`): the hub opens the case in the same transaction, gives it
 * its protocol number and puts it in the supervisors' queue with its legal term.
 *
 * `quotedFeeCents` is the fee the counter showed: kept for the record only. The hub recomputes
 * zone and fee from its own tables (zones.ts, fee.ts) and never charges the desk's number.
 */
export const canoneApplySchema = z
  .object({
    applicationId: id,
    case: caseOpenSchema,
    applicant: canoneApplicantSchema,
    site: canoneSiteSchema,
    /** what the land or the sign is for, in the applicant's words */
    purpose: z.string().trim().min(3).max(300),
    category: categoryCode,
    regime: z.enum(CANONE_REGIMES),
    measure: canoneMeasureSchema,
    start: isoDateSchema,
    /** temporary: last day (inclusive); permanent: null (until revoked) or last day */
    end: isoDateSchema.nullable(),
    /** part of a day, where the comune allows hourly fractions */
    hours: canoneHoursSchema.nullable(),
    /** advertising: the business's own sign at its premises (c.833 exemption up to 5 m²) */
    ownSign: z.boolean(),
    /** the occupation affects traffic: the local police must issue an ordinance */
    trafficAffected: z.boolean(),
    quotedFeeCents: cents,
  })
  .strict()
  .superRefine((a, ctx) => {
    if (!(CANONE_PROCEDURES as readonly string[]).includes(a.case.procedureCode)) {
      ctx.addIssue({ code: 'custom', path: ['case', 'procedureCode'], message: 'not a canone procedure' });
    }
    if (a.case.residence !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['case', 'residence'],
        message: 'a canone case has no residence',
      });
    }
  });
export type CanoneApply = z.infer<typeof canoneApplySchema>;

/**
 * End a concession before its term (mutation `canone.revoke`, supervisors): on `endsOn`
 * (inclusive, not before its start nor after its term) for `reason` (public interest, unpaid
 * fee, misuse…). The yearly run issues nothing for it afterwards; notices already issued stay
 * (a refund of the unused part is the comune's regulation's [U]).
 */
export const canoneRevokeSchema = z
  .object({
    applicationId: id,
    endsOn: isoDateSchema,
    reason: z.string().trim().min(5).max(300),
    at: localDateTimeSchema,
  })
  .strict();
export type CanoneRevoke = z.infer<typeof canoneRevokeSchema>;

/** The canone mutations, merged into shared/sync/mutations.ts MUTATIONS. */
export const CANONE_MUTATIONS = {
  'canone.apply': canoneApplySchema,
  'canone.revoke': canoneRevokeSchema,
} as const;

/** The actions checked by name that are not mutations (hub routes, the CLI). */
export const CANONE_YEARLY_RUN = 'canone.yearlyRun';

// ---- the record the hub holds ----

export const CANONE_STATUSES = ['submitted', 'approved', 'refused', 'revoked', 'ended'] as const;
export type CanoneStatus = (typeof CANONE_STATUSES)[number];

/**
 * The concession's number from a hub sequence per comune and year: CUS-<Belfiore>-<year>-<6
 * digits> (CUS-B885-2026-000001). Issued at the hub only, at approval: not offline.
 */
export const CONCESSION_NUMBER_PATTERN = /^CUS-[A-Z]\d{3}-\d{4}-\d{6}$/;
export const concessionNumberOf = (comune: string, year: number, counter: number): string =>
  `CUS-${comune}-${year}-${String(counter).padStart(6, '0')}`;

/** The random key printed with the concession's QR code, like certificates' and permits' keys. */
export const concessionKeyFrom = certificateKeyFrom;
export const concessionKeySchema = z
  .string()
  .regex(
    new RegExp(`^[0-9A-HJKMNP-TV-Z]{${CERTIFICATE_KEY_LENGTH}}$`),
    'expected 8 Crockford base32 characters',
  );

/** pagoPA's central segregation code "Canone Unico" (DOMAIN.md §6.1): aux 3 + 47. */
export const CANONE_SEGREGATION_CODE = '47';

export const NOTICE_STATUSES = ['open', 'paid', 'cancelled'] as const;
export type CanoneNoticeStatus = (typeof NOTICE_STATUSES)[number];

/**
 * One pagoPA notice of the concession: the year's single payment or one of its instalments
 * (instalment n of `of`). The notice number is also a row of the hub's `debt_positions`
 * (kind CANONE), so the cash desk finds and collects it like any other.
 */
export const canoneNoticeSchema = z
  .object({
    noticeNumber: z
      .string()
      .regex(/^347\d{15}$/, 'expected an 18-digit aux-3 notice number, segregation code 47'),
    iuv: z.string().regex(/^47\d{15}$/),
    /** the year the fee is for (temporary: the year of the start) */
    year: z.number().int().min(2000).max(2200),
    instalment: z.number().int().min(1).max(12),
    of: z.number().int().min(1).max(12),
    amountCents: cents,
    dueDate: isoDateSchema,
    status: z.enum(NOTICE_STATUSES),
  })
  .strict()
  .refine((n) => n.instalment <= n.of, { message: 'instalment beyond its count', path: ['instalment'] });
export type CanoneNotice = z.infer<typeof canoneNoticeSchema>;

/** Up to 4 instalments a year for 60 years of a permanent concession. */
export const MAX_NOTICES_ON_RECORD = 240;

const label = z.object({ it: z.string().max(200), en: z.string().max(200) }).strict();

/** The fee as the hub computed it (shared/canone/fee.ts `CanoneFee`), with its breakdown. */
export const canoneFeeSchema = z
  .object({
    totalCents: cents,
    chargedMeasure: z.number().nonnegative().max(1_000_000),
    unit: z.enum(['m2', 'ml']),
    /** temporary: days charged; permanent: null */
    days: z.number().int().nonnegative().max(100_000).nullable(),
    /** temporary with hours: hours charged per day */
    hoursPerDay: z.number().nonnegative().max(24).nullable(),
    /** permanent: months of the year charged (12 a whole year) */
    months: z.number().int().min(0).max(12).nullable(),
    /** permanent: the calendar year charged */
    year: z.number().int().min(2000).max(2200).nullable(),
    tariffCents: cents,
    zoneCoefficient: z.number().nonnegative().max(100),
    categoryCoefficient: z.number().nonnegative().max(100),
    exemptMeasure: z.number().nonnegative().max(1_000_000),
    lines: z
      .array(
        z.object({ code: z.string().max(60), label, value: z.string().max(200), values: label }).strict(),
      )
      .max(30),
    tariffVersion: z.string().max(40),
    uncertain: z.array(z.string().max(60)).max(30),
  })
  .strict();
export type CanoneFeeWire = z.infer<typeof canoneFeeSchema>;

/** What an approval produced: the concession's number, key and term. */
export const canoneConcessionSchema = z
  .object({
    number: z.string().regex(CONCESSION_NUMBER_PATTERN),
    verificationKey: concessionKeySchema,
    validFrom: isoDateSchema,
    /** null: permanent until revoked */
    validTo: isoDateSchema.nullable(),
    decidedOn: isoDateSchema,
    decidedBy: id,
  })
  .strict();
export type CanoneConcession = z.infer<typeof canoneConcessionSchema>;

/**
 * The application as the hub's change log carries it (entity `canone_application`), its whole
 * current state: what was asked, the zone and fee the hub computed, the case and its protocol,
 * the decision, the concession and its notices.
 */
export const canoneApplicationRecordSchema = z
  .object({
    id,
    comune: belfiore,
    caseId: id,
    procedureCode: z.enum(CANONE_PROCEDURES),
    /** the incoming protocol registration of the application (DOMAIN.md §8): "2026/0001234" */
    protocol: z
      .object({
        number: z.object({ year: z.number().int(), number: z.number().int() }).strict(),
        registeredAt: localDateTimeSchema,
      })
      .strict()
      .nullable(),
    applicant: canoneApplicantSchema,
    site: canoneSiteSchema,
    /** the tariff zone of the street (zones.ts) */
    zone: z.string().min(1).max(10),
    purpose: z.string().trim().min(3).max(300),
    category: categoryCode,
    regime: z.enum(CANONE_REGIMES),
    measure: canoneMeasureSchema,
    start: isoDateSchema,
    end: isoDateSchema.nullable(),
    hours: canoneHoursSchema.nullable(),
    ownSign: z.boolean(),
    trafficAffected: z.boolean(),
    /** what the counter showed; the fee charged is `fee` */
    quotedFeeCents: cents,
    /** temporary: the whole fee; permanent: the first year's */
    fee: canoneFeeSchema,
    status: z.enum(CANONE_STATUSES),
    /** refused: the case's reason; revoked: the supervisor's */
    statusReason: z.string().max(500).nullable(),
    concession: canoneConcessionSchema.nullable(),
    notices: z.array(canoneNoticeSchema).max(MAX_NOTICES_ON_RECORD),
    /** a request for a traffic ordinance went to the local police at approval */
    policeRequested: z.boolean(),
    submittedAt: localDateTimeSchema,
    submittedBy: id,
    revokedAt: localDateTimeSchema.nullable(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (r.end !== null && compareIsoDates(r.end, r.start) < 0) issue('end', 'end before start');
    if (r.regime === 'temporary' && r.end === null) issue('end', 'a temporary occupation ends');
    const decided = r.status === 'approved' || r.status === 'revoked' || r.status === 'ended';
    if (decided !== (r.concession !== null)) issue('concession', 'a concession exactly when approved');
    if (r.status === 'revoked' && (r.revokedAt === null || r.statusReason === null)) {
      issue('revokedAt', 'a revoked concession carries when and why');
    }
  });
export type CanoneApplicationRecord = z.infer<typeof canoneApplicationRecordSchema>;

/** What the public verification page shows of a concession: no applicant's codes, no money. */
export const CONCESSION_CHECKS = ['valid', 'not_yet_valid', 'ended', 'revoked'] as const;
export type ConcessionCheck = (typeof CONCESSION_CHECKS)[number];
