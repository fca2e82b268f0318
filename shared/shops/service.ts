import { rule, STAFF, SUPERVISORS } from '../auth/rule';
import { defineService } from '../services/service-definition';
import { SHOP_CALLS } from './shop-calls';
import { SHOP_ERROR_MESSAGES } from './shop-errors';
import { SHOP_UI } from './shop-ui';
import { SHOP_MUTATIONS } from './shop-wire';

/**
 * Commercio di vicinato (DOMAIN.md §11): SCIA and comunicazioni of neighbourhood shops, the
 * register of shops per comune, the 60-day check of a SCIA (art. 19 L. 241/1990) on the case
 * engine. The hub recomputes every filing from its own register with the same shared rules.
 */
export const shopsService = defineService({
  id: 'shops',
  calls: SHOP_CALLS,
  mutations: SHOP_MUTATIONS,
  rules: {
    'shops.file': rule(
      STAFF,
      'deposito SCIA o comunicazione di un esercizio',
      'filing a shop’s SCIA or notice',
    ),
    'shops.sciaOutcome': rule(SUPERVISORS, 'esito della verifica SCIA', 'the outcome of a SCIA check'),
  },
  entities: ['shop'],
  backfilled: ['shop'],
  errors: SHOP_ERROR_MESSAGES,
  ui: SHOP_UI,
});
