import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { requireAllowed } from '../../../shared/auth/policy';
import { daysBetween, type IsoDate } from '../../../shared/calendar/iso-date';
import { romeDateOf, romeDateTimeOf } from '../../../shared/calendar/rome-date';
import { streetListOf } from '../../../shared/cases/residence-case';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError, localizeError } from '../../../shared/errors/app-error';
import { interpolate, type Locale } from '../../../shared/i18n/locale';
import { localDateOf } from '../../../shared/protocol/local-date-time';
import {
  filingKindOf,
  procedureOfKind,
  type FilingKind,
  type ShopEventType,
} from '../../../shared/shops/shop-events';
import type { ShopRefusal } from '../../../shared/shops/shop-errors';
import { shopFeeCents, shopFeeLines } from '../../../shared/shops/shop-fees';
import { applyFiling, applyOutcome, sciaDueDate } from '../../../shared/shops/shop-register';
import { SHOP_UI, type ShopUiKey } from '../../../shared/shops/shop-ui';
import type { ShopView } from '../../../shared/shops/shop-views';
import type { ShopRecord } from '../../../shared/shops/shop-wire';
import { checkVicinatoClass } from '../../../shared/shops/size-class';
import type { MutationArgs } from '../../../shared/sync/mutations';
import { toBase64 } from '../bytes';
import { tillForFees } from '../cashdesk/cashdesk-service';
import { requireSession, type DeskContext } from '../context';
import type { Database } from '../db/database';
import { runMutation } from '../sync/run-mutation';
import { renderSciaLetter } from './shop-letter-pdf';
import { findShop, searchShops, shopsUnderCheck } from './shop-repository';

type Db = Kysely<Database> | Transaction<Database>;

const ui = (locale: Locale, key: ShopUiKey, params: Record<string, string | number> = {}): string =>
  interpolate(SHOP_UI[locale][key], params);

const todayOf = (ctx: DeskContext): IsoDate => romeDateOf(ctx.now());

export async function localStreets(db: Db, comune: string) {
  const rows = await db
    .selectFrom('families')
    .select(['street_type', 'street_name', 'cap'])
    .distinct()
    .execute();
  return streetListOf(
    comune,
    rows.map((r) => ({ streetType: r.street_type, streetName: r.street_name, cap: r.cap })),
  );
}

const refusalError = (r: ShopRefusal): AppError => new AppError(r.code, r.params);

export const kindLabel = (kind: FilingKind, locale: Locale): string => ui(locale, `shop.kind.${kind}`);
const eventLabel = (event: ShopEventType, locale: Locale): string => ui(locale, `shop.event.${event}`);

export function shopView(shop: ShopRecord, pending: boolean): ShopView {
  return { ...shop, address: `${shop.streetType} ${shop.streetName} ${shop.houseNumber}`, pending };
}

async function pendingShops(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('shops').select('id').where('confirmed', '=', 0).execute();
  return new Set(rows.map((r) => r.id));
}

async function protocolOf(
  db: Db,
  caseId: string,
): Promise<{ protocol: string | null; status: string } | null> {
  const row = await db
    .selectFrom('cases')
    .select(['protocol', 'status'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row ?? null;
}

export async function register(
  ctx: DeskContext,
  input: CallInput<'shops:register'>,
): Promise<CallOutput<'shops:register'>> {
  requireSession(ctx);
  const rows = await searchShops(ctx.db, input.query ?? '', input.status ?? null);
  return rows.map((r) => shopView(r.shop, !r.confirmed));
}

export async function getShop(
  ctx: DeskContext,
  input: CallInput<'shops:get'>,
): Promise<CallOutput<'shops:get'>> {
  requireSession(ctx);
  const shop = await findShop(ctx.db, input.shopId);
  if (!shop) throw new AppError('shop_not_found');
  return shopView(shop, (await pendingShops(ctx.db)).has(shop.id));
}

async function prepare(ctx: DeskContext, input: CallInput<'shops:check'>) {
  const session = requireSession(ctx);
  const comune = session.info.comune.belfiore;
  const today = todayOf(ctx);
  const shop = input.shopId ? await findShop(ctx.db, input.shopId) : null;
  if (input.shopId && !shop) throw new AppError('shop_not_found');
  const ids = { filingId: uuidv7(), caseId: uuidv7(), shopId: input.shopId ?? uuidv7() };
  const applied = applyFiling(shop, input.filing, {
    comune,
    today,
    streets: await localStreets(ctx.db, comune),
    ...ids,
  });
  return { comune, today, shop, ids, applied };
}

/** The live check while the clerk types: class line, kind, fees, term. Nothing stored. */
export async function checkFiling(
  ctx: DeskContext,
  input: CallInput<'shops:check'>,
): Promise<CallOutput<'shops:check'>> {
  const locale = ctx.state.locale;
  const { comune, today, applied } = await prepare(ctx, input);
  const cls = checkVicinatoClass(comune, input.filing.effectiveDate, input.filing.premises.salesAreaM2);
  const classLine = cls.ok
    ? ui(locale, 'shop.class.ok', { limit: cls.limitM2 })
    : localizeError('shop_media_struttura', { area: cls.salesAreaM2, limit: cls.limitM2 }, locale);
  const kind = applied.ok
    ? applied.value.kind
    : filingKindOf(input.filing.event, input.filing.sector, comune, today);
  const fees = shopFeeLines(kind, comune, today);
  return {
    kind,
    kindLabel: kindLabel(kind, locale),
    limitM2: cls.limitM2,
    classLine,
    classOk: cls.ok,
    fees,
    feeCents: fees.reduce((s, l) => s + l.cents, 0),
    checkDueDate: kind === 'comunicazione' ? null : sciaDueDate(today, comune),
    refusal: applied.ok
      ? null
      : {
          code: applied.refusal.code,
          message: localizeError(applied.refusal.code, applied.refusal.params, locale),
        },
  };
}

/**
 * Files a SCIA or comunicazione: checked on the mirror with the shared rules, then one local
 * transaction queues `shops.file` with the case it opens (the hub gives the protocol number) and
 * the fee's till line. The SCIA takes effect on filing: the register shows it at once.
 */
export async function fileShop(
  ctx: DeskContext,
  input: CallInput<'shops:file'>,
): Promise<CallOutput<'shops:file'>> {
  const session = requireSession(ctx);
  requireAllowed(session.info.clerk.role, 'shops.file');
  const locale = ctx.state.locale;
  const { comune, today, ids, applied } = await prepare(ctx, input);
  if (!applied.ok) throw refusalError(applied.refusal);
  const { kind, shop } = applied.value;
  const feeCents = shopFeeCents(kind, comune, today);
  const payment = feeCents === 0 ? 'none' : input.payment === 'none' ? 'cash' : input.payment;
  const tillSessionId = payment === 'cash' ? await tillForFees(ctx) : null;
  const at = romeDateTimeOf(ctx.now());
  const f = input.filing;
  const subject = `${kindLabel(kind, 'it')}: ${eventLabel(f.event, 'it')} – ${shop.signName}, ${shop.streetType} ${shop.streetName} ${shop.houseNumber}`;
  const args: MutationArgs<'shops.file'> = {
    filingId: ids.filingId,
    shopId: shop.id,
    at,
    filing: f,
    case: {
      caseId: ids.caseId,
      eventId: uuidv7(),
      at,
      procedureCode: procedureOfKind(kind),
      applicantId: null,
      applicantName: f.company.name.slice(0, 241),
      subject: subject.slice(0, 300),
      counterSeconds: null,
      receiptDelivery: 'printed',
      documents: [],
      residence: null,
    },
    payment,
    feeCents,
    tillSessionId,
  };
  await runMutation(
    ctx,
    'shops.file',
    args,
    { entity: 'shop', entityId: shop.id, reason: subject.slice(0, 200) },
    async (trx) => {
      if (tillSessionId === null) return;
      await trx
        .insertInto('shop_fees')
        .values({
          filing_id: ids.filingId,
          shop_id: shop.id,
          session_id: tillSessionId,
          amount_cents: feeCents,
          paid_at: ctx.now().toISOString(),
          label: `${eventLabel(f.event, 'it')} – ${shop.signName}`.slice(0, 200),
        })
        .execute();
    },
  );
  const stored = (await findShop(ctx.db, shop.id)) ?? shop;
  const protocol = await protocolOf(ctx.db, ids.caseId);
  return {
    shop: shopView(stored, true),
    kind,
    kindLabel: kindLabel(kind, locale),
    caseId: ids.caseId,
    protocolNumber: protocol?.protocol ?? null,
    checkDueDate: kind === 'comunicazione' ? null : sciaDueDate(today, comune),
    feeCents,
  };
}

export async function caseProtocol(
  ctx: DeskContext,
  input: CallInput<'shops:caseProtocol'>,
): Promise<CallOutput<'shops:caseProtocol'>> {
  requireSession(ctx);
  const found = await protocolOf(ctx.db, input.caseId);
  return {
    caseId: input.caseId,
    protocolNumber: found?.protocol ?? null,
    status: found?.status ?? 'unknown',
  };
}

export async function checksDue(ctx: DeskContext): Promise<CallOutput<'shops:checksDue'>> {
  const session = requireSession(ctx);
  requireAllowed(session.info.clerk.role, 'shops.sciaOutcome');
  const today = todayOf(ctx);
  const pending = await pendingShops(ctx.db);
  const out = [];
  for (const shop of await shopsUnderCheck(ctx.db)) {
    const scia = shop.scia;
    if (!scia) continue;
    const found = await protocolOf(ctx.db, scia.caseId);
    out.push({
      shop: shopView(shop, pending.has(shop.id)),
      scia,
      daysLeft: daysBetween(today, scia.dueDate),
      protocolNumber: found?.protocol ?? null,
    });
  }
  return out.sort(
    (a, b) => a.scia.dueDate.localeCompare(b.scia.dueDate) || a.shop.signName.localeCompare(b.shop.signName),
  );
}

/** A supervisor's outcome of a SCIA check: queued for the hub, and its letter drawn here. */
export async function sciaOutcome(
  ctx: DeskContext,
  input: CallInput<'shops:outcome'>,
): Promise<CallOutput<'shops:outcome'>> {
  const session = requireSession(ctx);
  requireAllowed(session.info.clerk.role, 'shops.sciaOutcome');
  const shop = await findShop(ctx.db, input.shopId);
  if (!shop) throw new AppError('shop_not_found');
  const caseId = shop.scia?.caseId ?? '';
  const eventId = uuidv7();
  const now = ctx.now();
  const at = romeDateTimeOf(now);
  const conformDays = input.conformDays ?? null;
  const checked = applyOutcome(shop, caseId, input.outcome, conformDays, {
    today: localDateOf(at),
    comune: session.info.comune.belfiore,
    eventId,
  });
  if (!checked.ok) throw refusalError(checked.refusal);
  await runMutation(
    ctx,
    'shops.sciaOutcome',
    { shopId: shop.id, caseId, eventId, at, outcome: input.outcome, conformDays, reason: input.reason },
    {
      entity: 'shop',
      entityId: shop.id,
      reason: `esito SCIA (${input.outcome}): ${input.reason}`.slice(0, 200),
    },
  );
  const protocol = await protocolOf(ctx.db, caseId);
  const pdf = await renderSciaLetter(input.outcome, checked.value, {
    comuneName: session.info.comune.name,
    sciaProtocol: protocol?.protocol ?? null,
    reason: input.reason,
    conformBy: checked.value.scia?.conformBy ?? null,
    issuedAt: now,
    issuedOn: localDateOf(at),
    signedBy: session.info.clerk.username,
  });
  const stored = (await findShop(ctx.db, shop.id)) ?? checked.value;
  return {
    shop: shopView(stored, true),
    fileName: `scia-${input.outcome}-${shop.id}.pdf`,
    pdfBase64: toBase64(pdf),
  };
}
