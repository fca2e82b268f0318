import type { Transaction } from 'kysely';
import { localDateOf } from '../../../shared/protocol/local-date-time';
import { applyFiling, applyOutcome } from '../../../shared/shops/shop-register';
import { CASE_LOCAL_EFFECTS } from '../cases/case-effects';
import type { Database } from '../db/database';
import type { Effect } from '../sync/effect';
import { findShop, saveShop } from './shop-repository';
import { localStreets } from './shop-service';

async function comuneOf(trx: Transaction<Database>): Promise<string | null> {
  const row = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'comune.belfiore')
    .executeTakeFirst();
  return row?.value ?? null;
}

/**
 * Optimistic, and replayed after each pull until the hub confirms: the case opens as the case
 * engine's own effect does, then the filing is applied to the mirror's shop with the shared rules
 * (a filing the hub already holds, or one the rules refuse here, changes nothing).
 */
export const fileEffect: Effect<'shops.file'> = async (trx, args, meta) => {
  await CASE_LOCAL_EFFECTS['cases.open'](trx, args.case, meta);
  const shop = await findShop(trx, args.shopId);
  if (shop?.history.some((h) => h.filingId === args.filingId)) return;
  const comune = await comuneOf(trx);
  if (!comune) return;
  const applied = applyFiling(shop, args.filing, {
    comune,
    today: localDateOf(args.at),
    streets: await localStreets(trx, comune),
    filingId: args.filingId,
    caseId: args.case.caseId,
    shopId: args.shopId,
  });
  if (applied.ok) await saveShop(trx, applied.value.shop, false);
};

/** The outcome on the mirror's shop and its case, as the hub will apply them. */
export const outcomeEffect: Effect<'shops.sciaOutcome'> = async (trx, args, meta) => {
  const shop = await findShop(trx, args.shopId);
  if (!shop || shop.history.some((h) => h.filingId === args.eventId)) return;
  const comune = await comuneOf(trx);
  if (!comune) return;
  const next = applyOutcome(shop, args.caseId, args.outcome, args.conformDays, {
    today: localDateOf(args.at),
    comune,
    eventId: args.eventId,
  });
  if (!next.ok) return;
  await saveShop(trx, next.value, false);
  const step = CASE_LOCAL_EFFECTS['cases.transition'];
  const base = { caseId: args.caseId, at: args.at };
  await step(trx, { ...base, eventId: `${args.eventId}:take`, event: { type: 'take_in_charge' } }, meta);
  if (args.outcome === 'invito') return;
  const approve = args.outcome === 'conforme';
  await step(
    trx,
    {
      ...base,
      eventId: `${args.eventId}:propose`,
      event: { type: 'propose', outcome: approve ? 'approve' : 'reject', reason: args.reason },
    },
    meta,
  );
  await step(trx, { ...base, eventId: args.eventId, event: { type: approve ? 'approve' : 'reject' } }, meta);
};
