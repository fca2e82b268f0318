/** Mutations of the case engine (issue 4), merged into shared/sync/mutations.ts MUTATIONS. */
export const CASE_MUTATIONS = {} as const;
