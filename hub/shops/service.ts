import { romeDateOf } from '../../shared/calendar/rome-date';
import { shopsService } from '../../shared/shops/service';
import { defineHubService } from '../services/hub-service';
import { createDemoShops } from './demo-shops';
import * as m1000 from './migrations/2026_12_07_1000_shops';
import { sciaDecided, SHOP_APPLIERS, SHOP_DECIDED_PROCEDURES } from './shop-appliers';
import { currentShopState } from './shop-current-state';
import './shop-tables';

/**
 * Commercio di vicinato at the hub: every filing applied again to the hub's own register with the
 * shared rules, the case opened (protocol number) by the case engine's applier in the same
 * transaction, the SCIA check's decisions reaching the register, the fees in the clerk's till.
 */
export const shopsHub = defineHubService({
  shared: shopsService,
  appliers: SHOP_APPLIERS,
  migrations: { '2026_12_07_1000_shops': m1000 },
  caseDecisions: { procedures: SHOP_DECIDED_PROCEDURES, decided: sciaDecided },
  demo: async (db, comune, now) => {
    const made = await createDemoShops(db, comune, { count: 100, today: romeDateOf(now) });
    return `registered ${made} demo shops (commercio di vicinato)`;
  },
  tillFees: (trx, sessionId) =>
    trx
      .selectFrom('shop_fees')
      .select(['filing_id as id', 'amount_cents'])
      .where('session_id', '=', sessionId)
      .execute(),
  currentState: currentShopState,
});
