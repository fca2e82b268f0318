import { romeDateTimeOf } from '../../shared/calendar/rome-date';
import type { CaseRecord } from '../../shared/cases/case-record';
import { AppError } from '../../shared/errors/app-error';
import { checkIban } from '../../shared/banking/iban';
import { TARIFF_TABLES } from '../../shared/isee/tariff-tables';
import { tableOn, tariffFor } from '../../shared/isee/tariff-engine';
import { cents } from '../../shared/money/cents';
import { formatEuro } from '../../shared/money/euro-format';
import { addMinutesLocal } from '../../shared/permits/validity';
import {
  compareLocalDateTimes,
  localDateOf,
  type LocalDateTime,
} from '../../shared/protocol/local-date-time';
import { checkPlan, compareWaiting, criteriaOn, waitingPoints } from '../../shared/social/sad-rules';
import {
  checkRequester,
  checkSocialIsee,
  iseeBandOn,
  paymentSchedule,
  type SocialRefusal,
  type SocialResult,
} from '../../shared/social/social-rules';
import type { ContributoRecord, PersonRef, SadRecord, SocialIsee } from '../../shared/social/social-wire';
import type { MutationArgs } from '../../shared/sync/mutations';
import type { Transaction } from 'kysely';
import { openCaseFiledBy } from '../cases/case-appliers';
import type { HubDatabase } from '../db/database';
import type { ApplyContext, Applier } from '../sync/apply-context';
import { ageOn, applicantOf, hubRequester, residentBeneficiary } from './registry-lookup';
import { requireSocialOffice } from './social-access';
import {
  findContributo,
  findContributoByCase,
  findSad,
  sadsWith,
  saveContributo,
  saveSad,
} from './social-repository';

/** A counter's clock may run a little ahead of the hub's; more is an act from the future. */
const CLOCK_SKEW_MINUTES = 5;

export const CONTRIBUTO_PROCEDURE = 'contributo_economico';
export const SAD_PROCEDURE = 'assistenza_domiciliare';

/**
 * The hub's ISEE tables: Casale's DEMO defaults [U] (shared/isee/schedules.ts); a comune with
 * no SAD table gets a typed refusal, never a guessed price.
 */
export const HUB_TARIFF_TABLES = TARIFF_TABLES;

const refusal = (r: SocialRefusal): AppError => new AppError(r.code, r.params);
function value<T>(r: SocialResult<T>): T {
  if (!r.ok) throw refusal(r.refusal);
  return r.value;
}

function requireNotFuture(ctx: ApplyContext, at: LocalDateTime): void {
  const limit = addMinutesLocal(romeDateTimeOf(new Date(ctx.at)).slice(0, 16), CLOCK_SKEW_MINUTES);
  if (compareLocalDateTimes(at, limit) > 0)
    throw new AppError('invalid_input', { detail: `at: ${at} è nel futuro`, field: 'at' });
}

const isee = (i: SocialIsee | null) => value(checkSocialIsee(i));

function checkIbanOrRefuse(text: string): string {
  const r = checkIban(text);
  if (r.ok) return r.iban;
  const reason = r.error.code === 'iban_check_digits' ? 'check_digits' : r.error.params.reason;
  const words: Record<string, [string, string]> = {
    check_digits: ['i caratteri di controllo non corrispondono', 'the check digits do not match'],
    length: [r.error.params.expected, 'wrong length'],
  };
  const [it, en] = words[reason] ?? [r.error.params.expected, reason];
  throw new AppError('social_iban_invalid', { iban: r.error.params.iban, detail_it: it, detail_en: en });
}

/** The case a filing opens must be the service's own, received at the filing's time. */
function checkCase(args: { at: string; case: MutationArgs<'social.contributo'>['case'] }, procedure: string) {
  if (args.case.procedureCode !== procedure)
    throw new AppError('social_case_mismatch', { detail: `${args.case.procedureCode} ≠ ${procedure}` });
  if (args.case.at !== args.at) throw new AppError('social_case_mismatch', { detail: 'at' });
}

/** The requester checked by the rules, then named from the hub's registry (never the desk's copy). */
async function requesterOrRefuse(
  ctx: ApplyContext,
  requester: MutationArgs<'social.contributo'>['requester'],
  beneficiary: PersonRef,
) {
  const checked = value(checkRequester(requester));
  const known = await hubRequester(ctx.trx, ctx.ws.comune, checked, beneficiary);
  if (!known) throw new AppError('social_requester_missing', { field_it: 'persona', field_en: 'person' });
  return known;
}

async function beneficiaryOrRefuse(ctx: ApplyContext, id: string) {
  const b = await residentBeneficiary(ctx.trx, ctx.ws.comune, id);
  if (!b) throw new AppError('social_beneficiary_unknown');
  return b;
}

/**
 * social.contributo (§10.2): the application, re-checked from the hub's data — the beneficiary
 * a resident and the household from the registry of record, the requester's decree, the ISEE,
 * the IBAN — then the case opens (contributo_economico: 60 days, four eyes) in the same
 * transaction, with its protocol number.
 */
const applyContributo: Applier<'social.contributo'> = async (ctx, args) => {
  await requireSocialOffice(ctx.trx, ctx.clerk.username, ctx.ws.id);
  requireNotFuture(ctx, args.at);
  const existing = await findContributo(ctx.trx, ctx.ws.comune, args.contributoId);
  if (existing) throw new AppError('social_already_filed', { id: args.contributoId });
  const today = localDateOf(args.at);
  const b = await beneficiaryOrRefuse(ctx, args.beneficiaryId);
  const requester = await requesterOrRefuse(ctx, args.requester, b.ref);
  const statement = isee(args.isee);
  const iban = checkIbanOrRefuse(args.iban);
  checkCase(args, CONTRIBUTO_PROCEDURE);
  await openCaseFiledBy(ctx, args.case, applicantOf(requester));
  const record: ContributoRecord = {
    id: args.contributoId,
    comune: ctx.ws.comune,
    caseId: args.case.caseId,
    beneficiary: b.ref,
    household: b.household,
    requester,
    isee: statement,
    band: iseeBandOn(statement, today).band,
    disability: args.disability,
    iban,
    need: args.need,
    needNote: args.needNote,
    appliedOn: today,
    assessment: null,
    amountCents: null,
    frequency: null,
    startOn: null,
    endOn: null,
    status: 'applied',
    schedule: [],
    stop: null,
  };
  await saveContributo(ctx.trx, record, ctx.at, ctx.mutationId);
};

const STATUS_WORDS: Record<string, [string, string]> = {
  applied: ['presentata', 'filed'],
  assessed: ['valutata', 'assessed'],
  approved: ['approvata', 'approved'],
  rejected: ['respinta', 'rejected'],
  stopped: ['sospesa', 'stopped'],
  ended: ['conclusa', 'ended'],
  visited: ['visitata', 'visited'],
  planned: ['con PAI', 'planned'],
  active: ['attiva', 'active'],
  waiting: ['in lista d’attesa', 'on the waiting list'],
};
const stepRefused = (status: string, it: string, en: string) => {
  const [sIt, sEn] = STATUS_WORDS[status] ?? [status, status];
  return new AppError('social_step_invalid', {
    status_it: sIt,
    status_en: sEn,
    detail_it: it,
    detail_en: en,
  });
};

/**
 * social.assessment: the social worker's assessment and individual project, the amount and
 * period → the monthly schedule, computed here. The decision stays the case engine's: the worker
 * proposes, another person approves (needsSecondApproval), and `contributoDecided` applies it.
 */
const assessContributo: Applier<'social.assessment'> = async (ctx, args) => {
  await requireSocialOffice(ctx.trx, ctx.clerk.username, ctx.ws.id);
  requireNotFuture(ctx, args.at);
  const c = await findContributo(ctx.trx, ctx.ws.comune, args.contributoId);
  if (!c) throw new AppError('social_not_found', { id: args.contributoId });
  if (c.status !== 'applied' && c.status !== 'assessed')
    throw stepRefused(
      c.status,
      'la valutazione precede la decisione',
      'the assessment comes before the decision',
    );
  if (args.assessment.trim().length < 10 || args.project.trim().length < 10)
    throw new AppError('social_requester_missing', {
      field_it: 'valutazione e progetto individuale',
      field_en: 'assessment and individual project',
    });
  const schedule = value(paymentSchedule(args.amountCents, args.startOn, args.endOn));
  const next: ContributoRecord = {
    ...c,
    assessment: {
      text: args.assessment,
      project: args.project,
      by: ctx.clerk.username,
      on: localDateOf(args.at),
    },
    amountCents: args.amountCents,
    frequency: args.frequency,
    startOn: args.startOn,
    endOn: args.endOn,
    status: 'assessed',
    schedule,
  };
  await saveContributo(ctx.trx, next, ctx.at, ctx.mutationId);
};

/**
 * The case engine decided a contributo (four eyes): approval needs the assessment (no schedule,
 * no payment); a refusal drops the schedule. Throwing refuses the decision as a whole.
 */
async function contributoDecided(ctx: ApplyContext, record: CaseRecord): Promise<void> {
  const c = await findContributoByCase(ctx.trx, ctx.ws.comune, record.state.id);
  if (!c) return;
  // the case engine lets any supervisor decide; a contributo's file is the office's alone
  await requireSocialOffice(ctx.trx, ctx.clerk.username, ctx.ws.id);
  if (record.state.status === 'approved') {
    if (c.status !== 'assessed' || c.schedule.length === 0)
      throw stepRefused(
        c.status,
        'manca la valutazione con il progetto',
        'the assessment and project are missing',
      );
    await saveContributo(ctx.trx, { ...c, status: 'approved' }, ctx.at, ctx.mutationId);
  } else {
    await saveContributo(ctx.trx, { ...c, status: 'rejected', schedule: [] }, ctx.at, ctx.mutationId);
  }
}

// ─── SAD ───

const applySad: Applier<'social.sadApply'> = async (ctx, args) => {
  await requireSocialOffice(ctx.trx, ctx.clerk.username, ctx.ws.id);
  requireNotFuture(ctx, args.at);
  if (await findSad(ctx.trx, ctx.ws.comune, args.sadId))
    throw new AppError('social_already_filed', { id: args.sadId });
  const b = await beneficiaryOrRefuse(ctx, args.beneficiaryId);
  const requester = await requesterOrRefuse(ctx, args.requester, b.ref);
  const statement = isee(args.isee);
  checkCase(args, SAD_PROCEDURE);
  await openCaseFiledBy(ctx, args.case, applicantOf(requester));
  const record: SadRecord = {
    id: args.sadId,
    comune: ctx.ws.comune,
    caseId: args.case.caseId,
    beneficiary: b.ref,
    requester,
    isee: statement,
    disability: args.disability,
    needNote: args.needNote,
    appliedOn: localDateOf(args.at),
    status: 'applied',
    visit: null,
    plan: null,
    startedOn: null,
    waiting: null,
    stop: null,
    months: [],
  };
  await saveSad(ctx.trx, record, ctx.at, ctx.mutationId);
};

async function sadOrRefuse(
  ctx: ApplyContext,
  id: string,
  allowed: readonly string[],
  it: string,
  en: string,
) {
  const s = await findSad(ctx.trx, ctx.ws.comune, id);
  if (!s) throw new AppError('social_not_found', { id });
  if (!allowed.includes(s.status)) throw stepRefused(s.status, it, en);
  return s;
}

const visitSad: Applier<'social.sadVisit'> = async (ctx, args) => {
  await requireSocialOffice(ctx.trx, ctx.clerk.username, ctx.ws.id);
  requireNotFuture(ctx, args.at);
  const s = await sadOrRefuse(
    ctx,
    args.sadId,
    ['applied', 'visited'],
    'la visita precede il PAI',
    'the visit comes before the plan',
  );
  const next: SadRecord = {
    ...s,
    status: 'visited',
    visit: {
      visitedOn: args.visitedOn,
      livesAlone: args.livesAlone,
      notes: args.notes,
      by: ctx.clerk.username,
    },
  };
  await saveSad(ctx.trx, next, ctx.at, ctx.mutationId);
};

/** The personalised hourly rate per operator on `day`, from the hub's ISEE tables. */
export function sadRateOn(s: Pick<SadRecord, 'comune' | 'isee'>, day: string) {
  const table = tableOn(HUB_TARIFF_TABLES, s.comune, 'sad', day);
  if (!table.ok) throw new AppError('social_tariff_missing', { day });
  const { iseeCents, band } = iseeBandOn(s.isee, day);
  const choice = tariffFor(table.table, { iseeCents, resident: true, operators: 1 });
  if (!choice.ok) throw new AppError('social_tariff_missing', { day });
  return {
    hourlyRateCents: choice.unitPriceCents,
    band: { chosenBy: choice.chosenBy, bandLabel: choice.bandLabel.slice(0, 120), warning: band.warning },
  };
}

/**
 * social.sadPlan (PAI, §10.3 step 3): hours, operators, tasks checked; the personalised hourly
 * rate recomputed from the ISEE on the plan's day with the comune's table (per operator,
 * §10.1 Cassano d'Adda) and a different rate claimed by the desk refused.
 */
const planSad: Applier<'social.sadPlan'> = async (ctx, args) => {
  await requireSocialOffice(ctx.trx, ctx.clerk.username, ctx.ws.id);
  requireNotFuture(ctx, args.at);
  const s = await sadOrRefuse(
    ctx,
    args.sadId,
    // a running or waiting service gets a new PAI (hours changed, a new ISEE): it stays where it is
    ['visited', 'planned', 'active', 'waiting'],
    'il PAI segue la visita domiciliare',
    'the plan follows the home visit',
  );
  value(checkPlan(args.hoursPerWeek, args.operators, args.tasks));
  const today = localDateOf(args.at);
  const rate = sadRateOn(s, today);
  if (rate.hourlyRateCents !== args.hourlyRateCents)
    throw new AppError('social_rate_mismatch', {
      claimed: formatEuro(cents(args.hourlyRateCents), 'it'),
      due: formatEuro(cents(rate.hourlyRateCents), 'it'),
    });
  const next: SadRecord = {
    ...s,
    status: s.status === 'visited' ? 'planned' : s.status,
    plan: {
      hoursPerWeek: args.hoursPerWeek,
      operators: args.operators,
      tasks: [...new Set(args.tasks)],
      hourlyRateCents: rate.hourlyRateCents,
      band: rate.band,
      provider: args.provider,
      plannedOn: today,
    },
  };
  await saveSad(ctx.trx, next, ctx.at, ctx.mutationId);
};

/**
 * Re-ranks the comune's waiting list by its dated criteria and saves every record whose
 * position moved (the supervisor's list on every counter follows).
 */
export async function rerankWaiting(
  trx: Transaction<HubDatabase>,
  comune: string,
  day: string,
  at: string,
  mutationId: string | null,
): Promise<void> {
  const waiting = await sadsWith(trx, comune, { status: ['waiting'] });
  const ordered = waiting
    .map((s) => ({ s, id: s.id, points: s.waiting?.points ?? 0, since: s.waiting?.since ?? day }))
    .sort(compareWaiting);
  for (const [i, { s }] of ordered.entries()) {
    if (s.waiting && s.waiting.position !== i + 1)
      await saveSad(trx, { ...s, waiting: { ...s.waiting, position: i + 1 } }, at, mutationId);
  }
}

/**
 * social.sadStart (§10.3 step 4): the service starts if the comune has a place (its dated
 * capacity); else the application waits, scored by the comune's criteria (lives alone, age,
 * L. 104, accompanying allowance, ISEE), and the list is re-ranked. A supervisor asks.
 */
const startSad: Applier<'social.sadStart'> = async (ctx, args) => {
  await requireSocialOffice(ctx.trx, ctx.clerk.username, ctx.ws.id);
  requireNotFuture(ctx, args.at);
  const comune = ctx.ws.comune;
  const s = await sadOrRefuse(
    ctx,
    args.sadId,
    ['planned', 'waiting'],
    'l’avvio segue il PAI',
    'the start follows the plan',
  );
  const today = localDateOf(args.at);
  const criteria = criteriaOn(comune, today);
  if (!criteria) throw new AppError('social_tariff_missing', { day: today });
  const active = (await sadsWith(ctx.trx, comune, { status: ['active'] })).length;
  if (active < criteria.capacity) {
    await saveSad(
      ctx.trx,
      { ...s, status: 'active', startedOn: args.startOn, waiting: null },
      ctx.at,
      ctx.mutationId,
    );
    if (s.status === 'waiting') await rerankWaiting(ctx.trx, comune, today, ctx.at, ctx.mutationId);
    return;
  }
  if (s.status === 'waiting') throw stepRefused(s.status, 'nessun posto libero', 'no place free');
  const b = await residentBeneficiary(ctx.trx, comune, s.beneficiary.personId);
  const scored = waitingPoints(criteria, {
    livesAlone: s.visit?.livesAlone ?? false,
    age: b ? ageOn(b.birthDate, today) : 0,
    disability: s.disability,
    iseeCents: iseeBandOn(s.isee, today).iseeCents,
  });
  const points = scored.reduce((n, c) => n + c.points, 0);
  await saveSad(
    ctx.trx,
    { ...s, status: 'waiting', waiting: { since: today, points, position: 1_000_000, criteria: scored } },
    ctx.at,
    ctx.mutationId,
  );
  await rerankWaiting(ctx.trx, comune, today, ctx.at, ctx.mutationId);
};

export const SOCIAL_APPLIERS: {
  [
    N in
      | 'social.contributo'
      | 'social.assessment'
      | 'social.sadApply'
      | 'social.sadVisit'
      | 'social.sadPlan'
      | 'social.sadStart'
  ]: Applier<N>;
} = {
  'social.contributo': applyContributo,
  'social.assessment': assessContributo,
  'social.sadApply': applySad,
  'social.sadVisit': visitSad,
  'social.sadPlan': planSad,
  'social.sadStart': startSad,
};

export const SOCIAL_DECIDED_PROCEDURES = [CONTRIBUTO_PROCEDURE] as const;
export { contributoDecided };
