import { submittedApplication } from '../../../shared/canone/submitted-record';
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { romeDateOf, romeDateTimeOf } from '../../../shared/calendar/rome-date';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import type { CanoneApplyInput } from '../../../shared/canone/canone-calls';
import type { ActiveStreetView, CanoneQuoteView } from '../../../shared/canone/canone-views';
import {
  canoneApplySchema,
  type CanoneApply,
  type CanoneApplicationRecord,
  type CanoneProcedure,
} from '../../../shared/canone/canone-wire';
import { canoneFee, type CanoneFee } from '../../../shared/canone/fee';
import { canoneSettingOn, categoriesOn } from '../../../shared/canone/tariffs';
import { streetKey, zoneOfStreet } from '../../../shared/canone/zones';
import { refused } from '../../../shared/cases/case-engine';
import { procedureOn } from '../../../shared/cases/procedure-catalogue';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { requireAllowed } from '../../../shared/auth/policy';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { toBase64, sha256Hex } from '../bytes';
import { CASE_LOCAL_EFFECTS } from '../cases/case-effects';
import { requireSession, type DeskContext } from '../context';
import type { Database } from '../db/database';
import type { EffectMeta } from '../sync/effect';
import { runMutation } from '../sync/run-mutation';
import { renderConcession, renderRefusalNotice } from './canone-pdf';
import {
  activeOn,
  applicationOfCase,
  findApplication,
  listApplications,
  pendingApplicationIds,
  saveApplication,
  siteStreet,
} from './canone-repository';
import { buildDraft, knownStreets, refusalViews, type CanoneDraft } from './canone-request';
import { addressOf, applicantLabelOf, applicationView, categoryLabelOf, statusLabelOf } from './canone-views';

const todayOf = (ctx: DeskContext): IsoDate => romeDateOf(ctx.now());

function comuneOf(ctx: DeskContext) {
  const session = requireSession(ctx);
  return { comune: session.info.comune.belfiore, comuneName: session.info.comune.name };
}

const draftOf = (ctx: DeskContext, input: CallInput<'canone:quote'>): Promise<CanoneDraft> =>
  buildDraft(ctx.db, input, { ...comuneOf(ctx), today: todayOf(ctx), locale: ctx.state.locale });

export async function canoneOptions(ctx: DeskContext): Promise<CallOutput<'canone:options'>> {
  const { comune } = comuneOf(ctx);
  const today = todayOf(ctx);
  const locale = ctx.state.locale;
  const setting = canoneSettingOn(comune, today);
  const streets = await knownStreets(ctx.db, comune, today, locale);
  return {
    today,
    comune,
    categories: categoriesOn(comune, today).map((c) => ({
      code: c.code,
      label: c.label[locale],
      unit: c.unit,
      advertising: c.advertising,
      procedureCode: procedureFor(c.advertising),
      permanentCoefficient: c.permanentThousandths / 1000,
      temporaryCoefficient: c.temporaryThousandths / 1000,
      uncertain: c.confidence !== 'V',
    })),
    streets: streets.map(({ streetType, streetName, zone, zoneLabel, zoneCoefficient }) => ({
      streetType,
      streetName,
      zone,
      zoneLabel,
      zoneCoefficient,
    })),
    hourly: setting?.hourly.allowed ?? false,
    maxTemporaryDays: setting?.maxTemporaryDays ?? 365,
    tariffVersion: setting?.version ?? '—',
    uncertain: setting ? Object.values(setting.confidence).some((c) => c !== 'V') : true,
  };
}

/** Signs and advertising media are `esposizione_pubblicitaria`; the rest occupies public land. */
const procedureFor = (advertising: boolean): CanoneProcedure =>
  advertising ? 'esposizione_pubblicitaria' : 'occupazione_suolo_pubblico';

export async function canoneQuote(
  ctx: DeskContext,
  input: CallInput<'canone:quote'>,
): Promise<CanoneQuoteView> {
  const draft = await draftOf(ctx, input);
  return {
    ok: draft.refusals.length === 0,
    zone: draft.street?.zone ?? null,
    fee: draft.fee,
    instalments: draft.instalments,
    refusals: refusalViews(draft.refusals, ctx.state.locale),
  };
}

/** "12 m²", "4,5 ml" */
const measureText = (measure: number, unit: 'm2' | 'ml'): string =>
  `${String(measure).replace('.', ',')} ${unit === 'm2' ? 'm²' : 'ml'}`;

/** "01/06/2026–29/08/2026", "dal 01/06/2026" */
const periodText = (start: IsoDate, end: IsoDate | null): string =>
  end === null ? `dal ${formatDate(start)}` : `${formatDate(start)}–${formatDate(end)}`;

/**
 * The case's subject as the queue lists it: "Occupazione suolo pubblico: Dehors di bar e
 * ristoranti 12 m², Via Roma 5, 01/06/2026–29/08/2026".
 */
export function canoneSubject(a: {
  procedure: CanoneProcedure;
  categoryLabel: string;
  measure: number;
  unit: 'm2' | 'ml';
  address: string;
  start: IsoDate;
  end: IsoDate | null;
}): string {
  const what =
    a.procedure === 'esposizione_pubblicitaria' ? 'Esposizione pubblicitaria' : 'Occupazione suolo pubblico';
  const label = a.categoryLabel.replace(/\s*\(.*\)\s*$/, '');
  return `${what}: ${label} ${measureText(a.measure, a.unit)}, ${a.address}, ${periodText(a.start, a.end)}`.slice(
    0,
    300,
  );
}

/**
 * Files an application: the rules once more (a refused one stores nothing and queues nothing),
 * then one local transaction with the case (the case engine's own local effect, so it shows in
 * the queue at once), the optimistic application, the outbox entry and the audit line. The hub
 * numbers the case in the protocol and recomputes zone and fee from its own tables.
 */
export async function canoneApplyCall(
  ctx: DeskContext,
  input: CanoneApplyInput,
): Promise<CallOutput<'canone:apply'>> {
  const session = requireSession(ctx);
  const locale = ctx.state.locale;
  const draft = await draftOf(ctx, input);
  const first = draft.refusals[0];
  if (first) throw new AppError(first.code, first.params);
  const { street, category, fee, applicant } = draft;
  if (!street || !category || !fee || !applicant) throw new AppError('invalid_input', { detail: 'domanda' });
  const today = todayOf(ctx);
  const procedureCode = procedureFor(category.advertising);
  const procedure = procedureOn(procedureCode, draft.comune, today);
  if (!procedure.ok) throw refused(procedure.error);
  const known = new Set(procedure.value.requiredDocuments.map((d) => d.id));
  const documents = input.documents ?? ['application'];
  const unknown = documents.find((d) => !known.has(d));
  if (unknown) throw new AppError('invalid_input', { detail: `documents: ${unknown}` });

  const applicationId = uuidv7();
  const caseId = uuidv7();
  const at = romeDateTimeOf(ctx.now());
  const site = { streetType: street.streetType, streetName: street.streetName, civic: input.civic.trim() };
  const end = input.end ?? null;
  const args: CanoneApply = canoneApplySchema.parse({
    applicationId,
    case: {
      caseId,
      eventId: uuidv7(),
      at,
      procedureCode,
      applicantId: applicant.kind === 'person' ? applicant.residentId : null,
      applicantName: applicant.name,
      subject: canoneSubject({
        procedure: procedureCode,
        categoryLabel: category.label.it,
        measure: input.measure,
        unit: category.unit,
        address: addressOf({ site }),
        start: input.start,
        end,
      }),
      counterSeconds: input.counterSeconds ?? null,
      receiptDelivery: 'printed',
      documents,
      residence: null,
    },
    applicant,
    site,
    purpose: (input.purpose?.trim() || category.label[locale]).slice(0, 300).padEnd(3, '.'),
    category: category.code,
    regime: input.regime,
    measure: input.measure,
    start: input.start,
    end,
    hours: input.hours ?? null,
    ownSign: category.advertising ? input.ownSign : false,
    trafficAffected: input.trafficAffected,
    quotedFeeCents: fee.totalCents,
  });
  await runMutation(ctx, 'canone.apply', args, {
    entity: 'canone_application',
    entityId: applicationId,
    reason: `domanda canone unico: ${args.case.subject}`.slice(0, 300),
  });
  void session;
  const record = await findApplication(ctx.db, applicationId);
  if (!record) throw new AppError('canone_application_unknown', { id: applicationId });
  return {
    application: applicationView(record, ctx, { pending: await pendingApplicationIds(ctx.db) }),
    receiptPdfBase64: null,
  };
}

/** The fee wire form of the rules' fee (the same fields). */
const feeWire = (fee: CanoneFee): CanoneApplicationRecord['fee'] => ({
  totalCents: fee.totalCents,
  chargedMeasure: fee.chargedMeasure,
  unit: fee.unit,
  days: fee.days,
  hoursPerDay: fee.hoursPerDay,
  months: fee.months,
  year: fee.year,
  tariffCents: fee.tariffCents,
  zoneCoefficient: fee.zoneCoefficient,
  categoryCoefficient: fee.categoryCoefficient,
  exemptMeasure: fee.exemptMeasure,
  lines: fee.lines.map((l) => ({ code: l.code, label: l.label, value: l.value, values: l.values })),
  tariffVersion: fee.tariffVersion,
  uncertain: [...fee.uncertain],
});

/**
 * The application an apply mutation makes on this counter until the hub's record arrives: zone
 * and fee from the same shared rules the hub applies (the street's frazione from the registry's
 * addresses). Null when the rules refuse it here: the hub will say why.
 */
export async function optimisticRecord(
  trx: Transaction<Database>,
  args: CanoneApply,
  meta: EffectMeta,
): Promise<CanoneApplicationRecord | null> {
  const comuneRow = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'comune.belfiore')
    .executeTakeFirst();
  const comune = comuneRow?.value;
  if (!comune) return null;
  const street = siteStreet(args);
  const families = await trx
    .selectFrom('families')
    .select(['street_type', 'street_name', 'frazione'])
    .where('street_name', '=', args.site.streetName)
    .execute();
  const inTown = families.some((f) => f.frazione.trim() === '');
  const frazione = inTown ? null : (families[0]?.frazione ?? null);
  const zone = zoneOfStreet(comune, street, frazione, args.start);
  if (!zone) return null;
  const fee = canoneFee({
    comune,
    category: args.category,
    regime: args.regime,
    zone: zone.zone,
    measure: args.measure,
    start: args.start,
    end: args.end,
    hours: args.hours,
    ownSign: args.ownSign,
  });
  if (!fee.ok) return null;
  return submittedApplication(args, {
    comune,
    procedureCode: args.case.procedureCode as CanoneProcedure,
    zone: zone.zone,
    fee: feeWire(fee.value),
    applicant: args.applicant,
    site: args.site,
    protocol: null,
    submittedBy: meta.clerk,
  });
}

/** The local effect of `canone.apply`: the case in the local queue, then our application. */
export async function applyEffect(
  trx: Transaction<Database>,
  args: CanoneApply,
  meta: EffectMeta,
): Promise<void> {
  await CASE_LOCAL_EFFECTS['cases.open'](trx, args.case, meta);
  const record = await optimisticRecord(trx, args, meta);
  if (record) await saveApplication(trx, record, { confirmed: false });
}

/** The case's protocol number as the mirror's cases table has it (the record may lag behind). */
async function caseProtocols(ctx: DeskContext, caseIds: readonly string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('cases')
    .select(['id', 'protocol'])
    .where('id', 'in', [...caseIds])
    .execute();
  return new Map(rows.flatMap((r) => (r.protocol ? [[r.id, r.protocol] as const] : [])));
}

async function views(ctx: DeskContext, records: readonly CanoneApplicationRecord[]) {
  const pending = await pendingApplicationIds(ctx.db);
  const protocols = await caseProtocols(
    ctx,
    records.map((r) => r.caseId),
  );
  const notices = records.flatMap((r) => r.notices.map((n) => n.noticeNumber));
  const paid =
    notices.length === 0
      ? []
      : await ctx.db
          .selectFrom('debt_positions')
          .select('notice_number')
          .where('notice_number', 'in', notices)
          .where('status', '=', 'paid')
          .execute();
  const paidNotices = new Set(paid.map((p) => p.notice_number));
  return records.map((r) =>
    applicationView(r, ctx, { pending, protocol: protocols.get(r.caseId) ?? null, paidNotices }),
  );
}

async function requireApplication(ctx: DeskContext, id: string): Promise<CanoneApplicationRecord> {
  requireSession(ctx);
  const r = await findApplication(ctx.db, id);
  if (!r) throw new AppError('canone_application_unknown', { id });
  return r;
}

export async function canoneList(
  ctx: DeskContext,
  input: CallInput<'canone:list'>,
): Promise<CallOutput<'canone:list'>> {
  requireSession(ctx);
  const statuses =
    input.status === 'all' ? undefined : input.status === 'pending' ? ['submitted'] : [input.status];
  const records = await listApplications(ctx.db, {
    ...(statuses ? { statuses } : {}),
    ...(input.residentId ? { residentId: input.residentId } : {}),
    limit: input.limit ?? 200,
  });
  return views(ctx, records);
}

/**
 * The office's list of occupations in force on a day, by street: a list and not a map, because
 * the counter works offline and no map library or tiles are available to it.
 */
export async function canoneActive(
  ctx: DeskContext,
  input: CallInput<'canone:active'>,
): Promise<ActiveStreetView[]> {
  requireSession(ctx);
  const locale = ctx.state.locale;
  const byStreet = new Map<string, ActiveStreetView>();
  for (const r of await activeOn(ctx.db, input.day)) {
    const street = siteStreet(r);
    const key = streetKey(street);
    const entry = byStreet.get(key) ?? { street, zone: r.zone, occupations: [], totalM2: 0 };
    entry.occupations.push({
      applicationId: r.id,
      concessionNumber: r.concession?.number ?? null,
      status: r.status,
      address: addressOf(r),
      civic: r.site.civic,
      category: r.category,
      categoryLabel: categoryLabelOf(r, locale),
      regime: r.regime,
      measure: r.measure,
      unit: r.fee.unit,
      start: r.start,
      end: r.concession?.validTo ?? r.end,
      holder: applicantLabelOf(r.applicant),
    });
    if (r.fee.unit === 'm2') entry.totalM2 = Math.round((entry.totalM2 + r.measure) * 100) / 100;
    byStreet.set(key, entry);
  }
  return [...byStreet.values()].sort((a, b) => a.street.localeCompare(b.street, 'it'));
}

export async function canoneGet(
  ctx: DeskContext,
  input: CallInput<'canone:get'>,
): Promise<CallOutput<'canone:get'>> {
  const [view] = await views(ctx, [await requireApplication(ctx, input.applicationId)]);
  if (!view) throw new AppError('canone_application_unknown', { id: input.applicationId });
  return view;
}

export async function canoneForCase(
  ctx: DeskContext,
  input: CallInput<'canone:forCase'>,
): Promise<CallOutput<'canone:forCase'>> {
  requireSession(ctx);
  const r = await applicationOfCase(ctx.db, input.caseId);
  if (!r) return null;
  return (await views(ctx, [r]))[0] ?? null;
}

/**
 * A supervisor ends a granted concession early (public interest, unpaid fee, misuse): on a day
 * between its start and its term. The same checks as the hub's applier, so the counter never
 * queues what the hub would refuse; the yearly run issues nothing for it afterwards.
 */
export async function revokeConcession(
  ctx: DeskContext,
  input: CallInput<'canone:revoke'>,
): Promise<CallOutput<'canone:revoke'>> {
  requireAllowed(requireSession(ctx).info.clerk.role, 'canone.revoke');
  const r = await requireApplication(ctx, input.applicationId);
  if (r.status !== 'approved' || !r.concession) {
    throw new AppError('canone_not_revocable', { status: statusLabelOf(r.status, ctx.state.locale) });
  }
  const end = r.concession.validTo;
  if (input.endsOn < r.start || (end !== null && input.endsOn > end)) {
    throw new AppError('canone_revoke_date_invalid', {
      endsOn: formatDate(input.endsOn),
      start: formatDate(r.start),
      end: end === null ? '—' : formatDate(end),
    });
  }
  await runMutation(
    ctx,
    'canone.revoke',
    { applicationId: r.id, endsOn: input.endsOn, reason: input.reason, at: romeDateTimeOf(ctx.now()) },
    {
      entity: 'canone_application',
      entityId: r.id,
      reason: `revoca concessione ${r.concession.number}: ${input.reason}`.slice(0, 300),
    },
  );
  return canoneGet(ctx, { applicationId: r.id });
}

/** The concession (approved, revoked or ended ones: the act stays what it was), printed afresh. */
export async function concessionPdf(
  ctx: DeskContext,
  input: CallInput<'canone:concessionPdf'>,
): Promise<CallOutput<'canone:concessionPdf'>> {
  const r = await requireApplication(ctx, input.applicationId);
  if (!r.concession) {
    throw new AppError('invalid_input', { detail: `nessuna concessione: la domanda è ${r.status}` });
  }
  const [view] = await views(ctx, [r]);
  const bytes = await renderConcession(r, {
    comuneName: comuneOf(ctx).comuneName,
    verificationUrl: view?.concession?.verificationUrl ?? null,
    protocol: view?.protocol ?? null,
  });
  return { id: r.id, kind: 'concession', pdfBase64: toBase64(bytes), sha256: sha256Hex(bytes) };
}

/**
 * The art. 10-bis letter (L. 241/1990): before refusing, the office tells the applicant the
 * reasons and gives 10 days for written observations. The case's own step is the case engine's
 * `suspend` of kind refusal_notice; this is the letter that goes with it.
 */
export async function refusalNoticePdf(
  ctx: DeskContext,
  input: CallInput<'canone:refusalNoticePdf'>,
): Promise<CallOutput<'canone:refusalNoticePdf'>> {
  const r = await requireApplication(ctx, input.applicationId);
  if (r.status !== 'submitted') {
    throw new AppError('invalid_input', { detail: `domanda già decisa (${r.status})` });
  }
  const [view] = await views(ctx, [r]);
  const bytes = await renderRefusalNotice(r, {
    comuneName: comuneOf(ctx).comuneName,
    protocol: view?.protocol ?? null,
    reasons: input.reasons,
    writtenOn: todayOf(ctx),
    clerk: requireSession(ctx).info.clerk.username,
  });
  return { id: r.id, kind: 'refusal_notice', pdfBase64: toBase64(bytes), sha256: sha256Hex(bytes) };
}
