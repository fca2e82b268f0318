import { z } from 'zod';
import { isoDateSchema, localDateTimeSchema } from '../calendar/date-schemas';
import { compareIsoDates } from '../calendar/iso-date';
import { certificateKeyFrom, CERTIFICATE_KEY_LENGTH } from '../certificates/certificate-id';
import { workstationSeries } from '../numbering/workstation-series';
import { compareLocalDateTimes, localDateOf } from '../protocol/local-date-time';
import { familyOf, isTemporaryKind, PERMIT_KINDS, type PermitKind } from './permit-kinds';
import { parsePlate } from './plate';

/**
 * What travels between counters and hub for permits: the permit as the hub's change log carries
 * it (entity `permit`), the desk's mutations, and the public verification view. One schema per
 * wire type; desk and hub import these, never copies.
 *
 * Times are wall-clock moments in Italy (LocalDateTime, Europe/Rome, like the case engine's `at`):
 * the temporary ticket's 30 minutes are the kiosk's minutes, and a start "tomorrow at 08:00" means
 * 08:00 in Casale whatever the clock of the machine that syncs it.
 */

/** Ids as elsewhere on the wire (residents, families, cases): 1 to 64 characters. */
const id = z.string().min(1).max(64);

/**
 * Permit numbers are allocated offline from the workstation's own series, like certificates
 * and receipts: PRM-<Belfiore>-<series>-<year>-<6-digit counter> (numbering/workstation-series.ts).
 */
export const PERMIT_NUMBERS = workstationSeries({
  prefix: 'PRM',
  example: { comune: 'B885', series: 'A2', year: 2026, counter: 42 },
});
export const permitNumberSchema = z
  .string()
  .max(40)
  .refine((v) => PERMIT_NUMBERS.isCanonical(v), { message: 'expected PRM-B885-A2-2026-000042' });

/**
 * The random key printed with the permit's QR code, so the public verification page cannot be
 * walked number by number: the same 8 Crockford base32 characters as certificates' keys
 * (certificates/certificate-id.ts). The caller draws the 5 random bytes.
 */
export const permitKeyFrom = certificateKeyFrom;
export const permitKeySchema = z
  .string()
  .regex(
    new RegExp(`^[0-9A-HJKMNP-TV-Z]{${CERTIFICATE_KEY_LENGTH}}$`),
    'expected 8 Crockford base32 characters',
  );

/** A plate in its normal form (plate.ts): the same string the cameras' whitelist carries. */
export const plateValueSchema = z
  .object({
    plate: z.string().min(2).max(10),
    country: z.string().min(1).max(2),
  })
  .strict()
  .refine(
    (p) => {
      const parsed = parsePlate(p.plate, p.country);
      return parsed.ok && parsed.plate === p.plate && parsed.country === p.country;
    },
    { message: 'expected a valid plate in normal form (upper case, no spaces) and its country (I or ISO)' },
  );
export type PlateWire = z.infer<typeof plateValueSchema>;

/** 2 plates at most: the CUDE on the national platform (DOMAIN.md §5.3); other kinds 1. */
export const MAX_PLATES_ON_WIRE = 2;
const plates = z.array(plateValueSchema).max(MAX_PLATES_ON_WIRE);

export const PERMIT_STATUSES = ['active', 'revoked', 'expired', 'superseded', 'revocation_proposed'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

/** What the registry person is called on the permit: `surname givenNames`, as in cases (120 + 1 + 120). */
const holderName = z.string().trim().min(1).max(241);
/** The permit's own number when paid in cash into the till, or a pagoPA IUV (15 or 17 digits): payment.ts. */
const paymentRef = z.string().trim().min(1).max(35);
/** The ASL certificate or commission report reference: health data (DOMAIN.md §12), CUDE only. */
const aslRef = z.string().trim().min(1).max(60);
const zone = z.string().trim().min(1).max(40);
const reason = z.string().trim().min(5).max(300);
const fee = z.number().int().nonnegative().max(100_000_000);

interface DatedShape {
  kind: PermitKind;
  validFrom: string;
  validTo: string;
  validFromAt: string | null;
  validToAt: string | null;
  plates: readonly unknown[];
  aslRef: string | null;
}

/** The rules every permit shape obeys, whatever travels around them. */
function datedShapeIssues(p: DatedShape, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (compareIsoDates(p.validTo, p.validFrom) < 0) issue('validTo', 'validTo before validFrom');
  if (isTemporaryKind(p.kind)) {
    if (p.validFromAt === null || p.validToAt === null) {
      issue('validFromAt', 'a temporary permit carries validFromAt and validToAt');
    } else {
      if (localDateOf(p.validFromAt) !== p.validFrom) issue('validFromAt', 'not on validFrom');
      if (localDateOf(p.validToAt) !== p.validTo) issue('validToAt', 'not on validTo');
      if (compareLocalDateTimes(p.validToAt, p.validFromAt) <= 0) issue('validToAt', 'not after validFromAt');
    }
  } else if (p.validFromAt !== null || p.validToAt !== null) {
    issue('validFromAt', 'only temporary permits carry times');
  }
  const family = familyOf(p.kind);
  if (family !== 'cude' && p.plates.length > 1) issue('plates', 'one permit = one plate');
  if (family !== 'cude' && p.plates.length === 0) issue('plates', 'a plate is required');
  if (family !== 'cude' && p.aslRef !== null) issue('aslRef', 'only a CUDE carries an ASL reference');
}

/** The permit as the hub's change log carries it (entity `permit`): its whole current state. */
export const permitRecordSchema = z
  .object({
    id,
    number: permitNumberSchema,
    /** Belfiore code of the issuing comune */
    comune: z.string().regex(/^[A-Z]\d{3}$/),
    kind: z.enum(PERMIT_KINDS),
    /** registry id of the holder; null when the holder is not in this comune's registry (a firm, a doctor from elsewhere) */
    holderId: id.nullable(),
    holderName,
    /** registry family of the holder; null as above */
    householdId: id.nullable(),
    plates,
    /** ZTL or sosta sector (ztl-zones.ts); null when the kind has none */
    zone: zone.nullable(),
    validFrom: isoDateSchema,
    /** last day of validity, included */
    validTo: isoDateSchema,
    /** temporary permits only: the 30 minutes, local wall-clock times */
    validFromAt: localDateTimeSchema.nullable(),
    validToAt: localDateTimeSchema.nullable(),
    feeCents: fee,
    paymentRef: paymentRef.nullable(),
    status: z.enum(PERMIT_STATUSES),
    revokedReason: reason.nullable(),
    revokedAt: localDateTimeSchema.nullable(),
    /** the permit this one renews (or replaces as a duplicate) */
    renewsId: id.nullable(),
    verificationKey: permitKeySchema,
    issuedAt: localDateTimeSchema,
    issuedBy: id,
    /** CUDE only; never in the public verification view (health data, DOMAIN.md §12) */
    aslRef: aslRef.nullable(),
  })
  .strict()
  .superRefine((p, ctx) => {
    datedShapeIssues(p, ctx);
    if (p.status === 'revoked' && (p.revokedAt === null || p.revokedReason === null)) {
      ctx.addIssue({ code: 'custom', path: ['revokedAt'], message: 'a revoked permit carries when and why' });
    }
    if (p.status === 'revocation_proposed' && p.revokedReason === null) {
      ctx.addIssue({ code: 'custom', path: ['revokedReason'], message: 'a proposed revocation carries why' });
    }
  });
export type PermitRecord = z.infer<typeof permitRecordSchema>;

/**
 * Issue a permit (mutation `permits.issue`). The counter generates the id, the number from its
 * series and the verification key, so applying it twice changes nothing the second time. The
 * comune is the workstation's, known to the hub from the envelope. `feeCents` is what the desk
 * computed and collected: the hub recomputes it (fees.ts) and refuses a mismatch.
 */
export const permitIssueSchema = z
  .object({
    permitId: id,
    number: permitNumberSchema,
    verificationKey: permitKeySchema,
    kind: z.enum(PERMIT_KINDS),
    holderId: id.nullable(),
    holderName,
    householdId: id.nullable(),
    plates,
    zone: zone.nullable(),
    validFrom: isoDateSchema,
    validTo: isoDateSchema,
    validFromAt: localDateTimeSchema.nullable(),
    validToAt: localDateTimeSchema.nullable(),
    feeCents: fee,
    paymentRef: paymentRef.nullable(),
    renewsId: id.nullable().optional(),
    aslRef: aslRef.nullable(),
    /** the clerk's till the fee went into when paid in cash at the counter; null otherwise */
    tillSessionId: id.nullable().optional(),
    at: localDateTimeSchema,
  })
  .strict()
  .superRefine((p, ctx) => {
    datedShapeIssues(p, ctx);
    if (p.feeCents > 0 && p.paymentRef === null) {
      ctx.addIssue({ code: 'custom', path: ['paymentRef'], message: 'a fee is paid: receipt or IUV' });
    }
  });
export type PermitIssue = z.infer<typeof permitIssueSchema>;

/** Revoke a permit (mutation `permits.revoke`): the holder moved, the conditions ended, misuse. */
export const permitRevokeSchema = z
  .object({
    permitId: id,
    reason,
    at: localDateTimeSchema,
  })
  .strict();
export type PermitRevoke = z.infer<typeof permitRevokeSchema>;

/** Change the plate(s) of a permit in force (mutation `permits.changePlate`): new car, CUDE plates. */
export const permitPlateChangeSchema = z
  .object({
    permitId: id,
    plates,
    reason: z.string().trim().max(300).nullable(),
    at: localDateTimeSchema,
  })
  .strict();
export type PermitPlateChange = z.infer<typeof permitPlateChangeSchema>;

export const DUPLICATE_CAUSES = ['loss', 'theft', 'damage'] as const;

/**
 * A duplicate after loss, theft or damage (mutation `permits.duplicate`): a new permit with its
 * own number and key, same kind, holder, plates and dates; the original becomes `superseded`, so
 * a found or stolen card no longer verifies.
 */
export const permitDuplicateSchema = z
  .object({
    permitId: id,
    newPermitId: id,
    number: permitNumberSchema,
    verificationKey: permitKeySchema,
    cause: z.enum(DUPLICATE_CAUSES),
    /** the police report (denuncia) for a theft; free text */
    reportRef: z.string().trim().min(1).max(120).nullable(),
    feeCents: fee,
    paymentRef: paymentRef.nullable(),
    at: localDateTimeSchema,
  })
  .strict();
export type PermitDuplicate = z.infer<typeof permitDuplicateSchema>;

/** The permit mutations, merged later into shared/sync/mutations.ts MUTATIONS. */
export const PERMIT_MUTATIONS = {
  'permits.issue': permitIssueSchema,
  'permits.revoke': permitRevokeSchema,
  'permits.changePlate': permitPlateChangeSchema,
  'permits.duplicate': permitDuplicateSchema,
} as const;

export const VERIFICATION_STATUSES = ['valid', 'not_yet_valid', 'expired', 'revoked', 'superseded'] as const;
export type PermitVerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/**
 * What the public verification page shows of a permit: enough for a warden or a citizen to see
 * whether the card on a windscreen is good. No holder, no household, and never health data:
 * no ASL reference (strict, so a field added to the record does not leak through a spread).
 */
export const permitVerificationSchema = z
  .object({
    number: permitNumberSchema,
    comune: z.string().regex(/^[A-Z]\d{3}$/),
    kind: z.enum(PERMIT_KINDS),
    kindLabel: z.object({ it: z.string(), en: z.string() }).strict(),
    status: z.enum(VERIFICATION_STATUSES),
    plates,
    zone: zone.nullable(),
    validFrom: isoDateSchema,
    validTo: isoDateSchema,
    validFromAt: localDateTimeSchema.nullable(),
    validToAt: localDateTimeSchema.nullable(),
  })
  .strict();
export type PermitVerification = z.infer<typeof permitVerificationSchema>;
