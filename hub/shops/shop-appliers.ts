import { addDays, type IsoDate } from '../../shared/calendar/iso-date';
import { romeDateTimeOf } from '../../shared/calendar/rome-date';
import type { CaseEventInput } from '../../shared/cases/case-mutations';
import type { CaseRecord } from '../../shared/cases/case-record';
import { AppError } from '../../shared/errors/app-error';
import { cents } from '../../shared/money/cents';
import { formatEuro } from '../../shared/money/euro-format';
import { addMinutesLocal } from '../../shared/permits/validity';
import {
  compareLocalDateTimes,
  localDateOf,
  type LocalDateTime,
} from '../../shared/protocol/local-date-time';
import { procedureOfKind, SCIA_PROCEDURE } from '../../shared/shops/shop-events';
import type { ShopRefusal } from '../../shared/shops/shop-errors';
import { shopFeeCents } from '../../shared/shops/shop-fees';
import { healthAuthorityOf } from '../../shared/shops/shop-data';
import { formatProtocolNumber } from '../../shared/protocol/protocol-number';
import { clampAt } from '../../shared/cases/case-engine';
import { registerProtocol } from '../protocol/protocol-repository';
import { applyFiling, applyOutcome } from '../../shared/shops/shop-register';
import type { ShopRecord } from '../../shared/shops/shop-wire';
import type { MutationArgs } from '../../shared/sync/mutations';
import { CASE_APPLIERS, openCaseFiledBy } from '../cases/case-appliers';
import { loadCase } from '../cases/case-repository';
import { hubStreetList } from '../cases/residence-registry';
import { requireOpenTillSession } from '../cashdesk/payment-check';
import { allocateNotices } from '../cashdesk/import-service';
import type { ApplyContext, Applier } from '../sync/apply-context';
import { findShop, findShopBySciaCase, saveShop } from './shop-repository';

/** A counter's clock may run a little ahead of the hub's; more is an act from the future. */
const CLOCK_SKEW_MINUTES = 5;
/** Days a citizen has to pay a filing's pagoPA notice [U: the comune's choice]. */
export const NOTICE_DUE_DAYS = 30;

const refusal = (r: ShopRefusal): AppError => new AppError(r.code, r.params);

function requireNotFuture(ctx: ApplyContext, at: LocalDateTime): void {
  const limit = addMinutesLocal(romeDateTimeOf(new Date(ctx.at)).slice(0, 16), CLOCK_SKEW_MINUTES);
  if (compareLocalDateTimes(at, limit) > 0) {
    throw new AppError('invalid_input', { detail: `at: ${at} è nel futuro`, field: 'at' });
  }
}

/** One step of the case engine, by its own applier, with an id derived from the filing's. */
async function caseStep(
  ctx: ApplyContext,
  caseId: string,
  eventId: string,
  at: LocalDateTime,
  event: CaseEventInput,
) {
  await CASE_APPLIERS['cases.transition'](ctx, { caseId, eventId, at, event });
}

/**
 * A comunicazione takes effect on filing (D.Lgs. 114/1998 art. 7; DOMAIN.md §11.2): the case is
 * registered (protocol), acknowledged (presa d'atto: the outgoing act) and closed at once.
 */
async function acknowledge(ctx: ApplyContext, caseId: string, eventId: string, at: LocalDateTime) {
  await caseStep(ctx, caseId, `${eventId}:take`, at, { type: 'take_in_charge' });
  await caseStep(ctx, caseId, `${eventId}:propose`, at, {
    type: 'propose',
    outcome: 'approve',
    reason: 'Presa d’atto della comunicazione, efficace dal deposito',
  });
  await caseStep(ctx, caseId, `${eventId}:approve`, at, { type: 'approve' });
  await caseStep(ctx, caseId, `${eventId}:close`, at, { type: 'close' });
}

/** The fee as the shared rule has it, paid into the clerk's own open till or by a hub-issued notice. */
async function takeFee(
  ctx: ApplyContext,
  args: MutationArgs<'shops.file'>,
  shop: ShopRecord,
  due: number,
): Promise<ShopRecord> {
  if (args.feeCents !== due) {
    throw new AppError('shop_fee_mismatch', {
      claimed: formatEuro(cents(args.feeCents), 'it'),
      due: formatEuro(cents(due), 'it'),
    });
  }
  if (due === 0) return shop;
  if (args.payment === 'cash') {
    if (!args.tillSessionId)
      throw new AppError('shop_field_missing', {
        field_it: 'cassa aperta dell’operatore',
        field_en: 'the clerk’s open till',
      });
    await requireOpenTillSession(ctx.trx, ctx.ws, args.tillSessionId);
    await ctx.trx
      .insertInto('shop_fees')
      .values({
        filing_id: args.filingId,
        comune: ctx.ws.comune,
        shop_id: shop.id,
        session_id: args.tillSessionId,
        amount_cents: due,
        paid_at: ctx.at,
      })
      .execute();
    return shop;
  }
  if (args.payment !== 'pagopa')
    throw new AppError('shop_field_missing', {
      field_it: 'pagamento dei diritti',
      field_en: 'payment of the fees',
    });
  const today = localDateOf(args.at);
  const [notice] = await allocateNotices(ctx.trx, ctx.ws.comune, 1, today);
  if (!notice)
    throw new AppError('shop_field_missing', { field_it: 'avviso pagoPA', field_en: 'pagoPA notice' });
  await ctx.trx
    .insertInto('debt_positions')
    .values({
      comune: ctx.ws.comune,
      notice_number: notice,
      debtor_cf: shop.company.partitaIva,
      description: `Diritti SUAP: ${shop.signName}`.slice(0, 200),
      kind: 'ALTRO',
      amount_cents: due,
      due_date: addDays(today, NOTICE_DUE_DAYS),
      instalment: null,
      status: 'open',
      paid_receipt: null,
      imported_at: ctx.at,
    })
    .execute();
  return {
    ...shop,
    notices: [...shop.notices, { filingId: args.filingId, noticeNumber: notice, amountCents: due }],
  };
}

/**
 * A SCIA unica carries the notifica sanitaria (Reg. CE 852/2004), which the SUAP forwards to the
 * ASL (DOMAIN.md §11.2): an outgoing registration in the protocol, noted on the case.
 */
async function forwardHealthNotification(
  ctx: ApplyContext,
  args: MutationArgs<'shops.file'>,
  shop: ShopRecord,
) {
  const asl = healthAuthorityOf(ctx.ws.comune);
  const number = await registerProtocol(ctx.trx, {
    comune: ctx.ws.comune,
    registeredAt: clampAt(romeDateTimeOf(new Date(ctx.at)), args.at),
    direction: 'outgoing',
    correspondents: [asl],
    subject:
      `Trasmissione notifica sanitaria (Reg. CE 852/2004): ${shop.signName}, ${shop.streetType} ${shop.streetName} ${shop.houseNumber}`.slice(
        0,
        300,
      ),
    caseId: args.case.caseId,
    registeredBy: ctx.clerk.username,
  });
  await CASE_APPLIERS['cases.note'](ctx, {
    caseId: args.case.caseId,
    noteId: `${args.filingId}:asl`,
    at: args.at,
    kind: 'internal',
    text: `Notifica sanitaria trasmessa a ${asl} con prot. n. ${formatProtocolNumber(number)}.`,
  });
}

/**
 * A filing at the hub: the event is applied again to the hub's own register with the shared
 * rules (street list, size class on the comune's population, state of the shop, requirements,
 * fee), then the case opens through the case engine's own applier in the same transaction and
 * gets its protocol number; a comunicazione is acknowledged and closed at once.
 */
const fileShop: Applier<'shops.file'> = async (ctx, args) => {
  const comune = ctx.ws.comune;
  requireNotFuture(ctx, args.at);
  const current = await findShop(ctx.trx, comune, args.shopId);
  if (current?.history.some((h) => h.filingId === args.filingId)) return;
  const today: IsoDate = localDateOf(args.at);
  const applied = applyFiling(current, args.filing, {
    comune,
    today,
    streets: await hubStreetList(ctx.trx, comune),
    filingId: args.filingId,
    caseId: args.case.caseId,
    shopId: args.shopId,
  });
  if (!applied.ok) throw refusal(applied.refusal);
  const { kind } = applied.value;
  const procedure = procedureOfKind(kind);
  if (args.case.procedureCode !== procedure) {
    throw new AppError('shop_case_mismatch', { detail: `${args.case.procedureCode} ≠ ${procedure}` });
  }
  // the case is received when the filing is: a counter cannot date the receipt (term start) apart
  if (args.case.at !== args.at) throw new AppError('shop_case_mismatch', { detail: 'at' });
  const shop = await takeFee(ctx, args, applied.value.shop, shopFeeCents(kind, comune, today));
  // a business files: the company as the register now holds it is the applicant
  await openCaseFiledBy(ctx, args.case, { id: null, name: shop.company.name });
  if (kind === 'scia_unica') await forwardHealthNotification(ctx, args, shop);
  if (kind === 'comunicazione') await acknowledge(ctx, args.case.caseId, args.case.eventId, args.case.at);
  await saveShop(ctx.trx, shop, ctx.at, ctx.mutationId);
};

/**
 * The SUAP's outcome of a SCIA check, by a supervisor. "Conforme" and "divieto" are the case's
 * decision (approve / reject through the case engine's applier: the outgoing act is numbered
 * there) and reach the register through `sciaDecided` below; an "invito a conformare" is not a
 * decision: the case gets a note and stays open, the register records the date to conform by.
 * Our own mutation, not a bare `cases.transition`, because the invito carries its days.
 */
const sciaOutcome: Applier<'shops.sciaOutcome'> = async (ctx, args) => {
  const comune = ctx.ws.comune;
  requireNotFuture(ctx, args.at);
  const shop = await findShop(ctx.trx, comune, args.shopId);
  if (!shop) throw new AppError('shop_not_found');
  if (shop.history.some((h) => h.filingId === args.eventId)) return;
  const today = localDateOf(args.at);
  const checked = applyOutcome(shop, args.caseId, args.outcome, args.conformDays, {
    today,
    comune,
    eventId: args.eventId,
  });
  if (!checked.ok) throw refusal(checked.refusal);
  const record = await loadCase(ctx.trx, comune, args.caseId);
  if (!record) throw new AppError('case_not_found', { id: args.caseId });
  if (record.state.status === 'registered') {
    await caseStep(ctx, args.caseId, `${args.eventId}:take`, args.at, { type: 'take_in_charge' });
  }
  if (args.outcome === 'invito') {
    await CASE_APPLIERS['cases.note'](ctx, {
      caseId: args.caseId,
      noteId: `${args.eventId}:note`,
      at: args.at,
      kind: 'internal',
      text: `Invito a conformare entro il ${checked.value.scia?.conformBy ?? ''}: ${args.reason}`,
    });
    await saveShop(ctx.trx, checked.value, ctx.at, ctx.mutationId);
    return;
  }
  const approve = args.outcome === 'conforme';
  await caseStep(ctx, args.caseId, `${args.eventId}:propose`, args.at, {
    type: 'propose',
    outcome: approve ? 'approve' : 'reject',
    reason: args.reason,
  });
  // the decision's timeline entry carries our event id: the register's history entry takes it
  await caseStep(ctx, args.caseId, args.eventId, args.at, { type: approve ? 'approve' : 'reject' });
  await caseStep(ctx, args.caseId, `${args.eventId}:close`, args.at, { type: 'close' });
};

/**
 * A SCIA case decided through the case engine (our outcome mutation, or a supervisor's
 * `cases.transition` from the cases screen): approval is "conforme", rejection is "divieto di
 * prosecuzione", applied to the register in the deciding transaction.
 */
export async function sciaDecided(ctx: ApplyContext, record: CaseRecord): Promise<void> {
  const caseId = record.state.id;
  const shop = await findShopBySciaCase(ctx.trx, ctx.ws.comune, caseId);
  if (!shop) return;
  const outcome = record.state.status === 'approved' ? 'conforme' : 'divieto';
  const eventId = record.timeline.at(-1)?.id ?? caseId;
  const today = localDateOf(record.state.lastEventAt);
  const next = applyOutcome(shop, caseId, outcome, null, { today, comune: ctx.ws.comune, eventId });
  if (!next.ok) throw refusal(next.refusal);
  await saveShop(ctx.trx, next.value, ctx.at, ctx.mutationId);
}

export const SHOP_APPLIERS: { [N in 'shops.file' | 'shops.sciaOutcome']: Applier<N> } = {
  'shops.file': fileShop,
  'shops.sciaOutcome': sciaOutcome,
};

export const SHOP_DECIDED_PROCEDURES = [SCIA_PROCEDURE] as const;
