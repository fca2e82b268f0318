import type { z } from 'zod';
import type { CallSpec } from '../contract/call-spec';

/**
 * The desk contract entries of the canone unico (`canone:…`), declared in service.ts. Filled in
 * by the desk core's work (electron/desk/canone); empty until then.
 */
export const CANONE_CALLS = {} as const satisfies Record<string, CallSpec<z.ZodType, unknown>>;
