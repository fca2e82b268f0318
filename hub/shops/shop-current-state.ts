import type { Transaction } from 'kysely';
import type { Change, MutationName } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { caseCurrentStateFor } from '../cases/case-appliers';
import { headSeq } from '../sync/change-log';
import { findShop } from './shop-repository';

/**
 * The hub's version of what a refused shop mutation touched, for the desk to rebase on: the shop
 * as the hub has it (or its absence: a refused opening goes away at the counter) and the case it
 * opened (or its absence: the counter drops the optimistic case).
 */
export async function currentShopState(
  trx: Transaction<HubDatabase>,
  ws: WorkstationRow,
  name: MutationName,
  args: Record<string, unknown>,
): Promise<Change[] | null> {
  if (!name.startsWith('shops.')) return null;
  const changes: Change[] = [];
  const seq = await headSeq(trx, ws.comune);
  if (typeof args.shopId === 'string') {
    const shop = await findShop(trx, ws.comune, args.shopId);
    changes.push(
      shop
        ? { seq, entity: 'shop', entityId: shop.id, op: 'upsert', payload: shop }
        : { seq, entity: 'shop', entityId: args.shopId, op: 'delete', payload: null },
    );
  }
  const opened = args.case as { caseId?: unknown } | undefined;
  const caseId = typeof opened?.caseId === 'string' ? opened.caseId : args.caseId;
  if (typeof caseId === 'string') {
    changes.push(...((await caseCurrentStateFor(trx, ws, 'cases.transition', { caseId })) ?? []));
  }
  return changes;
}
