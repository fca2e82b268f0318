import { z } from 'zod';
import { contactsSchema } from '../registry/contacts';
import { serviceMutations, type ServicePart } from '../services/registered';
import { CHANGE_ENTITIES } from './change-entities';

/** A supervisor marks (or clears) a record as not certifiable, with the reason (DOMAIN.md §1.2). */
export const certifiabilitySchema = z
  .object({
    residentId: z.string().min(1).max(64),
    notCertifiable: z.boolean(),
    reason: z.string().trim().min(5).max(300),
  })
  .strict();

const CORE_MUTATIONS = {
  'registry.updateContacts': contactsSchema,
  'registry.setCertifiable': certifiabilitySchema,
} as const;

/**
 * Every change a counter can make offline, by name: the registry core's and each registered
 * service's (its service.ts). The desk applies it optimistically and queues it; the hub applies
 * it again with the same schema, authoritatively.
 */
export const MUTATIONS = { ...CORE_MUTATIONS, ...serviceMutations() } as typeof CORE_MUTATIONS &
  ServicePart<'mutations'>;

export type MutationName = keyof typeof MUTATIONS;
export type MutationArgs<N extends MutationName> = z.infer<(typeof MUTATIONS)[N]>;

export const isMutationName = (name: unknown): name is MutationName =>
  typeof name === 'string' && Object.hasOwn(MUTATIONS, name);

/** A queued mutation as it travels: uuid v7 id (time-ordered), who, where, when. */
export const mutationEnvelopeSchema = z.object({
  id: z.string().uuid(),
  name: z.string().min(1).max(80),
  args: z.unknown(),
  clerk: z.string().min(1).max(64),
  at: z.string().datetime(),
});
export type MutationEnvelope = z.infer<typeof mutationEnvelopeSchema>;

export const PUSH_BATCH_MAX = 500;

/**
 * The batch as the hub first reads it: only each mutation's id, which its answer is matched on.
 * Everything else is checked mutation by mutation (mutationEnvelopeSchema, then the args), so a
 * mutation from another release or with a bad field is refused alone and the rest applies.
 */
export const pushRequestSchema = z.object({
  mutations: z
    .array(z.object({ id: z.string().uuid() }).passthrough())
    .min(1)
    .max(PUSH_BATCH_MAX),
});
export type PushedMutation = z.infer<typeof pushRequestSchema>['mutations'][number];

export const mutationResultSchema = z.object({
  id: z.string(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** on rejection: the hub's current version of what the mutation touched, to rebase on */
  current: z.array(z.lazy(() => wireChangeSchema)).optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });

/** One entry of a comune's change log, of a kind this release knows. `payload` is the entity's whole new state. */
export const changeSchema = z.object({
  seq: z.number().int().nonnegative(),
  entity: z.enum(CHANGE_ENTITIES),
  entityId: z.string(),
  op: z.enum(['upsert', 'delete']),
  payload: z.unknown(),
  /** the mutation that produced this change: its sender drops it from its outbox on seeing it */
  mutationId: z.string().nullable().optional(),
});
export type Change = z.infer<typeof changeSchema>;

/**
 * A change as it travels: the kind is any name, so a newer hub's new kind reaches an older desk
 * as one record it sets aside (quarantine), never as a page it cannot read at all.
 */
export const wireChangeSchema = changeSchema.extend({ entity: z.string().min(1).max(60) });
export type WireChange = z.infer<typeof wireChangeSchema>;

export const isKnownChange = (c: WireChange): c is Change =>
  (CHANGE_ENTITIES as readonly string[]).includes(c.entity);

export const changesResponseSchema = z.object({
  changes: z.array(wireChangeSchema),
  /** highest sequence of the comune's log at the time of the answer */
  head: z.number().int().nonnegative(),
  /** the hub's schema epoch: a different value than the desk's means "bootstrap again" */
  epoch: z.number().int().positive(),
});
export type ChangesResponse = z.infer<typeof changesResponseSchema>;
