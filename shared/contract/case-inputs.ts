import { z } from 'zod';
import { isoDateString } from '../calendar/date-schemas';
import { CASE_STATUSES } from '../cases/case-model';
import { caseEventSchema } from '../cases/case-mutations';
import { NOTE_KINDS, RECEIPT_DELIVERIES } from '../cases/case-record';
import { baselineRequestSchema, protocolCancelSchema, protocolCorrectSchema } from '../cases/case-wire';
import { residenceIntakeInput } from '../cases/residence-intake-schema';

/** Inputs of the `cases:…` calls (validated by dispatch before any service runs). */

const id = z.string().min(1).max(64);
const isoDate = isoDateString('data AAAA-MM-GG');

export const QUEUE_SORTS = ['due', 'created', 'protocol', 'procedure', 'status', 'assignee'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const queueInput = z
  .object({
    /** open (default): submitted and undecided; concluded: decided, withdrawn or closed */
    scope: z.enum(['open', 'concluded', 'all']).default('open'),
    office: z.string().max(60).optional(),
    procedure: z.string().max(60).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    /** 'me', 'none' (unassigned) or a username */
    assignee: z.string().max(64).optional(),
    colour: z.enum(['green', 'amber', 'red']).optional(),
    /** words of the subject or applicant, or a protocol number */
    text: z.string().trim().max(80).optional(),
    sort: z.enum(QUEUE_SORTS).default('due'),
    dir: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type QueueInput = z.infer<typeof queueInput>;

const intakeExtras = {
  /** seconds from opening the intake to filing it (burden meter: time at the counter) */
  counterSeconds: z.number().int().min(0).max(86_400).nullable().default(null),
  receiptDelivery: z.enum(RECEIPT_DELIVERIES).default('none'),
  documents: z.array(z.string().max(60)).max(30).default([]),
};

export const openResidenceInput = residenceIntakeInput.extend(intakeExtras).strict();
export type OpenResidenceInput = z.infer<typeof openResidenceInput>;

export const openCaseInput = z
  .object({
    procedureCode: z.string().min(1).max(60),
    applicantId: id,
    subject: z.string().trim().min(3).max(300),
    ...intakeExtras,
  })
  .strict();

export const transitionInput = z.object({ caseId: id, event: caseEventSchema }).strict();

export const assignInput = z
  .object({
    caseIds: z.array(id).min(1).max(200),
    assignee: z.string().trim().min(1).max(64),
    reason: z.string().trim().max(300).default(''),
  })
  .strict();

export const noteInput = z
  .object({ caseId: id, kind: z.enum(NOTE_KINDS), text: z.string().trim().min(1).max(4000) })
  .strict();

export const attachInput = z
  .object({
    caseId: id,
    fileName: z.string().trim().min(1).max(200),
    mediaType: z.string().trim().min(1).max(100),
    /** the file's bytes; size is checked after decoding */
    contentBase64: z.string().min(1).max(4_000_000),
  })
  .strict();

export const policeCheckInput = z
  .object({
    caseId: id,
    outcome: z.enum(['positive', 'negative']),
    checkedOn: isoDate,
    notes: z.string().trim().max(1000).default(''),
  })
  .strict();

export const visitInput = z.object({ caseId: id, purpose: z.string().trim().min(3).max(300) }).strict();

export const caseIdInput = z
  .object({
    id,
    /** the screen looking again at the case it shows (awaiting the hub): not a new read to audit */
    refresh: z.boolean().default(false),
  })
  .strict();

export const attachmentInput = z.object({ caseId: id, attachmentId: id }).strict();

export const residentInput = z.object({ residentId: id }).strict();

export const burdenInput = z.object({ months: z.number().int().min(1).max(36).default(12) }).strict();

export const baselineInput = baselineRequestSchema;

export const protocolRegisterInput = z
  .object({
    year: z.number().int().min(1583).max(9999).optional(),
    limit: z.number().int().min(1).max(2000).default(200),
  })
  .strict();

export const protocolCancelInput = protocolCancelSchema;
export const protocolCorrectInput = protocolCorrectSchema;
