import { requireOpenTillSession } from '../cashdesk/payment-check';
import { permitPaymentOf } from '../../shared/permits/payment';
import type { Transaction } from 'kysely';
import { compareIsoDates } from '../../shared/calendar/iso-date';
import { romeDateTimeOf } from '../../shared/calendar/rome-date';
import { AppError } from '../../shared/errors/app-error';
import { checkEligibility, type HolderFacts, type PermitRequest } from '../../shared/permits/eligibility';
import { DUPLICATE_FEE_CENTS, permitFee } from '../../shared/permits/fees';
import { familyOf, isTemporaryKind, kindRowOn, type PermitKind } from '../../shared/permits/permit-kinds';
import { PERMIT_NUMBERS, type PermitRecord } from '../../shared/permits/permit-wire';
import { parsePlate, samePlate, type PlateValue } from '../../shared/permits/plate';
import { addMinutesLocal } from '../../shared/permits/validity';
import { zoneOf } from '../../shared/permits/ztl-zones';
import {
  compareLocalDateTimes,
  localDateOf,
  type LocalDateTime,
} from '../../shared/protocol/local-date-time';
import type { MutationArgs } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import type { ApplyContext, Applier } from '../sync/apply-context';
import { findPermit, insertPermit, permitsConcerning, savePermit } from './permit-repository';
import {
  feeMismatch,
  permitNotActive,
  permitNotFound,
  refundFor,
  refusalError,
  PermitRefusalError,
  validityMismatch,
  withRefund,
} from './permit-refusals';

type Trx = Transaction<HubDatabase>;

/** A counter's clock may run a little ahead of the hub's; more is an act from the future. */
const CLOCK_SKEW_MINUTES = 5;

/** The hub's wall clock in Italy. */
const hubNow = (ctx: ApplyContext): LocalDateTime => romeDateTimeOf(new Date(ctx.at));

/** Permits that still stand: in force or only proposed for revocation. */
const standing = (p: PermitRecord): boolean => p.status === 'active' || p.status === 'revocation_proposed';

/** The number is of this workstation's own series and comune (offline numbering, no collisions). */
function requireOwnSeries(ws: WorkstationRow, number: string): void {
  const parts = PERMIT_NUMBERS.parse(number);
  if (!parts.ok || parts.value.comune !== ws.comune || parts.value.series !== ws.series) {
    throw new AppError('permit_series_mismatch', { number, series: ws.series ?? '—' });
  }
}

/** The counter's moment of the act, refused when it is ahead of the hub's clock. */
function requireNotFuture(ctx: ApplyContext, at: LocalDateTime): void {
  if (compareLocalDateTimes(at, addMinutesLocal(hubNow(ctx).slice(0, 16), CLOCK_SKEW_MINUTES)) > 0) {
    throw new AppError('invalid_input', { detail: `at: ${at} è nel futuro`, field: 'at' });
  }
}

interface Holder {
  facts: HolderFacts;
  name: string | null;
}

/** The holder as the hub's registry has them (never as the counter describes them). */
async function holderOf(trx: Trx, comune: string, holderId: string | null, day: string): Promise<Holder> {
  if (holderId === null) {
    return {
      name: null,
      facts: {
        id: null,
        status: 'not_in_registry',
        isHeadOfHousehold: false,
        householdId: null,
        street: null,
        residenceZone: { ztl: null, sosta: null },
      },
    };
  }
  const row = await trx
    .selectFrom('residents')
    .innerJoin('families', (j) =>
      j.onRef('families.id', '=', 'residents.family_id').onRef('families.comune', '=', 'residents.comune'),
    )
    .select([
      'residents.id',
      'residents.surname',
      'residents.given_names',
      'residents.status',
      'residents.family_id',
      'residents.relationship',
      'families.street_type',
      'families.street_name',
    ])
    .where('residents.comune', '=', comune)
    .where('residents.id', '=', holderId)
    .executeTakeFirst();
  if (!row) throw new AppError('resident_not_found');
  const street = { streetType: row.street_type, streetName: row.street_name };
  return {
    name: `${row.surname} ${row.given_names}`.trim(),
    facts: {
      id: row.id,
      status: row.status,
      isHeadOfHousehold: row.relationship === 'intestatario',
      householdId: row.family_id,
      street,
      residenceZone: zoneOf(comune, street, day),
    },
  };
}

/**
 * Two counters may issue to one household while offline: whichever reaches the hub first is
 * kept. The household's row is touched first so that, on PostgreSQL, a concurrent issue for the
 * same household waits for this one and then sees its permit.
 */
async function lockHousehold(trx: Trx, comune: string, householdId: string | null): Promise<void> {
  if (householdId === null) return;
  await trx
    .updateTable('families')
    .set((eb) => ({ since: eb.ref('since') }))
    .where('comune', '=', comune)
    .where('id', '=', householdId)
    .execute();
}

const normalPlates = (plates: readonly PlateValue[]): PlateValue[] =>
  plates.flatMap((p) => {
    const parsed = parsePlate(p.plate, p.country);
    return parsed.ok ? [{ plate: parsed.plate, country: parsed.country }] : [];
  });

/**
 * `permits.issue`: recomputed from the hub's own data with the shared rules — holder, household
 * and zone from the registry, the household's permits as the hub holds them (perhaps one issued
 * at another counter meanwhile), eligibility, validity and fee. Who issued is the session's clerk.
 * A paid permit that is refused carries a refund proposal into the supervisors' queue.
 */
export const issuePermit: Applier<'permits.issue'> = async (ctx, args) => {
  const { trx, ws } = ctx;
  const comune = ws.comune;
  const already = await findPermit(trx, comune, args.permitId);
  if (already) {
    // the same permit sent again under another mutation id: nothing more to do
    if (already.number === args.number) return;
    throw new AppError('invalid_input', {
      detail: `permitId: ${args.permitId} già usato`,
      field: 'permitId',
    });
  }
  requireOwnSeries(ws, args.number);
  requireNotFuture(ctx, args.at);
  try {
    await issueChecked(ctx, args);
  } catch (err) {
    if (err instanceof AppError) throw withRefund(err, await refundFor(trx, comune, args, ctx.at));
    throw err;
  }
};

async function issueChecked(ctx: ApplyContext, args: MutationArgs<'permits.issue'>): Promise<void> {
  const { trx, ws } = ctx;
  const comune = ws.comune;
  const day = localDateOf(args.at);
  const kind: PermitKind = args.kind;
  const row = kindRowOn(kind, comune, day);
  if (row === null) throw new PermitRefusalError('permit_kind_unknown', { kind });

  const holder = await holderOf(trx, comune, args.holderId, day);
  const householdId = holder.facts.householdId;
  await lockHousehold(trx, comune, householdId);
  const plates = normalPlates(args.plates);
  const existing = await permitsConcerning(
    trx,
    comune,
    { holderId: args.holderId, householdId, renewsId: args.renewsId ?? null },
    plates,
  );

  const temporary = isTemporaryKind(kind);
  const endGiven =
    row.validity.unit === 'until_date' || (row.validity.unit === 'months' && row.validity.upTo);
  const request: PermitRequest = {
    comune,
    kind,
    plates: args.plates,
    zone: args.zone,
    start: temporary ? (args.validFromAt ?? args.validFrom) : args.validFrom,
    end: endGiven ? args.validTo : null,
    renewsId: args.renewsId ?? null,
    aslRef: args.aslRef,
  };
  const domiciled = row.requires.domicileInZone;
  const result = checkEligibility(
    request,
    {
      holder: {
        ...holder.facts,
        // the domicile is the counter's record (the mutation carries its zone, not its street)
        ...(domiciled ? { domicileZone: { ztl: args.zone, sosta: null }, domicileStreet: null } : {}),
      },
      existingPermits: existing,
      // the counter checked the applicant's documents and declarations (see gaps in the report)
      privateParking: false,
      garageWithPassoCarraio: true,
      chamberOfCommerce: true,
      albo: true,
    },
    args.at,
  );
  if (!result.ok) {
    const first = result.refusals.find((r) => r.code === 'permit_household_exists') ?? result.refusals[0];
    if (first) throw refusalError(first);
    throw new PermitRefusalError('permit_kind_unknown', { kind });
  }

  const v = result.validity;
  const minute = (t: string | null) => (t === null ? null : t.slice(0, 16));
  if (args.validFrom !== v.validFrom) throw validityMismatch('validFrom', args.validFrom, v.validFrom);
  if (args.validTo !== v.validTo) throw validityMismatch('validTo', args.validTo, v.validTo);
  if (minute(args.validFromAt) !== minute(v.validFromAt))
    throw validityMismatch('validFromAt', args.validFromAt, v.validFromAt);
  if (minute(args.validToAt) !== minute(v.validToAt))
    throw validityMismatch('validToAt', args.validToAt, v.validToAt);

  const fee = permitFee(kind, { comune, startAt: v.validFromAt }, args.at);
  if (!fee.ok) throw new AppError('invalid_input', { detail: `${fee.code}`, field: 'kind' });
  if (fee.feeCents !== args.feeCents) throw feeMismatch(args.number, args.feeCents, fee.feeCents, day);
  const payment = permitPaymentOf({
    feeCents: fee.feeCents,
    paymentRef: args.paymentRef,
    tillSessionId: args.tillSessionId ?? null,
    number: args.number,
  });
  if (payment === null) throw new AppError('permit_payment_unseen', { number: args.number });

  const ownZone = row.family === 'sosta' ? holder.facts.residenceZone.sosta : holder.facts.residenceZone.ztl;
  const zone = args.zone ?? (row.requires.residenceInZone ? ownZone : null);
  const permit: PermitRecord = {
    id: args.permitId,
    number: args.number,
    comune,
    kind,
    holderId: args.holderId,
    holderName: holder.name ?? args.holderName,
    householdId,
    plates,
    zone,
    validFrom: v.validFrom,
    validTo: v.validTo,
    validFromAt: v.validFromAt,
    validToAt: v.validToAt,
    feeCents: fee.feeCents,
    paymentRef: args.paymentRef,
    status: 'active',
    revokedReason: null,
    revokedAt: null,
    renewsId: args.renewsId ?? null,
    verificationKey: args.verificationKey,
    issuedAt: args.at,
    issuedBy: ctx.clerk.username,
    aslRef: familyOf(kind) === 'cude' ? args.aslRef : null,
  };
  await insertPermit(trx, permit, ws.id, ctx.at, ctx.mutationId);
  // Cash taken at the counter joins that clerk's open till at this workstation, so the hub's own
  // closing check counts it (a desk cannot name an invented or another counter's till).
  if (payment.way === 'cash') {
    await requireOpenTillSession(trx, ws, payment.tillSessionId);
    await trx
      .insertInto('permit_fees')
      .values({
        permit_id: args.permitId,
        comune,
        workstation_id: ws.id,
        session_id: payment.tillSessionId,
        amount_cents: fee.feeCents,
        paid_at: ctx.at,
        clerk: ctx.clerk.username,
      })
      .execute();
  }
}

async function requirePermit(ctx: ApplyContext, id: string): Promise<PermitRecord> {
  const permit = await findPermit(ctx.trx, ctx.ws.comune, id);
  if (!permit) throw permitNotFound(id);
  return permit;
}

/** `permits.revoke` (supervisors, shared/permits/service.ts): from `at` on, with its reason. */
export const revokePermit: Applier<'permits.revoke'> = async (ctx, args) => {
  const permit = await requirePermit(ctx, args.permitId);
  if (!standing(permit)) throw permitNotActive(permit.number, permit.status);
  requireNotFuture(ctx, args.at);
  await savePermit(
    ctx.trx,
    { ...permit, status: 'revoked', revokedReason: args.reason, revokedAt: args.at },
    ctx.at,
    ctx.mutationId,
  );
};

/**
 * `permits.changePlate`: the new plates are read and checked as at issue — normal form, at most
 * the kind's number (CUDE 2), none already on another standing permit of the kind for the same days.
 */
export const changePermitPlate: Applier<'permits.changePlate'> = async (ctx, args) => {
  const permit = await requirePermit(ctx, args.permitId);
  if (!standing(permit)) throw permitNotActive(permit.number, permit.status);
  const row = kindRowOn(permit.kind, permit.comune, localDateOf(permit.issuedAt));
  if (row === null) throw new PermitRefusalError('permit_kind_unknown', { kind: permit.kind });
  const plates: PlateValue[] = [];
  for (const p of args.plates) {
    const parsed = parsePlate(p.plate, p.country);
    if (!parsed.ok) throw new PermitRefusalError('plate_invalid', parsed.params);
    plates.push({ plate: parsed.plate, country: parsed.country });
  }
  if (plates.length > row.maxPlates) {
    throw new PermitRefusalError(
      row.family === 'cude' ? 'permit_cude_too_many_plates' : 'permit_too_many_plates',
      { max: row.maxPlates, count: plates.length },
    );
  }
  if (row.requiresPlate && plates.length === 0) {
    throw new PermitRefusalError('permit_requirement_missing', { requirement: 'plate' });
  }
  const others = await permitsConcerning(
    ctx.trx,
    permit.comune,
    { holderId: null, householdId: null, renewsId: null },
    plates,
  );
  for (const other of others) {
    if (other.id === permit.id || other.kind !== permit.kind || !standing(other)) continue;
    const meets =
      compareIsoDates(other.validFrom, permit.validTo) <= 0 &&
      compareIsoDates(permit.validFrom, other.validTo) <= 0;
    const shared = other.plates.find((q) => plates.some((r) => samePlate(q, r)));
    if (meets && shared) {
      throw new PermitRefusalError('permit_overlap', {
        plate: shared.plate,
        number: other.number,
        from: other.validFromAt ?? other.validFrom,
        until: other.validToAt ?? other.validTo,
      });
    }
  }
  await savePermit(ctx.trx, { ...permit, plates }, ctx.at, ctx.mutationId);
};

/**
 * `permits.duplicate` after loss, theft or damage: a new permit (own number and key) with the
 * same kind, holder, plates and dates; the original becomes `superseded`, so the lost card no
 * longer verifies.
 */
export const duplicatePermit: Applier<'permits.duplicate'> = async (ctx, args) => {
  const { trx, ws } = ctx;
  const done = await findPermit(trx, ws.comune, args.newPermitId);
  if (done) {
    if (done.number === args.number) return;
    throw new AppError('invalid_input', {
      detail: `newPermitId: ${args.newPermitId} già usato`,
      field: 'newPermitId',
    });
  }
  const original = await requirePermit(ctx, args.permitId);
  if (!standing(original)) throw permitNotActive(original.number, original.status);
  requireOwnSeries(ws, args.number);
  requireNotFuture(ctx, args.at);
  if (args.feeCents !== DUPLICATE_FEE_CENTS) {
    throw feeMismatch(args.number, args.feeCents, DUPLICATE_FEE_CENTS, localDateOf(args.at));
  }
  await savePermit(trx, { ...original, status: 'superseded' }, ctx.at, ctx.mutationId);
  await insertPermit(
    trx,
    {
      ...original,
      id: args.newPermitId,
      number: args.number,
      verificationKey: args.verificationKey,
      feeCents: DUPLICATE_FEE_CENTS,
      paymentRef: null,
      renewsId: original.id,
      issuedAt: args.at,
      issuedBy: ctx.clerk.username,
    },
    ws.id,
    ctx.at,
    ctx.mutationId,
  );
};

export const PERMIT_APPLIERS = {
  'permits.issue': issuePermit,
  'permits.revoke': revokePermit,
  'permits.changePlate': changePermitPlate,
  'permits.duplicate': duplicatePermit,
} satisfies { [N in keyof MutationArgsMap]: Applier<N> };

type MutationArgsMap = {
  'permits.issue': MutationArgs<'permits.issue'>;
  'permits.revoke': MutationArgs<'permits.revoke'>;
  'permits.changePlate': MutationArgs<'permits.changePlate'>;
  'permits.duplicate': MutationArgs<'permits.duplicate'>;
};
