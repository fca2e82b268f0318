import { z } from 'zod';

/** A desk tells its hub which records of the change log it set aside, and why. */
export const QUARANTINE_PATH = '/api/v1/sync/quarantine';

export const QUARANTINE_REPORT_MAX = 200;

/** Why a desk set a record aside: a kind its release does not know, or content it cannot read. */
export const QUARANTINE_CODES = ['change_kind_unknown', 'change_unreadable'] as const;

export const quarantineReportSchema = z
  .object({
    records: z
      .array(
        z
          .object({
            seq: z.number().int().nonnegative(),
            entity: z.string().min(1).max(60),
            entityId: z.string().max(200),
            code: z.enum(QUARANTINE_CODES),
            /** for support: the schema path and rule that failed */
            detail: z.string().max(500),
            at: z.string().datetime(),
          })
          .strict(),
      )
      .min(1)
      .max(QUARANTINE_REPORT_MAX),
    /** the counter's release, so support knows which side is behind */
    version: z.string().max(40),
  })
  .strict();
export type QuarantineReport = z.infer<typeof quarantineReportSchema>;

export const quarantineAckSchema = z.object({ recorded: z.number().int().nonnegative() });
