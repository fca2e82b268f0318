import type { z } from 'zod';
import type { CallSpec } from '../contract/call-spec';

/** The desk contract entries of permits (`permits:…`), declared in service.ts. */
export const PERMIT_CALLS = {} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
