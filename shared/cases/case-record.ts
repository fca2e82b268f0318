import { z } from 'zod';
import { residentEventSchema } from '../sync/registry-page';
import { CASE_EVENT_TYPES, CASE_STATUSES, type CaseState } from './case-model';
import type { ProcedureDefinition } from './procedure-catalogue';
import { RELATIONSHIPS, residenceIntakeSchema } from './residence-intake-schema';

/**
 * A case as it travels in the change log (entity 'case'): the whole state the rules need
 * (CaseState), what the queue shows, and the history. The payload is always the case's whole
 * new state, so a desk replaces what it had (and replays its pending mutations on top).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/);
const labels = z.object({ it: z.string(), en: z.string() });
const sourceStatus = z.enum(['V', 'K', 'U', 'K/U', 'V/K']);

export const procedureSchema = z.object({
  code: z.string().min(1).max(60),
  comune: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  title: labels,
  legalBasis: z.string(),
  maxDays: z.number().int(),
  silenceMeansConsent: z.boolean(),
  silenceDays: z.number().int().nullable(),
  requiredDocuments: z.array(
    z.object({ id: z.string(), label: labels, when: labels.nullable(), status: sourceStatus }),
  ),
  needsSecondApproval: z.boolean(),
  office: z.object({ code: z.string(), name: labels }),
  refusalNoticeApplies: z.boolean(),
  withdrawal: z.enum(['until_decision', 'until_taken_in_charge']),
  suspension: z.object({
    informationRequests: z.number().int(),
    informationRequestMaxDays: z.number().int(),
    refusalObservationDays: z.number().int(),
    refusalRestartDelayDays: z.number().int(),
  }),
  confidence: z.object({ maxDays: sourceStatus, silence: sourceStatus, secondApproval: sourceStatus }),
  note: z.string().nullable(),
}) satisfies z.ZodType<ProcedureDefinition>;

const protocolNumber = z.object({ year: z.number().int(), number: z.number().int() });
const finalAct = z.object({ number: protocolNumber, date: isoDate });
const actorRole = z.enum(['citizen', 'clerk', 'supervisor', 'system']);

const suspensionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('information_request'),
    from: isoDate,
    maxDays: z.number().int(),
    resumedOn: isoDate.nullable(),
    reason: z.string(),
    reference: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('refusal_notice'),
    from: isoDate,
    observationDays: z.number().int(),
    restartDelayDays: z.number().int(),
    noticeReceivedOn: isoDate.nullable(),
    observationsReceivedOn: isoDate.nullable(),
    resumedOn: isoDate.nullable(),
    reason: z.string(),
    reference: z.string().nullable(),
  }),
]);

const status = z.enum(CASE_STATUSES);

export const caseStateSchema = z.object({
  id: z.string().min(1).max(64),
  comune: z.string().length(4),
  procedure: procedureSchema,
  status,
  applicantId: z.string().nullable(),
  createdAt: localDateTime,
  protocol: z.object({ number: protocolNumber, registeredAt: localDateTime }).nullable(),
  receivedOn: isoDate.nullable(),
  assigneeId: z.string().nullable(),
  suspensions: z.array(suspensionSchema),
  proposal: z
    .object({ outcome: z.enum(['approve', 'reject']), by: z.string(), at: localDateTime, reason: z.string() })
    .nullable(),
  outcome: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('approved'),
        at: localDateTime,
        by: z.string(),
        finalAct: finalAct.nullable(),
      }),
      z.object({
        kind: z.literal('rejected'),
        at: localDateTime,
        by: z.string(),
        finalAct: finalAct.nullable(),
      }),
      z.object({ kind: z.literal('silence_assent'), at: localDateTime, formedOn: isoDate }),
      z.object({ kind: z.literal('withdrawn'), at: localDateTime, by: z.string(), fromStatus: status }),
    ])
    .nullable(),
  closedAt: localDateTime.nullable(),
  lastEventAt: localDateTime,
}) satisfies z.ZodType<CaseState>;

/** Timeline entries: the state machine's events plus what happens beside them. */
export const TIMELINE_TYPES = [
  'create',
  ...CASE_EVENT_TYPES,
  'assign',
  'police_check',
  'visit',
  'note',
  'attachment',
  'registry',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export const timelineEntrySchema = z.object({
  id: z.string().min(1).max(120),
  type: z.enum(TIMELINE_TYPES),
  who: z.string(),
  role: actorRole,
  when: localDateTime,
  why: z.string(),
  from: status.nullable(),
  to: status.nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** Internal notes are for colleagues; communications go to the citizen: never mixed up. */
export const NOTE_KINDS = ['internal', 'citizen'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const caseNoteSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(NOTE_KINDS),
  text: z.string(),
  author: z.string(),
  at: localDateTime,
});
export type CaseNote = z.infer<typeof caseNoteSchema>;

export const caseAttachmentSchema = z.object({
  id: z.string().min(1).max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  addedBy: z.string(),
  at: localDateTime,
});
export type CaseAttachment = z.infer<typeof caseAttachmentSchema>;

const previousPosition = z.object({
  residentId: z.string(),
  familyId: z.string(),
  relationship: z.enum(RELATIONSHIPS),
});

export const policeCheckSchema = z.object({
  outcome: z.enum(['positive', 'negative']),
  checkedOn: isoDate,
  notes: z.string(),
  by: z.string(),
  at: localDateTime,
});
export type PoliceCheck = z.infer<typeof policeCheckSchema>;

/** What the change of residence adds to a case: the declaration, its dates, the registry moves. */
export const residenceDataSchema = z.object({
  intake: residenceIntakeSchema,
  schedule: z.object({
    effectiveFrom: isoDate,
    registrationDue: isoDate,
    checkDue: isoDate,
    silenceAssentFrom: isoDate,
  }),
  /** where each registry mover was before registration: a negative outcome restores it */
  previous: z.array(previousPosition),
  /** the household the movers joined or formed; null before registration */
  familyId: z.string().nullable(),
  /** ids of the registry records the registration created (movers from elsewhere) */
  createdResidents: z.array(z.string()),
  /** the registry was changed (registration) and not yet restored */
  registryApplied: z.boolean(),
  registryRestored: z.boolean(),
  policeCheck: policeCheckSchema.nullable(),
});
export type ResidenceData = z.infer<typeof residenceDataSchema>;

const familySchema = z.object({
  id: z.string(),
  streetType: z.string(),
  streetName: z.string(),
  houseNumber: z.string(),
  interior: z.string(),
  cap: z.string(),
  frazione: z.string(),
  since: isoDate,
});

export const RECEIPT_DELIVERIES = ['printed', 'file', 'none'] as const;
export type ReceiptDelivery = (typeof RECEIPT_DELIVERIES)[number];

export const caseRecordSchema = z.object({
  state: caseStateSchema,
  office: z.string(),
  subject: z.string(),
  applicantName: z.string(),
  createdBy: z.string(),
  /** seconds the citizen spent at the counter for the intake (burden meter), when measured */
  counterSeconds: z.number().int().nonnegative().nullable(),
  /** visits to the counter the case needed (the intake is the first) */
  visits: z.number().int().nonnegative(),
  receiptDelivery: z.enum(RECEIPT_DELIVERIES),
  /** ids of the required documents the applicant presented */
  documents: z.array(z.string()),
  residence: residenceDataSchema.nullable(),
  /** resident ids and codici fiscali of the people the case is about (one open case each) */
  persons: z.array(z.string()),
  timeline: z.array(timelineEntrySchema),
  notes: z.array(caseNoteSchema),
  attachments: z.array(caseAttachmentSchema),
  /**
   * Immutable registry facts the registration created, applied by a desk before the resident
   * changes that follow in the log: the new household (residents point at it) and the events.
   */
  registry: z.object({ family: familySchema.nullable(), events: z.array(residentEventSchema) }).nullable(),
});
/** The record as code handles it: the state as the rules type it (readonly lists). */
export type CaseRecord = Omit<z.infer<typeof caseRecordSchema>, 'state'> & { state: CaseState };
export type RegistryFamily = z.infer<typeof familySchema>;
