import { z } from 'zod';
import { isoDateSchema, localDateTimeSchema } from '../calendar/date-schemas';
import { PERMIT_KINDS } from './permit-kinds';
import { permitNumberSchema } from './permit-wire';

/**
 * What the street side of permits sends and receives at the hub: the plate check the ZTL
 * cameras and the wardens' handhelds ask, the camera vendor's transit batches and their review,
 * the whitelist delta. No holder and no health data ever travel here.
 */

export const PERMITS_API = '/api/v1/permits';
export const PERMIT_CHECK_PATH = `${PERMITS_API}/check`;
export const PERMIT_WHITELIST_PATH = `${PERMITS_API}/whitelist.csv`;
export const PERMIT_TRANSITS_PATH = `${PERMITS_API}/transits`;
export const PERMIT_REVIEW_PATH = `${PERMITS_API}/transits/review`;
export const PERMIT_DECISION_PATH = `${PERMITS_API}/transits/:id/decision`;
export const PERMIT_STATS_PATH = `${PERMITS_API}/stats`;
export const PERMIT_REVOCATIONS_PATH = `${PERMITS_API}/revocations`;
export const PERMIT_VERIFY_PATH = '/verify/permit/:number';

/** `?plate=AB123CD&country=I&zone=ZTL-CENTRO&at=2026-12-06T10:15`; country default I, at default now. */
export const permitCheckQuerySchema = z
  .object({
    plate: z.string().trim().min(1).max(20),
    country: z.string().trim().min(1).max(2).optional(),
    zone: z.string().trim().min(1).max(40).optional(),
    at: localDateTimeSchema.optional(),
  })
  .strict();
export type PermitCheckQuery = z.infer<typeof permitCheckQuerySchema>;

export const permitCheckAnswerSchema = z
  .object({
    allowed: z.boolean(),
    plate: z.string(),
    country: z.string(),
    at: localDateTimeSchema,
    permits: z.array(
      z
        .object({
          number: permitNumberSchema,
          kind: z.enum(PERMIT_KINDS),
          validTo: isoDateSchema,
          validToAt: localDateTimeSchema.nullable(),
        })
        .strict(),
    ),
    /** why not allowed (transit-match.ts reasons): `no_permit`, `permit_expired`, …; null when allowed */
    reason: z.string().nullable(),
  })
  .strict();
export type PermitCheckAnswer = z.infer<typeof permitCheckAnswerSchema>;

export const whitelistQuerySchema = z.object({ since: isoDateSchema.optional() }).strict();

/** The delta file: one line per row to add or remove, then the whitelist's own columns. */
export const WHITELIST_DELTA_HEADER = 'change;plate;country;kind;valid_from;valid_to';

/** The answer to a transit batch: counts, and each line the file could not give. */
export const transitReportSchema = z
  .object({
    received: z.number().int().nonnegative(),
    stored: z.number().int().nonnegative(),
    /** already imported (same plate, moment and gate) */
    duplicates: z.number().int().nonnegative(),
    matched: z.number().int().nonnegative(),
    unmatched: z.number().int().nonnegative(),
    errors: z.array(
      z.object({ line: z.number().int().positive(), code: z.string(), value: z.string() }).strict(),
    ),
  })
  .strict();
export type TransitReport = z.infer<typeof transitReportSchema>;

export const TRANSIT_DECISIONS = ['confirm', 'dismiss'] as const;
export const transitDecisionSchema = z
  .object({
    decision: z.enum(TRANSIT_DECISIONS),
    note: z.string().trim().max(300).optional(),
  })
  .strict();

export const reviewQuerySchema = z
  .object({
    status: z.enum(['unmatched', 'confirmed', 'dismissed']).default('unmatched'),
    day: isoDateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

/**
 * What a confirmed passage gives the fines office: the fields of a verbale for the ZTL
 * violation (art. 7 c.9 and c.14 CdS), for the clerk who drafts it. Not yet a verbale: the
 * owner and the notification come from the vehicle register.
 */
export interface VerbaleDraft {
  key: string;
  plate: string;
  country: string;
  violationAt: string;
  place: string;
  article: string;
  /** a line of the fines import (hub/cashdesk/import-service.ts) once owner data are added */
  csvLine: string | null;
}

export interface TransitReviewItem {
  id: string;
  plate: string;
  country: string;
  at: string;
  gate: string;
  status: 'matched' | 'unmatched' | 'confirmed' | 'dismissed';
  reason: string | null;
  permitNumber: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  verbaleDraft: VerbaleDraft | null;
}

export const statsQuerySchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
  })
  .strict();

const count = z.number().int().nonnegative();
const statsFigures = { issued: count, renewed: count, revoked: count, revenueCents: count };

/** The supervisors' figures of a period, as the hub answers them (and the desk checks them). */
export const permitStatsSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  rows: z.array(z.object({ day: isoDateSchema, kind: z.string().max(40), ...statsFigures })).max(20_000),
  totals: z.object(statsFigures),
  expiringIn30Days: count,
});
export type PermitStats = z.infer<typeof permitStatsSchema>;
export type PermitStatsRow = PermitStats['rows'][number];
