import { z } from 'zod';
import { isoDateSchema } from '../calendar/date-schemas';

/**
 * What the hub's case and protocol routes take and answer (desk ⇄ hub, validated on both
 * sides). Cases themselves travel through the change log; these routes are the parts that only
 * the hub can answer: attachment contents, who may be assigned, the burden meter over every
 * counter's documents, and the protocol register.
 */

export const CASE_FILES_PATH = '/api/v1/cases/files';
export const CASE_CLERKS_PATH = '/api/v1/cases/clerks';
export const CASE_BURDEN_PATH = '/api/v1/cases/burden';
export const CASE_BASELINE_PATH = '/api/v1/cases/burden/baseline';
export const PROTOCOL_REGISTER_PATH = '/api/v1/protocol/register';
export const PROTOCOL_CANCEL_PATH = '/api/v1/protocol/cancel';
export const PROTOCOL_CORRECT_PATH = '/api/v1/protocol/correct';

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const fileUploadSchema = z
  .object({ contentBase64: z.string().min(1), mediaType: z.string().trim().min(1).max(100) })
  .strict();
export const fileDownloadSchema = z.object({
  sha256: sha256Schema,
  mediaType: z.string(),
  contentBase64: z.string(),
});

export const clerksResponseSchema = z.object({
  clerks: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      role: z.enum(['clerk', 'supervisor', 'admin']),
    }),
  ),
});
export type AssignableClerk = z.infer<typeof clerksResponseSchema>['clerks'][number];

/** One month of one procedure: what the citizen spent to get it done (DOMAIN.md's founding aim). */
export const burdenMonthSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  cases: z.number().int().nonnegative(),
  /** mean seconds at the counter per case (intake opened → filed), null when none measured */
  counterSeconds: z.number().nullable(),
  /** mean visits to the counter per case */
  visits: z.number().nullable(),
  /** pages printed for these cases (paper receipts) */
  printedPages: z.number().int().nonnegative(),
  /** documents handed over as files instead */
  digitalDocuments: z.number().int().nonnegative(),
});
export type BurdenMonth = z.infer<typeof burdenMonthSchema>;

/** The comune's starting point: the -25% target line is drawn from it. */
export const baselineSchema = z.object({
  counterSeconds: z.number().int().min(0).max(86_400),
  /** visits per case × 100 (integers: 2.5 visits = 250) */
  visitsX100: z.number().int().min(0).max(10_000),
  /** printed pages per case × 100 */
  printedPagesX100: z.number().int().min(0).max(100_000),
  setOn: isoDateSchema,
  setBy: z.string(),
});
export type Baseline = z.infer<typeof baselineSchema>;

export const burdenResponseSchema = z.object({
  months: z.array(z.string()),
  /** per procedure code; 'documenti' = the registry certificates and declarations of every counter */
  series: z.array(
    z.object({
      code: z.string(),
      rows: z.array(burdenMonthSchema),
      baseline: baselineSchema.nullable(),
    }),
  ),
});
export type BurdenResponse = z.infer<typeof burdenResponseSchema>;

/** Certificates and self-declarations (documents_issued) appear as this pseudo-procedure. */
export const DOCUMENTS_SERIES = 'documenti';

export const baselineRequestSchema = z
  .object({
    code: z.string().min(1).max(60),
    counterSeconds: baselineSchema.shape.counterSeconds,
    visitsX100: baselineSchema.shape.visitsX100,
    printedPagesX100: baselineSchema.shape.printedPagesX100,
  })
  .strict();
export type BaselineRequest = z.infer<typeof baselineRequestSchema>;

const correctionSchema = z.object({
  field: z.string(),
  oldValue: z.string(),
  newValue: z.string(),
  correctedAt: z.string(),
  operator: z.string(),
  reason: z.string(),
});

export const authorisingActSchema = z
  .object({
    kind: z.string().trim().min(3).max(120),
    reference: z.string().trim().min(1).max(60),
    date: isoDateSchema,
    issuedBy: z.string().trim().min(2).max(120),
  })
  .strict();

export const protocolEntrySchema = z.object({
  year: z.number().int(),
  number: z.number().int(),
  /** '2026/0000123' */
  formatted: z.string(),
  registeredAt: z.string(),
  direction: z.enum(['incoming', 'outgoing', 'internal']),
  correspondents: z.array(z.string()),
  subject: z.string(),
  caseId: z.string().nullable(),
  registeredBy: z.string(),
  corrections: z.array(correctionSchema),
  /** art. 54: a cancelled registration stays readable under its mark */
  cancellation: z
    .object({
      cancelledAt: z.string(),
      operator: z.string(),
      act: authorisingActSchema,
      reason: z.string(),
      mark: z.object({ it: z.string(), en: z.string() }),
    })
    .nullable(),
});
export type ProtocolEntry = z.infer<typeof protocolEntrySchema>;

export const protocolRegisterResponseSchema = z.object({
  year: z.number().int(),
  entries: z.array(protocolEntrySchema),
  /** the register's own check: gaps or duplicates in the year's numbers (empty = consistent) */
  problems: z.array(z.string()),
});
export type ProtocolRegisterResponse = z.infer<typeof protocolRegisterResponseSchema>;

export const protocolCancelSchema = z
  .object({
    year: z.number().int().min(1583).max(9999),
    number: z.number().int().min(1),
    reason: z.string().trim().min(5).max(300),
    act: authorisingActSchema,
  })
  .strict();

export const protocolCorrectSchema = z
  .object({
    year: z.number().int().min(1583).max(9999),
    number: z.number().int().min(1),
    field: z.enum(['subject', 'correspondents']),
    /** the subject, or the correspondents one per line */
    value: z.string().trim().min(1).max(500),
    reason: z.string().trim().min(5).max(300),
  })
  .strict();
