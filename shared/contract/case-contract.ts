import type { z } from 'zod';
import type { CallSpec } from './call-spec';

/** The case engine's contract entries, merged into shared/contract/contract.ts. */
export const caseContract = {} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
