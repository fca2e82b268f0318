import { z } from 'zod';
import { isoDateSchema, localDateTimeSchema } from '../calendar/date-schemas';
import { NOTE_KINDS, RECEIPT_DELIVERIES } from './case-record';
import { residenceIntakeSchema } from './residence-intake-schema';

/**
 * Mutations of the case engine (issue 4), merged into shared/sync/mutations.ts MUTATIONS. Each
 * carries the ids of what it creates (case, timeline entry, note, attachment), generated at the
 * counter, so applying it twice (the rebase after a pull) changes nothing the second time, and
 * the wall-clock moment of the act in Italy (`at`, Europe/Rome): the legal facts (start of the
 * term, dates of suspensions and decisions) are the counter's, not the moment of sync.
 */

const id = z.string().min(1).max(64);
const reason = z.string().trim().max(500);

export const caseOpenSchema = z
  .object({
    caseId: id,
    eventId: id,
    at: localDateTimeSchema,
    procedureCode: z.string().min(1).max(60),
    applicantId: id.nullable(),
    /** `surname givenNames` of a registry person: 120 + 1 + 120 at most (registry-page.ts) */
    applicantName: z.string().trim().min(1).max(241),
    subject: z.string().trim().min(1).max(300),
    counterSeconds: z.number().int().min(0).max(86_400).nullable(),
    receiptDelivery: z.enum(RECEIPT_DELIVERIES),
    documents: z.array(z.string().max(60)).max(30),
    /** the declaration, for a change of residence; null for the other procedures */
    residence: residenceIntakeSchema.nullable(),
  })
  .strict();

/** The steps a person may take (registration and silence-assent belong to the hub). */
export const caseEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('take_in_charge'), reason: reason.optional() }).strict(),
  z
    .object({
      type: z.literal('suspend'),
      kind: z.enum(['information_request', 'refusal_notice']),
      days: z.number().int().min(1).max(365).optional(),
      reason,
      reference: z.string().trim().max(120).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('resume'),
      noticeReceivedOn: isoDateSchema.optional(),
      observationsReceivedOn: isoDateSchema.optional(),
      reason: reason.optional(),
    })
    .strict(),
  z.object({ type: z.literal('propose'), outcome: z.enum(['approve', 'reject']), reason }).strict(),
  z.object({ type: z.literal('approve'), reason: reason.optional() }).strict(),
  z.object({ type: z.literal('reject'), reason: reason.optional() }).strict(),
  z.object({ type: z.literal('return_for_review'), reason }).strict(),
  z.object({ type: z.literal('withdraw'), reason }).strict(),
  z.object({ type: z.literal('close'), reason: reason.optional() }).strict(),
]);
export type CaseEventInput = z.infer<typeof caseEventSchema>;

export const caseTransitionSchema = z
  .object({ caseId: id, eventId: id, at: localDateTimeSchema, event: caseEventSchema })
  .strict();

/** A supervisor assigns or reassigns cases (one or many): all of them, or none. */
export const caseAssignSchema = z
  .object({
    eventId: id,
    at: localDateTimeSchema,
    assignee: z.string().trim().min(1).max(64),
    caseIds: z.array(id).min(1).max(200),
    reason: reason,
  })
  .strict();

export const caseNoteMutationSchema = z
  .object({
    caseId: id,
    noteId: id,
    at: localDateTimeSchema,
    kind: z.enum(NOTE_KINDS),
    text: z.string().trim().min(1).max(4000),
  })
  .strict();

/** Largest attachment: a scanned document or PDF, within the hub's 4 MB request limit once in base64. */
export const ATTACHMENT_MAX_BYTES = 2_500_000;

export const caseAttachSchema = z
  .object({
    caseId: id,
    attachmentId: id,
    at: localDateTimeSchema,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    fileName: z.string().trim().min(1).max(200),
    mediaType: z.string().trim().min(1).max(100),
    size: z.number().int().min(1).max(ATTACHMENT_MAX_BYTES),
  })
  .strict();

/** DOMAIN.md §3: the outcome of the Polizia Locale's check, due within 45 days. */
export const casePoliceCheckSchema = z
  .object({
    caseId: id,
    eventId: id,
    at: localDateTimeSchema,
    outcome: z.enum(['positive', 'negative']),
    checkedOn: isoDateSchema,
    notes: z.string().trim().max(1000),
  })
  .strict();

/** The citizen had to come back to the counter for this case (burden meter: visits). */
export const caseVisitSchema = z
  .object({ caseId: id, eventId: id, at: localDateTimeSchema, purpose: z.string().trim().min(3).max(300) })
  .strict();

export const CASE_MUTATIONS = {
  'cases.open': caseOpenSchema,
  'cases.transition': caseTransitionSchema,
  'cases.assign': caseAssignSchema,
  'cases.note': caseNoteMutationSchema,
  'cases.attach': caseAttachSchema,
  'cases.policeCheck': casePoliceCheckSchema,
  'cases.visit': caseVisitSchema,
} as const;
