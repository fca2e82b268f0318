/**
 * The desk contract entries of the school services (`school:…`), declared in service.ts.
 * Owned by the desk helper (school-desk); empty until the desk core lands.
 */
export const SCHOOL_CALLS = {} as const;
