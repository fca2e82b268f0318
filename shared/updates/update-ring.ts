import { z } from 'zod';

/**
 * An update ring: the group of workstations that receive a release together. Rings are data kept
 * at the hub (default `pilot` = IT's own PCs, then `casale`, then `partners`), not an enum: a new
 * partner comune may get a ring of its own without a new desk. The name is what IT writes in the
 * managed configuration and on the command line, so it is a short lower-case word.
 */
export const updateRingSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'ring: lower-case letters, digits, - or _ (at most 32)');
export type UpdateRing = z.infer<typeof updateRingSchema>;

/** The first ring of a hub that has none declared yet (the rings are data, see hub/updates). */
export const DEFAULT_UPDATE_RING: UpdateRing = 'pilot';
