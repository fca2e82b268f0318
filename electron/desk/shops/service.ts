import type { Migration } from 'kysely';
import { shopsService } from '../../../shared/shops/service';
import { SHOP_UI } from '../../../shared/shops/shop-ui';
import { shopRecordSchema } from '../../../shared/shops/shop-wire';
import { defineDeskService } from '../services/desk-service';
import * as m1000 from './migrations/2026_12_07_1000_shops';
import { fileEffect, outcomeEffect } from './shop-effects';
import { saveShop } from './shop-repository';
import {
  caseProtocol,
  checkFiling,
  checksDue,
  fileShop,
  getShop,
  register,
  sciaOutcome,
} from './shop-service';
import './shop-tables';

const migrations: Record<string, Migration> = {
  '2026_12_07_1000_shops': m1000,
};

/** Commercio di vicinato at the counter (DOMAIN.md §11): the register, filings, SCIA checks. */
export const shopsDesk = defineDeskService({
  shared: shopsService,
  handlers: () => ({
    'shops:register': register,
    'shops:get': getShop,
    'shops:check': checkFiling,
    'shops:file': fileShop,
    'shops:caseProtocol': caseProtocol,
    'shops:checksDue': (ctx) => checksDue(ctx),
    'shops:outcome': sciaOutcome,
  }),
  effects: {
    'shops.file': fileEffect,
    'shops.sciaOutcome': outcomeEffect,
  },
  changes: {
    shop: async (trx, change) => {
      if (change.op === 'delete') {
        await trx.deleteFrom('shops').where('id', '=', change.entityId).execute();
        return;
      }
      await saveShop(trx, shopRecordSchema.parse(change.payload), true);
    },
  },
  migrations,
  // the declarants' identities are personal data; the till lines first (they name the shops)
  personalTables: ['shop_fees', 'shops'],
  tillFees: async (db, sessionId) =>
    (await db.selectFrom('shop_fees').selectAll().where('session_id', '=', sessionId).execute()).map((f) => ({
      id: f.filing_id,
      documentRef: f.label,
      amountCents: Number(f.amount_cents),
      paidAt: f.paid_at,
      label: { it: SHOP_UI.it['shop.tillLine'], en: SHOP_UI.en['shop.tillLine'] },
    })),
});
