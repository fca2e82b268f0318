import type { Transaction } from 'kysely';
import type { CASE_MUTATIONS } from '../../shared/cases/case-mutations';
import type { Change } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import type { Applier } from '../sync/apply-context';

/** The hub's authoritative effects of the case engine's mutations, merged into APPLIERS. */
export const CASE_APPLIERS: { [N in keyof typeof CASE_MUTATIONS]: Applier<N> } = {};

/** What a rejected case mutation touched, as the hub has it now; null when not a case mutation. */
export async function caseCurrentStateFor(
  _trx: Transaction<HubDatabase>,
  _ws: WorkstationRow,
  _name: string,
  _args: unknown,
): Promise<Change[] | null> {
  return null;
}
