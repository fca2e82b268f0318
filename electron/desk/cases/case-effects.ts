import type { CASE_MUTATIONS } from '../../../shared/cases/case-mutations';
import type { Effect } from '../sync/effect';

/** Optimistic local effects of the case engine's mutations, merged into LOCAL_EFFECTS. */
export const CASE_LOCAL_EFFECTS: { [N in keyof typeof CASE_MUTATIONS]: Effect<N> } = {};
