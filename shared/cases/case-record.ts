import { z } from 'zod';
import { isoDateSchema, localDateTimeSchema } from '../calendar/date-schemas';
import {
  addressSchema,
  familySchema as registryFamilySchema,
  residentEventSchema,
} from '../sync/registry-page';
import { CASE_EVENT_TYPES, CASE_STATUSES, type CaseState } from './case-model';
import type { ProcedureDefinition } from './procedure-catalogue';
import { RELATIONSHIPS, residenceIntakeSchema } from './residence-intake-schema';

/**
 * A case as it travels in the change log (entity 'case'): the whole state the rules need
 * (CaseState), what the queue shows, and the history. The payload is always the case's whole
 * new state, so a desk replaces what it had (and replays its pending mutations on top).
 */

const labels = z.object({ it: z.string(), en: z.string() });
const sourceStatus = z.enum(['V', 'K', 'U', 'K/U', 'V/K']);

export const procedureSchema = z.object({
  code: z.string().min(1).max(60),
  comune: z.string().nullable(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
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
const finalAct = z.object({ number: protocolNumber, date: isoDateSchema });
const actorRole = z.enum(['citizen', 'clerk', 'supervisor', 'system']);

const suspensionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('information_request'),
    from: isoDateSchema,
    maxDays: z.number().int(),
    resumedOn: isoDateSchema.nullable(),
    reason: z.string(),
    reference: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('refusal_notice'),
    from: isoDateSchema,
    observationDays: z.number().int(),
    restartDelayDays: z.number().int(),
    noticeReceivedOn: isoDateSchema.nullable(),
    observationsReceivedOn: isoDateSchema.nullable(),
    resumedOn: isoDateSchema.nullable(),
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
  createdAt: localDateTimeSchema,
  protocol: z.object({ number: protocolNumber, registeredAt: localDateTimeSchema }).nullable(),
  receivedOn: isoDateSchema.nullable(),
  assigneeId: z.string().nullable(),
  suspensions: z.array(suspensionSchema),
  proposal: z
    .object({
      outcome: z.enum(['approve', 'reject']),
      by: z.string(),
      at: localDateTimeSchema,
      reason: z.string(),
    })
    .nullable(),
  outcome: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('approved'),
        at: localDateTimeSchema,
        by: z.string(),
        finalAct: finalAct.nullable(),
      }),
      z.object({
        kind: z.literal('rejected'),
        at: localDateTimeSchema,
        by: z.string(),
        finalAct: finalAct.nullable(),
      }),
      z.object({ kind: z.literal('silence_assent'), at: localDateTimeSchema, formedOn: isoDateSchema }),
      z.object({ kind: z.literal('withdrawn'), at: localDateTimeSchema, by: z.string(), fromStatus: status }),
    ])
    .nullable(),
  closedAt: localDateTimeSchema.nullable(),
  lastEventAt: localDateTimeSchema,
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
  when: localDateTimeSchema,
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
  at: localDateTimeSchema,
});
export type CaseNote = z.infer<typeof caseNoteSchema>;

export const caseAttachmentSchema = z.object({
  id: z.string().min(1).max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  addedBy: z.string(),
  at: localDateTimeSchema,
});
export type CaseAttachment = z.infer<typeof caseAttachmentSchema>;

const previousPosition = z.object({
  residentId: z.string(),
  familyId: z.string(),
  relationship: z.enum(RELATIONSHIPS),
});

export const policeCheckSchema = z.object({
  outcome: z.enum(['positive', 'negative']),
  checkedOn: isoDateSchema,
  notes: z.string(),
  by: z.string(),
  at: localDateTimeSchema,
});
export type PoliceCheck = z.infer<typeof policeCheckSchema>;

/** What the change of residence adds to a case: the declaration, its dates, the registry moves. */
export const residenceDataSchema = z.object({
  intake: residenceIntakeSchema,
  schedule: z.object({
    effectiveFrom: isoDateSchema,
    registrationDue: isoDateSchema,
    checkDue: isoDateSchema,
    silenceAssentFrom: isoDateSchema,
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

/** The household a registration formed: the registry's own family wire schema, flattened. */
const familySchema = addressSchema.extend({
  id: registryFamilySchema.shape.id,
  since: registryFamilySchema.shape.since,
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
