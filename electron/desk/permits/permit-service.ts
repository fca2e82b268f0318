import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { daysBetween, isIsoDate, type IsoDate } from '../../../shared/calendar/iso-date';
import { romeDateOf, romeDateTimeOf } from '../../../shared/calendar/rome-date';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { requireAllowed } from '../../../shared/auth/policy';
import { AppError, type ErrorParams } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/error-messages';
import type { Locale } from '../../../shared/i18n/locale';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { generateNoticeNumber, parseNoticeNumber } from '../../../shared/pagopa/notice-number';
import {
  checkEligibility,
  RENEWAL_WINDOW_DAYS,
  type PermitRefusal,
} from '../../../shared/permits/eligibility';
import { permitFee, DUPLICATE_FEE_CENTS } from '../../../shared/permits/fees';
import { permitStatusAt } from '../../../shared/permits/in-force';
import type { PermitRequestInput } from '../../../shared/permits/permit-calls';
import { permitRefusalMessage } from '../../../shared/permits/permit-errors';
import { PERMIT_UI } from '../../../shared/permits/permit-ui';
import {
  familyOf,
  isPermitKind,
  isTemporaryKind,
  kindRowOn,
  kindsFor,
  PERMIT_KIND_LABELS,
  type PermitKind,
  type PermitKindRow,
} from '../../../shared/permits/permit-kinds';
import type {
  IssuedPermitView,
  PermitDraftView,
  PermitKindOption,
  PermitRefusalView,
  PermitView,
} from '../../../shared/permits/permit-views';
import {
  PERMIT_NUMBERS,
  permitKeyFrom,
  type PermitIssue,
  type PermitRecord,
  type PlateWire,
} from '../../../shared/permits/permit-wire';
import { parsePlate, type PlateValue } from '../../../shared/permits/plate';
import { addMinutesLocal, permitValidity, renewalStart } from '../../../shared/permits/validity';
import { zonesOf } from '../../../shared/permits/ztl-zones';
import { isLocalDateTime, localDateOf, type LocalDateTime } from '../../../shared/protocol/local-date-time';
import { sha256Hex, toBase64 } from '../bytes';
import { tillForFees } from '../cashdesk/cashdesk-service';
import { requireSession, type DeskContext } from '../context';
import { getMeta } from '../db/meta-repository';
import { reserveNext } from '../db/series-counter';
import { SERIES_KEY } from '../setup/setup-service';
import { runMutation } from '../sync/run-mutation';
import { addressOf, headOf, holderFacts, loadApplicant, nameOf, type Applicant } from './permit-facts';
import { renderPermitA4, renderPermitCard } from './permit-pdf';
import { findPermit, pendingIds, permitsOf, permitsWithPlate, renewedIds } from './permit-repository';

/** The last permit number this workstation issued: the next follows it (per-workstation series). */
const LAST_NUMBER_KEY = 'permits.last_number';
/** The meta key of the comune's pagoPA segregation code, when the kind's row has none. */
const SEGREGATION_KEY = 'pagopa.segregation_code';
/** Demo segregation code [U]: PagoPA assigns each comune its own (DOMAIN.md §6.1). */
const DEMO_SEGREGATION = '01';

interface Clock {
  today: IsoDate;
  /** now, wall clock in Italy with seconds */
  at: LocalDateTime;
}

const clockOf = (ctx: DeskContext): Clock => {
  const now = ctx.now();
  return { today: romeDateOf(now), at: romeDateTimeOf(now) };
};

/** The next whole minute: a ticket starting "now" is never before now. */
const nextMinute = (at: LocalDateTime): LocalDateTime => addMinutesLocal(at.slice(0, 16), 1);

export function hubBaseOf(ctx: DeskContext): string | null {
  const url = ctx.credentials.read()?.hubUrl ?? null;
  return url ? url.replace(/\/+$/, '') : null;
}

/** The address the QR code carries: the hub's public page for this permit and its key. */
export const verificationUrlOf = (base: string | null, number: string, key: string): string | null =>
  base === null ? null : `${base}/verify/permit/${encodeURIComponent(number)}?k=${key}`;

/** A param as the message shows it: dates dd/mm/yyyy, kinds in words (permit-errors.ts does the same for refusals). */
function shownParams(params: Record<string, string | number>, locale: Locale): ErrorParams {
  const out: ErrorParams = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'number') out[k] = v;
    else if (k === 'kind' && isPermitKind(v)) out[k] = PERMIT_KIND_LABELS[v][locale];
    else if (k === 'requirement')
      out[k] = (PERMIT_UI[locale] as Record<string, string>)[`permit.requirement.${v}`] ?? v;
    else {
      const text: string = v;
      if (isIsoDate(text)) out[k] = formatDate(text);
      else if (isLocalDateTime(v)) out[k] = `${formatDate(localDateOf(v))} ${v.slice(11, 16)}`;
      else out[k] = v;
    }
  }
  return out;
}

/** A refusal of the rules as the typed error the clerk reads (the first one; the form shows all). */
export const refusalError = (r: PermitRefusal, locale: Locale): AppError =>
  new AppError(r.code as ErrorCode, shownParams(r.params, locale));

const refusalViews = (refusals: readonly PermitRefusal[], locale: Locale): PermitRefusalView[] =>
  refusals.map((r) => ({ code: r.code, message: permitRefusalMessage(r, locale) }));

function kindOption(row: PermitKindRow, locale: Locale): PermitKindOption {
  const declarations: PermitKindOption['declarations'] = [];
  if (row.requires.garageWithPassoCarraio) declarations.push('garageWithPassoCarraio');
  if (row.requires.chamberOfCommerce) declarations.push('chamberOfCommerce');
  if (row.requires.albo) declarations.push('albo');
  return {
    kind: row.kind,
    label: row.label[locale],
    family: row.family,
    feeCents: row.timedTariff === null ? row.feeCents : null,
    maxPlates: row.maxPlates,
    requiresPlate: row.requiresPlate,
    startsAtTime: row.validity.unit === 'minutes',
    needsEnd: row.validity.unit === 'until_date',
    needsAslRef: row.requires.aslCertificate,
    declarations,
    noPrivateParking: row.requires.noPrivateParking,
    uncertain: row.uncertain,
  };
}

export async function listKinds(ctx: DeskContext): Promise<PermitKindOption[]> {
  const session = requireSession(ctx);
  const { today } = clockOf(ctx);
  return kindsFor(session.info.comune.belfiore, today).map((r) => kindOption(r, ctx.state.locale));
}

/** Whether the counter may renew `p` today: standing or just ended, not revoked, not renewed yet. */
function isRenewable(p: PermitRecord, renewed: ReadonlySet<string>, today: IsoDate): boolean {
  if (isTemporaryKind(p.kind) || renewed.has(p.id)) return false;
  if (p.status !== 'active' && p.status !== 'expired') return false;
  return daysBetween(today, p.validTo) <= RENEWAL_WINDOW_DAYS;
}

export function permitView(
  p: PermitRecord,
  ctx: DeskContext,
  extra: { renewed: ReadonlySet<string>; pending: ReadonlySet<string>; clock: Clock },
): PermitView {
  return {
    id: p.id,
    number: p.number,
    kind: p.kind,
    kindLabel: PERMIT_KIND_LABELS[p.kind][ctx.state.locale],
    holderId: p.holderId,
    holderName: p.holderName,
    householdId: p.householdId,
    plates: p.plates,
    zone: p.zone,
    validFrom: p.validFrom,
    validTo: p.validTo,
    validFromAt: p.validFromAt,
    validToAt: p.validToAt,
    feeCents: p.feeCents,
    paymentRef: p.paymentRef,
    status: p.status,
    now: permitStatusAt(p, extra.clock.at),
    revokedReason: p.revokedReason,
    revokedAt: p.revokedAt,
    renewsId: p.renewsId,
    issuedAt: p.issuedAt,
    issuedBy: p.issuedBy,
    renewable: isRenewable(p, extra.renewed, extra.clock.today),
    pending: extra.pending.has(p.id),
    verificationUrl: verificationUrlOf(hubBaseOf(ctx), p.number, p.verificationKey),
  };
}

export async function permitViews(ctx: DeskContext, permits: readonly PermitRecord[]): Promise<PermitView[]> {
  const clock = clockOf(ctx);
  const renewed = await renewedIds(
    ctx.db,
    permits.map((p) => p.id),
  );
  const pending = await pendingIds(ctx.db);
  return permits.map((p) => permitView(p, ctx, { renewed, pending, clock }));
}

/** Everything the form shows and the issue needs, from the mirror and the shared rules. */
interface Draft {
  view: PermitDraftView;
  row: PermitKindRow;
  holder: Applicant['person'];
  plates: PlateWire[];
  zone: string | null;
  refusals: PermitRefusal[];
  feeCents: number | null;
  validity: {
    validFrom: IsoDate;
    validTo: IsoDate;
    validFromAt: LocalDateTime | null;
    validToAt: LocalDateTime | null;
  } | null;
  renewed: PermitRecord | null;
  clock: Clock;
  comune: string;
}

const typedPlates = (input: PermitRequestInput) =>
  input.plates
    .map((p) => ({ plate: p.plate, country: p.country ?? 'I' }))
    .filter((p) => p.plate.trim() !== '');

const normalPlates = (plates: readonly { plate: string; country: string }[]): PlateValue[] =>
  plates.flatMap((p) => {
    const parsed = parsePlate(p.plate, p.country);
    return parsed.ok ? [{ plate: parsed.plate, country: parsed.country }] : [];
  });

async function buildDraft(ctx: DeskContext, input: PermitRequestInput): Promise<Draft> {
  const session = requireSession(ctx);
  const comune = session.info.comune.belfiore;
  const locale = ctx.state.locale;
  const clock = clockOf(ctx);
  const asking = await loadApplicant(ctx.db, input.residentId);

  const renewed = input.renewsId ? await findPermit(ctx.db, input.renewsId) : null;
  if (input.renewsId && renewed === null) throw new AppError('permit_not_found', { id: input.renewsId });
  const kind: PermitKind = renewed?.kind ?? input.kind;
  const row = kindRowOn(kind, comune, clock.today);
  if (row === null) throw new AppError('permit_kind_unknown', { kind: PERMIT_KIND_LABELS[kind][locale] });

  // ZTL residenti are issued in the head of household's name (DOMAIN.md §5.1); a renewal keeps its holder
  let holderApplicant = asking;
  if (renewed?.holderId && renewed.holderId !== asking.person.id) {
    holderApplicant = await loadApplicant(ctx.db, renewed.holderId).catch(() => asking);
  } else if (!renewed && row.requires.headOfHousehold) {
    const head = headOf(asking);
    if (head.id !== asking.person.id) holderApplicant = { ...asking, person: head };
  }
  const holder = holderApplicant.person;
  const family = holderApplicant.family;
  const facts = holderFacts(holder, family, comune, clock.today);

  const own = await permitsOf(ctx.db, { holderId: holder.id, householdId: holder.family_id });
  const typed = typedPlates(input);
  let plates: { plate: string; country: string }[] = typed;
  if (plates.length === 0 && renewed) plates = renewed.plates;
  if (plates.length === 0 && row.requiresPlate) {
    // the plate of the person's last permit, else of the holder's
    const mine = await permitsOf(ctx.db, { holderId: asking.person.id, householdId: null });
    const usable = (p: PermitRecord) =>
      p.plates.length > 0 &&
      familyOf(p.kind) !== 'cude' &&
      p.status !== 'revoked' &&
      p.status !== 'superseded';
    const last = mine.find(usable) ?? own.find(usable);
    if (last?.plates[0]) plates = [last.plates[0]];
  }
  const byPlate = (
    await Promise.all(normalPlates(plates).map((p) => permitsWithPlate(ctx.db, p.plate, p.country)))
  ).flat();
  const existing = [...new Map([...own, ...byPlate].map((p) => [p.id, p])).values()];

  const ownZone = row.family === 'sosta' ? facts.residenceZone.sosta : facts.residenceZone.ztl;
  const askedZone = input.zone ?? renewed?.zone ?? null;
  const zone = askedZone ?? (row.requires.residenceInZone ? ownZone : null);
  const temporary = isTemporaryKind(kind);
  const start =
    input.start ??
    (renewed ? renewalStart(renewed, clock.today) : temporary ? nextMinute(clock.at) : clock.today);
  const end = input.end ?? null;

  const result = checkEligibility(
    {
      comune,
      kind,
      plates,
      zone: askedZone,
      start,
      end,
      renewsId: renewed?.id ?? null,
      aslRef: input.aslRef ?? null,
    },
    {
      holder: facts,
      existingPermits: existing,
      privateParking: input.privateParking,
      ...(input.garageWithPassoCarraio !== undefined
        ? { garageWithPassoCarraio: input.garageWithPassoCarraio }
        : {}),
      ...(input.chamberOfCommerce !== undefined ? { chamberOfCommerce: input.chamberOfCommerce } : {}),
      ...(input.albo !== undefined ? { albo: input.albo } : {}),
    },
    clock.at,
  );
  const refusals = result.ok ? [] : result.refusals;
  const computed = result.ok
    ? result.validity
    : permitValidity(row, start, { domicileEnd: end, certifiedEnd: end });
  const validity = computed.ok
    ? {
        validFrom: computed.validFrom,
        validTo: computed.validTo,
        validFromAt: computed.validFromAt,
        validToAt: computed.validToAt,
      }
    : null;
  const fee = permitFee(
    kind,
    { comune, startAt: temporary && isLocalDateTime(start) ? start : null },
    clock.at,
  );
  const shownPlates = plates.map((p) => {
    const parsed = parsePlate(p.plate, p.country);
    return parsed.ok
      ? { plate: parsed.plate, country: parsed.country }
      : { plate: p.plate, country: p.country };
  });
  const view: PermitDraftView = {
    kind,
    kindLabel: row.label[locale],
    holder: { id: holder.id, name: nameOf(holder), isHead: holder.relationship === 'intestatario' },
    askedBy: holder.id === asking.person.id ? null : { id: asking.person.id, name: nameOf(asking.person) },
    household: family
      ? {
          id: family.id,
          members: holderApplicant.members.filter((m) => m.status === 'resident').map(nameOf),
        }
      : null,
    address: addressOf(family),
    zone,
    zones:
      row.family === 'cude' ? [] : zonesOf(comune, row.family === 'sosta' ? 'sosta' : 'ztl', clock.today),
    plates: shownPlates,
    renews: renewed ? { id: renewed.id, number: renewed.number, validTo: renewed.validTo } : null,
    validFrom: validity?.validFrom ?? null,
    validTo: validity?.validTo ?? null,
    validFromAt: validity?.validFromAt ?? null,
    validToAt: validity?.validToAt ?? null,
    feeCents: fee.ok ? fee.feeCents : null,
    feeBand: fee.ok ? fee.band : null,
    uncertain: row.uncertain,
    ok: result.ok,
    refusals: refusalViews(refusals, locale),
  };
  return {
    view,
    row,
    holder,
    plates: normalPlates(plates),
    zone,
    refusals,
    feeCents: fee.ok ? fee.feeCents : null,
    validity,
    renewed,
    clock,
    comune,
  };
}

export async function preparePermit(
  ctx: DeskContext,
  input: CallInput<'permits:prepare'>,
): Promise<CallOutput<'permits:prepare'>> {
  return (await buildDraft(ctx, input)).view;
}

/** The next number of this workstation's permit series (its own short transaction). */
async function nextPermitNumber(ctx: DeskContext, comune: string, today: IsoDate): Promise<string> {
  const series = await getMeta(ctx.db, SERIES_KEY);
  if (!series) throw new AppError('series_missing');
  return reserveNext(ctx.db, LAST_NUMBER_KEY, (last) => {
    const previous = last ? PERMIT_NUMBERS.parse(last) : null;
    const next = PERMIT_NUMBERS.next(previous?.ok ? previous.value : null, { comune, series, date: today });
    if (!next.ok) throw new AppError('series_missing');
    return next.value.text;
  });
}

/**
 * A pagoPA notice for the fee, generated offline: aux digit 3, the comune's segregation code, and
 * a 13-digit base unique per workstation series: 7 (permits), the year (2), the series read as a
 * base-36 number (4), the permit's counter (6). [U] A real deployment registers the debt position
 * with the comune's pagoPA intermediary; series of more than 2 characters get no notice here.
 */
async function noticeFor(
  ctx: DeskContext,
  row: PermitKindRow,
  number: string,
): Promise<{ notice: string; iuv: string }> {
  const parts = PERMIT_NUMBERS.parse(number);
  if (!parts.ok || parts.value.series.length > 2) {
    throw new AppError('permit_pagopa_unavailable', { number });
  }
  const seriesDigits = String(parseInt(parts.value.series, 36)).padStart(4, '0');
  const base = `7${String(parts.value.year).slice(2)}${seriesDigits}${String(parts.value.counter).padStart(6, '0')}`;
  const segregation =
    row.pagoPa.segregationCode ?? (await getMeta(ctx.db, SEGREGATION_KEY)) ?? DEMO_SEGREGATION;
  const generated = generateNoticeNumber({ auxDigit: 3, segregationCode: segregation, base });
  if (!generated.ok) throw new AppError('permit_pagopa_unavailable', { number });
  const parsed = parseNoticeNumber(generated.value.noticeNumber);
  return { notice: generated.value.noticeNumber, iuv: parsed.ok ? parsed.value.iuv : generated.value.iuv };
}

interface Documents {
  a4: Uint8Array;
  card: Uint8Array;
  sha256: string;
}

async function renderDocuments(
  ctx: DeskContext,
  p: PermitRecord,
  issuedAt: Date,
  noticeNumber: string | null,
): Promise<Documents> {
  const session = requireSession(ctx);
  const context = {
    comuneName: session.info.comune.name,
    verificationUrl: verificationUrlOf(hubBaseOf(ctx), p.number, p.verificationKey),
    issuedAt,
    noticeNumber,
  };
  const a4 = await renderPermitA4(p, context);
  const card = await renderPermitCard(p, context);
  return { a4, card, sha256: sha256Hex(a4) };
}

/**
 * Issues a permit (or its renewal): the rules once more, the fee into the clerk's till (cash, the
 * till opened once as certificates do) or a pagoPA notice, the next number of this workstation's
 * series, the PDFs, then one transaction with the record, the documents, the till line, the
 * outbox entry and the audit entry. Offline the mutation waits in the outbox.
 */
export async function issuePermit(
  ctx: DeskContext,
  input: CallInput<'permits:issue'>,
): Promise<CallOutput<'permits:issue'>> {
  const session = requireSession(ctx);
  const draft = await buildDraft(ctx, input);
  const first = draft.refusals[0];
  if (first) throw refusalError(first, ctx.state.locale);
  if (draft.validity === null || draft.feeCents === null) {
    throw new AppError('permit_requirement_missing', { requirement: 'start' });
  }
  const feeCents = draft.feeCents;
  const payment: IssuedPermitView['payment'] = feeCents === 0 ? 'free' : input.payment;
  // refusals are found before a number is taken: a refused permit never spends one
  const tillSessionId = payment === 'cash' ? await tillForFees(ctx) : null;
  const number = await nextPermitNumber(ctx, draft.comune, draft.clock.today);
  const notice = payment === 'pagopa' ? await noticeFor(ctx, draft.row, number) : null;
  const permitId = uuidv7();
  const verificationKey = permitKeyFrom(randomBytes(5));
  const issuedAt = ctx.now();
  const at = romeDateTimeOf(issuedAt);
  const paymentRef = payment === 'cash' ? number : payment === 'pagopa' ? (notice?.iuv ?? null) : null;
  const args: PermitIssue = {
    permitId,
    number,
    verificationKey,
    kind: draft.row.kind,
    holderId: draft.holder.id,
    holderName: nameOf(draft.holder),
    householdId: draft.holder.family_id,
    plates: draft.plates,
    zone: draft.zone,
    ...draft.validity,
    feeCents,
    paymentRef,
    renewsId: draft.renewed?.id ?? null,
    aslRef: draft.row.requires.aslCertificate ? (input.aslRef ?? null) : null,
    tillSessionId,
    at,
  };
  const record = recordFromIssue(args, draft.comune, session.info.clerk.username);
  const docs = await renderDocuments(ctx, record, issuedAt, notice?.notice ?? null);
  await runMutation(
    ctx,
    'permits.issue',
    args,
    {
      entity: 'permit',
      entityId: permitId,
      reason: `${draft.renewed ? 'rinnovo' : 'rilascio'} permesso ${number}`,
    },
    async (trx) => {
      await trx
        .insertInto('permit_documents')
        .values({
          permit_id: permitId,
          pdf_a4: docs.a4,
          pdf_card: docs.card,
          sha256: docs.sha256,
          notice_number: notice?.notice ?? null,
        })
        .execute();
      if (tillSessionId !== null) {
        await trx
          .insertInto('permit_fees')
          .values({
            permit_id: permitId,
            session_id: tillSessionId,
            amount_cents: feeCents,
            paid_at: issuedAt.toISOString(),
            clerk: session.info.clerk.username,
          })
          .execute();
      }
    },
  );
  const [view] = await permitViews(ctx, [record]);
  if (!view) throw new AppError('permit_not_found', { id: permitId });
  return {
    permit: view,
    payment,
    tillSessionId,
    noticeNumber: notice?.notice ?? null,
    pdfBase64: toBase64(docs.a4),
    sha256: docs.sha256,
    verificationUrl: view.verificationUrl,
  };
}

/** The record an issue mutation makes (the effect stores the same). */
export function recordFromIssue(args: PermitIssue, comune: string, clerk: string): PermitRecord {
  return {
    id: args.permitId,
    number: args.number,
    comune,
    kind: args.kind,
    holderId: args.holderId,
    holderName: args.holderName,
    householdId: args.householdId,
    plates: args.plates,
    zone: args.zone,
    validFrom: args.validFrom,
    validTo: args.validTo,
    validFromAt: args.validFromAt,
    validToAt: args.validToAt,
    feeCents: args.feeCents,
    paymentRef: args.paymentRef,
    status: 'active',
    revokedReason: null,
    revokedAt: null,
    renewsId: args.renewsId ?? null,
    verificationKey: args.verificationKey,
    issuedAt: args.at,
    issuedBy: clerk,
    aslRef: args.aslRef,
  };
}

export async function permitsForResident(
  ctx: DeskContext,
  input: CallInput<'permits:forResident'>,
): Promise<CallOutput<'permits:forResident'>> {
  requireSession(ctx);
  const a = await loadApplicant(ctx.db, input.residentId);
  return permitViews(
    ctx,
    await permitsOf(ctx.db, { holderId: a.person.id, householdId: a.person.family_id }),
  );
}

export async function lookupPlate(
  ctx: DeskContext,
  input: CallInput<'permits:lookup'>,
): Promise<CallOutput<'permits:lookup'>> {
  requireSession(ctx);
  const parsed = parsePlate(input.plate, input.country ?? 'I');
  if (!parsed.ok) throw new AppError('plate_invalid', parsed.params);
  return permitViews(ctx, await permitsWithPlate(ctx.db, parsed.plate, parsed.country));
}

async function standingPermit(ctx: DeskContext, permitId: string): Promise<PermitRecord> {
  const p = await findPermit(ctx.db, permitId);
  if (!p) throw new AppError('permit_not_found', { id: permitId });
  if (p.status === 'revoked') throw new AppError('permit_revoked_not_renewable', { number: p.number });
  if (p.status !== 'active' && p.status !== 'revocation_proposed') {
    throw new AppError('permit_not_in_force', { number: p.number });
  }
  return p;
}

export async function changePlate(
  ctx: DeskContext,
  input: CallInput<'permits:changePlate'>,
): Promise<CallOutput<'permits:changePlate'>> {
  const session = requireSession(ctx);
  const p = await standingPermit(ctx, input.permitId);
  const row = kindRowOn(p.kind, p.comune, clockOf(ctx).today);
  const max = row?.maxPlates ?? 1;
  const typed = input.plates.filter((x) => x.plate.trim() !== '');
  const plates: PlateWire[] = [];
  for (const x of typed) {
    const parsed = parsePlate(x.plate, x.country ?? 'I');
    if (!parsed.ok) throw new AppError('plate_invalid', parsed.params);
    plates.push({ plate: parsed.plate, country: parsed.country });
  }
  if (plates.length > max) {
    const code = familyOf(p.kind) === 'cude' ? 'permit_cude_too_many_plates' : 'permit_too_many_plates';
    throw new AppError(code, { max, count: plates.length });
  }
  if (plates.length === 0 && (row?.requiresPlate ?? true)) {
    throw refusalError(
      { code: 'permit_requirement_missing', params: { requirement: 'plate' } },
      ctx.state.locale,
    );
  }
  // the same plate may not hold two permits of the same kind at once (eligibility's overlap rule)
  for (const plate of plates) {
    const clash = (await permitsWithPlate(ctx.db, plate.plate, plate.country)).find(
      (o) =>
        o.id !== p.id &&
        o.kind === p.kind &&
        (o.status === 'active' || o.status === 'revocation_proposed') &&
        o.validFrom <= p.validTo &&
        p.validFrom <= o.validTo,
    );
    if (clash) {
      throw refusalError(
        {
          code: 'permit_overlap',
          params: { plate: plate.plate, number: clash.number, from: clash.validFrom, until: clash.validTo },
        },
        ctx.state.locale,
      );
    }
  }
  await runMutation(
    ctx,
    'permits.changePlate',
    { permitId: p.id, plates, reason: input.reason ?? null, at: romeDateTimeOf(ctx.now()) },
    { entity: 'permit', entityId: p.id, reason: `cambio targa permesso ${p.number}` },
  );
  void session;
  const updated = await findPermit(ctx.db, p.id);
  const [view] = await permitViews(ctx, updated ? [updated] : []);
  if (!view) throw new AppError('permit_not_found', { id: p.id });
  return view;
}

export async function duplicatePermit(
  ctx: DeskContext,
  input: CallInput<'permits:duplicate'>,
): Promise<CallOutput<'permits:duplicate'>> {
  const session = requireSession(ctx);
  const original = await standingPermit(ctx, input.permitId);
  const today = clockOf(ctx).today;
  const number = await nextPermitNumber(ctx, original.comune, today);
  const newPermitId = uuidv7();
  const verificationKey = permitKeyFrom(randomBytes(5));
  const issuedAt = ctx.now();
  const at = romeDateTimeOf(issuedAt);
  // the duplicate's fee is the shared rule's (fees.ts), which the hub applies too
  const args = {
    permitId: original.id,
    newPermitId,
    number,
    verificationKey,
    cause: input.cause,
    reportRef: input.reportRef ?? null,
    feeCents: DUPLICATE_FEE_CENTS,
    paymentRef: null,
    at,
  };
  const record = duplicateRecord(original, args, session.info.clerk.username);
  const docs = await renderDocuments(ctx, record, issuedAt, null);
  await runMutation(
    ctx,
    'permits.duplicate',
    args,
    {
      entity: 'permit',
      entityId: newPermitId,
      reason: `duplicato del permesso ${original.number} (${input.cause})`,
    },
    async (trx) => {
      await trx
        .insertInto('permit_documents')
        .values({
          permit_id: newPermitId,
          pdf_a4: docs.a4,
          pdf_card: docs.card,
          sha256: docs.sha256,
          notice_number: null,
        })
        .execute();
    },
  );
  const [view] = await permitViews(ctx, [record]);
  if (!view) throw new AppError('permit_not_found', { id: newPermitId });
  return {
    permit: view,
    payment: 'free',
    tillSessionId: null,
    noticeNumber: null,
    pdfBase64: toBase64(docs.a4),
    sha256: docs.sha256,
    verificationUrl: view.verificationUrl,
  };
}

/** The new permit a duplicate makes: same kind, holder, plates and dates, its own number and key. */
export function duplicateRecord(
  original: PermitRecord,
  args: {
    newPermitId: string;
    number: string;
    verificationKey: string;
    feeCents: number;
    paymentRef: string | null;
    at: string;
  },
  clerk: string,
): PermitRecord {
  return {
    ...original,
    id: args.newPermitId,
    number: args.number,
    verificationKey: args.verificationKey,
    feeCents: args.feeCents,
    paymentRef: args.paymentRef,
    status: 'active',
    revokedReason: null,
    revokedAt: null,
    renewsId: original.id,
    issuedAt: args.at,
    issuedBy: clerk,
  };
}

export async function revokePermit(
  ctx: DeskContext,
  input: CallInput<'permits:revoke'>,
): Promise<CallOutput<'permits:revoke'>> {
  requireAllowed(requireSession(ctx).info.clerk.role, 'permits.revoke');
  const p = await findPermit(ctx.db, input.permitId);
  if (!p) throw new AppError('permit_not_found', { id: input.permitId });
  if (p.status === 'revoked') throw new AppError('permit_already_revoked', { number: p.number });
  await runMutation(
    ctx,
    'permits.revoke',
    { permitId: p.id, reason: input.reason, at: romeDateTimeOf(ctx.now()) },
    { entity: 'permit', entityId: p.id, reason: `revoca permesso ${p.number}: ${input.reason}` },
  );
  const updated = await findPermit(ctx.db, p.id);
  const [view] = await permitViews(ctx, updated ? [updated] : []);
  if (!view) throw new AppError('permit_not_found', { id: p.id });
  return view;
}

/** The stored PDF (byte for byte), or, for a permit issued at another counter, a fresh print. */
export async function permitPdf(
  ctx: DeskContext,
  input: CallInput<'permits:pdf'>,
): Promise<CallOutput<'permits:pdf'>> {
  requireSession(ctx);
  const p = await findPermit(ctx.db, input.permitId);
  if (!p) throw new AppError('permit_not_found', { id: input.permitId });
  const stored = await ctx.db
    .selectFrom('permit_documents')
    .selectAll()
    .where('permit_id', '=', p.id)
    .executeTakeFirst();
  const docs = stored
    ? { a4: new Uint8Array(stored.pdf_a4), card: new Uint8Array(stored.pdf_card) }
    : await renderDocuments(ctx, p, new Date(`${p.issuedAt.slice(0, 10)}T12:00:00Z`), null);
  const bytes = input.format === 'a4' ? docs.a4 : docs.card;
  return {
    id: p.id,
    number: p.number,
    format: input.format,
    pdfBase64: toBase64(bytes),
    sha256: sha256Hex(bytes),
  };
}
