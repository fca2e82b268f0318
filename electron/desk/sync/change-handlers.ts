import type { Transaction } from 'kysely';
import type { Change } from '../../../shared/sync/mutations';
import { CASE_CHANGE_HANDLERS } from '../cases/case-plugin';
import { CASHDESK_CHANGE_HANDLERS } from '../cashdesk/cashdesk-changes';
import type { Database } from '../db/database';

type ChangeHandler = (trx: Transaction<Database>, change: Change) => Promise<void>;

/** Pulled changes of the feature modules (cases, cash desk…), by entity. */
const HANDLERS: Partial<Record<Change['entity'], ChangeHandler>> = {
  ...CASHDESK_CHANGE_HANDLERS,
  ...CASE_CHANGE_HANDLERS,
};

/** Applies a change of an entity the registry core does not know; unknown entities are skipped. */
export async function applyOtherChange(trx: Transaction<Database>, change: Change): Promise<void> {
  await HANDLERS[change.entity]?.(trx, change);
}
