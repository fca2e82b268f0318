import { uuidv7 } from 'uuidv7';
import { can, requireAllowed } from '../../../shared/auth/policy';
import { checkIban } from '../../../shared/banking/iban';
import { compareIsoDates, type IsoDate } from '../../../shared/calendar/iso-date';
import { romeDateOf, romeDateTimeOf } from '../../../shared/calendar/rome-date';
import { refused } from '../../../shared/cases/case-engine';
import { procedureOn } from '../../../shared/cases/procedure-catalogue';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { parseEuro } from '../../../shared/money/euro-format';
import type { SadQuoteView, SocialRefusalView } from '../../../shared/social/social-calls';
import {
  assessmentSchema,
  contributoApplySchema,
  sadApplySchema,
  sadPlanSchema,
  type ContributoRecord,
  type SadRecord,
} from '../../../shared/social/social-wire';
import type { DeskContext } from '../context';
import { runMutation } from '../sync/run-mutation';
import { checkPlan } from '../../../shared/social/sad-rules';
import { paymentSchedule } from '../../../shared/social/social-rules';
import { monthlyEstimateCents, sadRate } from './sad-rate';
import { auditSocialRead, requireSocialOffice } from './social-access';
import { findContributo, findSad, listContributi, listSad, waitingSad } from './social-repository';
import { householdOf, householdView, iseeOf, iseeText, personName, requesterOf } from './social-request';
import { contributoViews, sadViews, waitingEntries } from './social-views';

const todayOf = (ctx: DeskContext): IsoDate => romeDateOf(ctx.now());
const comuneOf = (ctx: DeskContext): string => requireSocialOffice(ctx).info.comune.belfiore;

const STATUS_WORDS: Record<string, { it: string; en: string }> = {
  applied: { it: 'domanda presentata', en: 'applied' },
  assessed: { it: 'valutata', en: 'assessed' },
  approved: { it: 'approvata', en: 'approved' },
  rejected: { it: 'respinta', en: 'rejected' },
  stopped: { it: 'sospesa', en: 'stopped' },
  ended: { it: 'conclusa', en: 'ended' },
  visited: { it: 'visita fatta', en: 'visited' },
  planned: { it: 'PAI definito', en: 'plan set' },
  active: { it: 'servizio attivo', en: 'service active' },
  waiting: { it: 'in lista d’attesa', en: 'on the waiting list' },
};

function stepInvalid(status: string, detail: { it: string; en: string }): AppError {
  const s = STATUS_WORDS[status] ?? { it: status, en: status };
  return new AppError('social_step_invalid', {
    status_it: s.it,
    status_en: s.en,
    detail_it: detail.it,
    detail_en: detail.en,
  });
}

/** A documents list of the procedure, or the application itself. */
function documentsFor(procedureCode: string, comune: string, today: IsoDate, documents?: string[]): string[] {
  const procedure = procedureOn(procedureCode, comune, today);
  if (!procedure.ok) throw refused(procedure.error);
  const known = new Set(procedure.value.requiredDocuments.map((d) => d.id));
  const list = documents ?? ['application'];
  const unknown = list.find((d) => d !== 'application' && !known.has(d));
  if (unknown) throw new AppError('invalid_input', { detail: `documents: ${unknown}` });
  return list;
}

// ─── reads (each audited) ───

export async function socialHousehold(
  ctx: DeskContext,
  input: CallInput<'social:household'>,
): Promise<CallOutput<'social:household'>> {
  requireSocialOffice(ctx);
  const h = await householdOf(ctx.db, input.residentId);
  await auditSocialRead(ctx, 'social:household', 'resident', [
    h.beneficiary.id,
    ...h.household.map((p) => p.id),
  ]);
  return householdView(h, ctx.state.locale);
}

export async function socialCheckIban(
  ctx: DeskContext,
  input: CallInput<'social:checkIban'>,
): Promise<CallOutput<'social:checkIban'>> {
  requireSocialOffice(ctx);
  try {
    return { ok: true, iban: ibanOf(input.iban) };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { ok: false, code: err.code, message: err.toData(ctx.state.locale).message };
  }
}

/** An IBAN as typed, checked for its country's length and its check digits (mod 97). */
function ibanOf(text: string): string {
  const checked = checkIban(text);
  if (checked.ok) return checked.iban;
  const { code, params } = checked.error;
  const detail =
    code === 'iban_check_digits'
      ? {
          it: 'i caratteri di controllo non corrispondono, probabilmente un errore di battitura',
          en: 'the check digits do not match, probably a typing error',
        }
      : { it: params.expected, en: `length or characters not valid (${params.reason})` };
  throw new AppError('social_iban_invalid', {
    iban: params.iban,
    detail_it: detail.it,
    detail_en: detail.en,
  });
}

export async function socialContributi(
  ctx: DeskContext,
  input: CallInput<'social:contributi'>,
): Promise<CallOutput<'social:contributi'>> {
  requireSocialOffice(ctx);
  const records = await listContributi(ctx.db, {
    ...(input.status === undefined || input.status === 'all' ? {} : { statuses: [input.status] }),
    ...(input.beneficiaryId ? { beneficiaryId: input.beneficiaryId } : {}),
    limit: input.limit ?? 200,
  });
  await auditSocialRead(
    ctx,
    'social:contributi',
    'social_contributo',
    records.map((r) => r.id),
  );
  return contributoViews(ctx, records);
}

async function readContributo(ctx: DeskContext, id: string, fn: string): Promise<ContributoRecord> {
  requireSocialOffice(ctx);
  const r = await findContributo(ctx.db, id);
  if (!r) throw new AppError('social_not_found', { id });
  await auditSocialRead(ctx, fn, 'social_contributo', [r.id]);
  return r;
}

async function readSad(ctx: DeskContext, id: string, fn: string): Promise<SadRecord> {
  requireSocialOffice(ctx);
  const r = await findSad(ctx.db, id);
  if (!r) throw new AppError('social_not_found', { id });
  await auditSocialRead(ctx, fn, 'social_sad', [r.id]);
  return r;
}

const oneContributo = async (ctx: DeskContext, r: ContributoRecord) => {
  const [view] = await contributoViews(ctx, [r]);
  if (!view) throw new AppError('social_not_found', { id: r.id });
  return view;
};
const oneSad = async (ctx: DeskContext, r: SadRecord) => {
  const [view] = await sadViews(ctx, [r]);
  if (!view) throw new AppError('social_not_found', { id: r.id });
  return view;
};

export async function socialContributo(
  ctx: DeskContext,
  input: CallInput<'social:contributo'>,
): Promise<CallOutput<'social:contributo'>> {
  return oneContributo(ctx, await readContributo(ctx, input.contributoId, 'social:contributo'));
}

export async function socialSads(
  ctx: DeskContext,
  input: CallInput<'social:sads'>,
): Promise<CallOutput<'social:sads'>> {
  requireSocialOffice(ctx);
  const records = await listSad(ctx.db, {
    ...(input.status === undefined || input.status === 'all' ? {} : { statuses: [input.status] }),
    ...(input.beneficiaryId ? { beneficiaryId: input.beneficiaryId } : {}),
    limit: input.limit ?? 200,
  });
  await auditSocialRead(
    ctx,
    'social:sads',
    'social_sad',
    records.map((r) => r.id),
  );
  return sadViews(ctx, records);
}

export async function socialSad(
  ctx: DeskContext,
  input: CallInput<'social:sad'>,
): Promise<CallOutput<'social:sad'>> {
  return oneSad(ctx, await readSad(ctx, input.sadId, 'social:sad'));
}

/** The office's supervisors only (they decide who starts); the hub checks the same. */
export async function socialWaitingList(ctx: DeskContext): Promise<CallOutput<'social:waitingList'>> {
  const session = requireSocialOffice(ctx);
  if (!can(session.info.clerk.role, 'social.waitingList')) throw new AppError('social_supervisors_only');
  const records = await waitingSad(ctx.db);
  await auditSocialRead(
    ctx,
    'social:waitingList',
    'social_sad',
    records.map((r) => r.id),
  );
  return waitingEntries(records);
}

// ─── filings ───

/**
 * The contributo economico (DOMAIN.md §10.2): beneficiary and household from the registry, the
 * requester (a legal protector with the decree), ISEE, disability and L. 104, accompanying
 * allowance, IBAN checked live, the need. Every check first (a refusal stores and queues
 * nothing), then one local transaction: the case (protocol number at the hub), the record, the
 * outbox entry and the audit line.
 */
export async function contributoApply(
  ctx: DeskContext,
  input: CallInput<'social:contributoApply'>,
): Promise<CallOutput<'social:contributoApply'>> {
  const comune = comuneOf(ctx);
  const today = todayOf(ctx);
  const h = await householdOf(ctx.db, input.beneficiaryId);
  const requester = await requesterOf(ctx.db, input.requester, h.beneficiary);
  const isee = iseeOf(input.isee);
  const iban = ibanOf(input.iban);
  const documents = documentsFor('contributo_economico', comune, today, input.documents);
  const contributoId = uuidv7();
  const at = romeDateTimeOf(ctx.now());
  const name = personName({ surname: h.beneficiary.surname, givenNames: h.beneficiary.given_names });
  const args = contributoApplySchema.parse({
    contributoId,
    at,
    beneficiaryId: h.beneficiary.id,
    requester,
    isee,
    disability: input.disability,
    iban,
    need: input.need,
    needNote: input.needNote,
    case: {
      caseId: uuidv7(),
      eventId: uuidv7(),
      at,
      procedureCode: 'contributo_economico',
      applicantId: requester.personId,
      applicantName: personName(requester),
      // the queue shows the subject to every clerk: no health or income data in it
      subject: `Contributo economico: ${name}`.slice(0, 300),
      counterSeconds: input.counterSeconds ?? null,
      receiptDelivery: 'printed',
      documents,
      residence: null,
    },
  });
  await runMutation(ctx, 'social.contributo', args, {
    entity: 'social_contributo',
    entityId: contributoId,
    reason: `domanda di contributo economico (${iseeText(isee, today)})`,
  });
  return socialContributo(ctx, { contributoId });
}

/** "250,00" → 25000; the amount per payment must be above zero. */
function amountOf(text: string): number {
  const parsed = parseEuro(text.trim(), 'it');
  if (!parsed.ok || parsed.value <= 0) {
    throw new AppError('social_amount_invalid', {
      detail_it: `«${text.slice(0, 20)}» non è un importo positivo in euro`,
      detail_en: `“${text.slice(0, 20)}” is not a positive euro amount`,
    });
  }
  return parsed.value;
}

/** The social worker's assessment and individual project: amount, monthly, from–to. */
export async function assessContributo(
  ctx: DeskContext,
  input: CallInput<'social:assessment'>,
): Promise<CallOutput<'social:assessment'>> {
  const r = await readContributo(ctx, input.contributoId, 'social:assessment');
  if (r.status !== 'applied') {
    throw stepInvalid(r.status, { it: 'la valutazione è già stata registrata', en: 'already assessed' });
  }
  const amountCents = amountOf(input.amount);
  // the hub's own rule for amount and period: the counter never queues what it would refuse
  const schedule = paymentSchedule(amountCents, input.startOn, input.endOn);
  if (!schedule.ok) throw new AppError(schedule.refusal.code, schedule.refusal.params);
  const args = assessmentSchema.parse({
    contributoId: r.id,
    at: romeDateTimeOf(ctx.now()),
    assessment: input.assessment,
    project: input.project,
    amountCents,
    frequency: input.frequency,
    startOn: input.startOn,
    endOn: input.endOn,
  });
  await runMutation(ctx, 'social.assessment', args, {
    entity: 'social_contributo',
    entityId: r.id,
    reason: 'valutazione e progetto individuale',
  });
  return socialContributo(ctx, { contributoId: r.id });
}

/** The SAD application (DOMAIN.md §10.3 step 1): as the contributo, without IBAN and need. */
export async function sadApply(
  ctx: DeskContext,
  input: CallInput<'social:sadApply'>,
): Promise<CallOutput<'social:sadApply'>> {
  const comune = comuneOf(ctx);
  const today = todayOf(ctx);
  const h = await householdOf(ctx.db, input.beneficiaryId);
  const requester = await requesterOf(ctx.db, input.requester, h.beneficiary);
  const isee = iseeOf(input.isee);
  const documents = documentsFor('assistenza_domiciliare', comune, today, input.documents);
  const sadId = uuidv7();
  const at = romeDateTimeOf(ctx.now());
  const name = personName({ surname: h.beneficiary.surname, givenNames: h.beneficiary.given_names });
  const args = sadApplySchema.parse({
    sadId,
    at,
    beneficiaryId: h.beneficiary.id,
    requester,
    isee,
    disability: input.disability,
    needNote: input.needNote,
    case: {
      caseId: uuidv7(),
      eventId: uuidv7(),
      at,
      procedureCode: 'assistenza_domiciliare',
      applicantId: requester.personId,
      applicantName: personName(requester),
      subject: `Assistenza domiciliare (SAD): ${name}`.slice(0, 300),
      counterSeconds: input.counterSeconds ?? null,
      receiptDelivery: 'printed',
      documents,
      residence: null,
    },
  });
  await runMutation(ctx, 'social.sadApply', args, {
    entity: 'social_sad',
    entityId: sadId,
    reason: `domanda di assistenza domiciliare (${iseeText(isee, today)})`,
  });
  return socialSad(ctx, { sadId });
}

export async function sadVisit(
  ctx: DeskContext,
  input: CallInput<'social:sadVisit'>,
): Promise<CallOutput<'social:sadVisit'>> {
  const r = await readSad(ctx, input.sadId, 'social:sadVisit');
  if (r.status !== 'applied') {
    throw stepInvalid(r.status, { it: 'la visita è già registrata', en: 'the visit is already recorded' });
  }
  if (
    compareIsoDates(input.visitedOn, r.appliedOn) < 0 ||
    compareIsoDates(input.visitedOn, todayOf(ctx)) > 0
  ) {
    throw new AppError('social_period_invalid', {
      detail_it: `visita del ${formatDate(input.visitedOn)}: tra la domanda e oggi`,
      detail_en: `visit on ${input.visitedOn}: between the application and today`,
    });
  }
  await runMutation(
    ctx,
    'social.sadVisit',
    {
      sadId: r.id,
      at: romeDateTimeOf(ctx.now()),
      visitedOn: input.visitedOn,
      livesAlone: input.livesAlone,
      notes: input.notes,
    },
    { entity: 'social_sad', entityId: r.id, reason: 'visita domiciliare' },
  );
  return socialSad(ctx, { sadId: r.id });
}

/**
 * Hours, operators and tasks of a PAI by the shared rule the hub applies (sad-rules.ts
 * `checkPlan`), each dimension on its own so the form lists every problem at once.
 */
function planProblems(hoursPerWeek: number, operators: number, tasks?: readonly string[]): AppError[] {
  const checks = [
    checkPlan(hoursPerWeek, 1, ['compagnia']),
    checkPlan(1, operators, ['compagnia']),
    ...(tasks ? [checkPlan(1, 1, tasks)] : []),
  ];
  return checks.flatMap((c) => (c.ok ? [] : [new AppError(c.refusal.code, c.refusal.params)]));
}

/** The PAI priced live: the rate, the monthly estimate, and why it cannot be filed yet. */
export async function sadQuote(ctx: DeskContext, input: CallInput<'social:sadQuote'>): Promise<SadQuoteView> {
  const r = await readSad(ctx, input.sadId, 'social:sadQuote');
  const locale = ctx.state.locale;
  const refusals: SocialRefusalView[] = planProblems(input.hoursPerWeek, input.operators).map((e) => ({
    code: e.code,
    message: e.toData(locale).message,
  }));
  const operators = Math.min(3, Math.max(1, Math.trunc(input.operators) || 1));
  let rate;
  try {
    rate = sadRate(r.comune, r.isee, operators, todayOf(ctx), locale);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    refusals.push({ code: err.code, message: err.toData(locale).message });
  }
  const hours = input.hoursPerWeek > 0 ? input.hoursPerWeek : null;
  return {
    ok: refusals.length === 0,
    refusals,
    hourlyRateCents: rate?.hourlyRateCents ?? null,
    allOperatorsCents: rate?.allOperatorsCents ?? null,
    operators,
    bandLabel: rate?.bandLabel ?? null,
    chosenBy: rate?.chosenBy ?? null,
    exempt: rate?.exempt ?? false,
    warning: rate?.warning ?? null,
    weeklyCents: rate && hours !== null ? Math.round(hours * rate.allOperatorsCents) : null,
    monthlyEstimateCents: rate && hours !== null ? monthlyEstimateCents(hours, rate.allOperatorsCents) : null,
    lines: rate?.lines ?? [],
    tariffSource: rate ? `${rate.source}${rate.uncertain ? ' [da confermare]' : ''}` : null,
  };
}

/** The PAI (DOMAIN.md §10.3 step 3) at the rate the rules give today; the hub recomputes it. */
export async function sadPlan(
  ctx: DeskContext,
  input: CallInput<'social:sadPlan'>,
): Promise<CallOutput<'social:sadPlan'>> {
  const r = await readSad(ctx, input.sadId, 'social:sadPlan');
  if (r.status !== 'visited') {
    throw stepInvalid(r.status, {
      it: 'il PAI segue la visita domiciliare',
      en: 'the plan follows the home visit',
    });
  }
  const [first] = planProblems(input.hoursPerWeek, input.operators, input.tasks);
  if (first) throw first;
  const rate = sadRate(r.comune, r.isee, input.operators, todayOf(ctx), ctx.state.locale);
  const args = sadPlanSchema.parse({
    sadId: r.id,
    at: romeDateTimeOf(ctx.now()),
    hoursPerWeek: input.hoursPerWeek,
    operators: input.operators,
    tasks: input.tasks,
    hourlyRateCents: rate.hourlyRateCents,
    provider: input.provider,
  });
  await runMutation(ctx, 'social.sadPlan', args, {
    entity: 'social_sad',
    entityId: r.id,
    reason: `PAI: ${input.hoursPerWeek} ore/settimana, ${input.operators} operatori`,
  });
  return socialSad(ctx, { sadId: r.id });
}

/** Supervisors: start the service on a day; the hub starts it or puts it on the waiting list. */
export async function sadStart(
  ctx: DeskContext,
  input: CallInput<'social:sadStart'>,
): Promise<CallOutput<'social:sadStart'>> {
  requireAllowed(requireSocialOffice(ctx).info.clerk.role, 'social.sadStart');
  const r = await readSad(ctx, input.sadId, 'social:sadStart');
  if (r.status !== 'planned' && r.status !== 'waiting') {
    throw stepInvalid(r.status, {
      it: 'si avvia un servizio con il PAI definito',
      en: 'a service starts once planned',
    });
  }
  if (compareIsoDates(input.startOn, todayOf(ctx)) < 0) {
    throw new AppError('social_period_invalid', {
      detail_it: `avvio il ${formatDate(input.startOn)}: non prima di oggi`,
      detail_en: `start on ${input.startOn}: not before today`,
    });
  }
  await runMutation(
    ctx,
    'social.sadStart',
    { sadId: r.id, at: romeDateTimeOf(ctx.now()), startOn: input.startOn },
    { entity: 'social_sad', entityId: r.id, reason: `avvio SAD dal ${formatDate(input.startOn)}` },
  );
  return socialSad(ctx, { sadId: r.id });
}
