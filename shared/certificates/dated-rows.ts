/** Moved to shared/calendar/dated-rows.ts (dated tables are not specific to certificates). */
export { periodProblems, rowOn, type DatedLookup, type DatedRow } from '../calendar/dated-rows';
