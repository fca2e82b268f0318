import type { z } from 'zod';
import type { CallSpec } from '../contract/call-spec';

/** The desk contract entries of social services (`social:…`): owned by the social desk. */
export const SOCIAL_CALLS = {} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
