import { z } from 'zod';
import { isoDateSchema } from '../calendar/date-schemas';
import { compareIsoDates, type IsoDate } from '../calendar/iso-date';
import { CERTIFICATE_FACTS } from './facts';
import { CERTIFICATE_DESTINATIONS } from './footers';

/**
 * What the hub keeps of an issued certificate: enough to answer the public verification page
 * (DOMAIN.md §1.8: exists? whose initials, which type, when, still valid?) and to compare the
 * hash of a presented file. Never the document itself or the certified facts: the hub is not a
 * second copy of the registry in PDF form.
 */

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** How a document left the counter: on paper, or as a file handed over digitally (less paper). */
export const DELIVERY_MODES = ['printed', 'file'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const certificateRecordSchema = z
  .object({
    id: z.string().regex(/^[A-Z]\d{3}-[A-Z0-9]{1,8}-\d{4}-\d{6}(-[0-9A-HJKMNP-TV-Z]{8})?$/),
    residentId: z.string().min(1).max(64),
    /** "M. R.": what the public page shows of the holder */
    holderInitials: z.string().min(1).max(20),
    title: z.string().min(1).max(200),
    facts: z.array(z.enum(CERTIFICATE_FACTS)).min(1).max(CERTIFICATE_FACTS.length),
    storicoReferenceDate: isoDateSchema.nullable(),
    destination: z.enum(CERTIFICATE_DESTINATIONS),
    issuedOn: isoDateSchema,
    issuedAt: z.string().datetime(),
    /** null: valid without limit (facts that cannot change) */
    validUntil: isoDateSchema.nullable(),
    bollo: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('marca'), marcaId: z.string().regex(/^\d{14}$/) }),
      z.object({ kind: z.literal('exempt'), groundCode: z.string().min(1).max(60) }),
    ]),
    dirittiCents: z.number().int().nonnegative(),
    /** the clerk's till session the diritti went into (required by the hub when they are > 0) */
    tillSessionId: z.string().uuid().nullable().default(null),
    sha256: sha256Hex,
    pages: z.number().int().min(1).max(100),
    delivery: z.enum(DELIVERY_MODES),
  })
  .strict();
export type CertificateRecord = z.infer<typeof certificateRecordSchema>;

export const certificateRevocationSchema = z
  .object({
    id: certificateRecordSchema.shape.id,
    reason: z.string().trim().min(5).max(300),
  })
  .strict();
export type CertificateRevocation = z.infer<typeof certificateRevocationSchema>;

/** A self-declaration leaves the counter too: only its trace (kind, day, pages, how) is synced. */
export const declarationRecordSchema = z
  .object({
    id: z.string().uuid(),
    residentId: z.string().min(1).max(64),
    article: z.enum(['art46', 'art47', 'art46_47']),
    issuedOn: isoDateSchema,
    pages: z.number().int().min(1).max(100),
    delivery: z.enum(DELIVERY_MODES),
  })
  .strict();
export type DeclarationRecord = z.infer<typeof declarationRecordSchema>;

/** The certificate as every counter of the comune sees it (change-log entity `certificate`). */
export const certificateSummarySchema = certificateRecordSchema
  .pick({
    id: true,
    residentId: true,
    title: true,
    facts: true,
    issuedOn: true,
    validUntil: true,
    destination: true,
    sha256: true,
    delivery: true,
  })
  .extend({
    issuedBy: z.string(),
    status: z.enum(['valid', 'revoked']),
    revokedAt: z.string().nullable(),
    revokedBy: z.string().nullable(),
    revokeReason: z.string().nullable(),
  });
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

export type VerificationStatus = 'valid' | 'expired' | 'revoked' | 'not_verifiable';

/**
 * Revoked beats everything: a revoked certificate is never shown as merely out of date. A
 * certificate the hub could not confirm against its records (`verifiable: false`) is never
 * shown as valid, whatever dates it claims.
 */
export function verificationStatus(
  record: { revokedAt: string | null; validUntil: IsoDate | null },
  today: IsoDate,
): Exclude<VerificationStatus, 'not_verifiable'>;
export function verificationStatus(
  record: { revokedAt: string | null; validUntil: IsoDate | null; verifiable: boolean },
  today: IsoDate,
): VerificationStatus;
export function verificationStatus(
  record: { revokedAt: string | null; validUntil: IsoDate | null; verifiable?: boolean },
  today: IsoDate,
): VerificationStatus {
  if (record.revokedAt !== null) return 'revoked';
  if (record.verifiable === false) return 'not_verifiable';
  if (record.validUntil !== null && compareIsoDates(today, record.validUntil) > 0) return 'expired';
  return 'valid';
}

/** "Maria Luisa", "Rossi Bianchi" → "M. L. R. B.": enough to recognise, too little to identify. */
export function holderInitials(givenNames: string, surname: string): string {
  const initials = `${givenNames} ${surname}`
    .split(/[\s'’-]+/)
    .filter((w) => w.length > 0)
    .map((w) => `${w.charAt(0).toLocaleUpperCase('it')}.`);
  return initials.join(' ').slice(0, 20);
}
