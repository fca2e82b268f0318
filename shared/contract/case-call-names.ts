/** The case engine's contract call names (`cases:…`), merged into CALL_NAMES. Zod-free (preload). */
export const CASE_CALL_NAMES = [] as const;
