import type { Transaction } from 'kysely';
import { iseeOn } from '../../../shared/isee/statement';
import { localDateOf } from '../../../shared/protocol/local-date-time';
import type {
  Assessment,
  ContributoApply,
  SadApply,
  SadPlan,
  SadStart,
  SadVisit,
  SocialIsee,
} from '../../../shared/social/social-wire';
import { CASE_LOCAL_EFFECTS } from '../cases/case-effects';
import type { Database } from '../db/database';
import type { EffectMeta } from '../sync/effect';
import {
  findContributo,
  findSad,
  saveContributo,
  saveSad,
  updateOwnContributo,
  updateOwnSad,
} from './social-repository';
import { householdOf, householdRefs } from './social-request';

/**
 * The optimistic effects of the social mutations on this counter's mirror, replayed after every
 * pull until the hub confirms: each is idempotent and never goes back over a step the hub has
 * already taken. Amounts and places on the waiting list are the hub's; until it answers the
 * record shows what the worker filed.
 */

async function comuneOf(trx: Transaction<Database>): Promise<string | null> {
  const row = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'comune.belfiore')
    .executeTakeFirst();
  return row?.value ?? null;
}

/** Where the ISEE puts the family before the hub prices anything: valid, missing or expired. */
function bandOf(isee: SocialIsee | null, day: string) {
  const on = iseeOn(isee, day);
  if (on.kind === 'valid') return { chosenBy: 'isee' as const, bandLabel: `ISEE ${on.type}`, warning: null };
  return {
    chosenBy: 'no_isee' as const,
    bandLabel: 'senza ISEE',
    warning: on.reason === 'expired' ? on.warning.it : null,
  };
}

async function beneficiaryOf(trx: Transaction<Database>, id: string) {
  try {
    return householdRefs(await householdOf(trx, id));
  } catch {
    // no longer resident here since filing: the hub will say so
    return null;
  }
}

export async function contributoEffect(
  trx: Transaction<Database>,
  args: ContributoApply,
  meta: EffectMeta,
): Promise<void> {
  await CASE_LOCAL_EFFECTS['cases.open'](trx, args.case, meta);
  const comune = await comuneOf(trx);
  const people = await beneficiaryOf(trx, args.beneficiaryId);
  if (!comune || !people) return;
  const day = localDateOf(args.at);
  await saveContributo(
    trx,
    {
      id: args.contributoId,
      comune,
      caseId: args.case.caseId,
      beneficiary: people.beneficiary,
      household: people.household,
      requester: args.requester,
      isee: args.isee,
      band: bandOf(args.isee, day),
      disability: args.disability,
      iban: args.iban.replace(/\s+/g, '').toUpperCase(),
      need: args.need,
      needNote: args.needNote,
      appliedOn: day,
      assessment: null,
      amountCents: null,
      frequency: null,
      startOn: null,
      endOn: null,
      status: 'applied',
      schedule: [],
      stop: null,
    },
    { confirmed: false },
  );
}

export async function assessmentEffect(
  trx: Transaction<Database>,
  args: Assessment,
  meta: EffectMeta,
): Promise<void> {
  const r = await findContributo(trx, args.contributoId);
  if (!r || r.status !== 'applied') return;
  await updateOwnContributo(trx, {
    ...r,
    status: 'assessed',
    assessment: { text: args.assessment, project: args.project, by: meta.clerk, on: localDateOf(args.at) },
    amountCents: args.amountCents,
    frequency: args.frequency,
    startOn: args.startOn,
    endOn: args.endOn,
  });
}

export async function sadApplyEffect(
  trx: Transaction<Database>,
  args: SadApply,
  meta: EffectMeta,
): Promise<void> {
  await CASE_LOCAL_EFFECTS['cases.open'](trx, args.case, meta);
  const comune = await comuneOf(trx);
  const people = await beneficiaryOf(trx, args.beneficiaryId);
  if (!comune || !people) return;
  await saveSad(
    trx,
    {
      id: args.sadId,
      comune,
      caseId: args.case.caseId,
      beneficiary: people.beneficiary,
      requester: args.requester,
      isee: args.isee,
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
    },
    { confirmed: false },
  );
}

export async function sadVisitEffect(
  trx: Transaction<Database>,
  args: SadVisit,
  meta: EffectMeta,
): Promise<void> {
  const r = await findSad(trx, args.sadId);
  if (!r || r.status !== 'applied') return;
  await updateOwnSad(trx, {
    ...r,
    status: 'visited',
    visit: { visitedOn: args.visitedOn, livesAlone: args.livesAlone, notes: args.notes, by: meta.clerk },
  });
}

export async function sadPlanEffect(trx: Transaction<Database>, args: SadPlan): Promise<void> {
  const r = await findSad(trx, args.sadId);
  if (!r || r.status !== 'visited' || args.operators < 1 || args.operators > 3) return;
  const day = localDateOf(args.at);
  await updateOwnSad(trx, {
    ...r,
    status: 'planned',
    plan: {
      hoursPerWeek: args.hoursPerWeek,
      operators: args.operators,
      tasks: args.tasks,
      hourlyRateCents: args.hourlyRateCents,
      band: bandOf(r.isee, day),
      provider: args.provider,
      plannedOn: day,
    },
  });
}

/**
 * Starting is the hub's decision (a free place, or the waiting list by the comune's criteria):
 * the counter records nothing of its own meanwhile, the record shows the request as pending.
 */
export async function sadStartEffect(_trx: Transaction<Database>, _args: SadStart): Promise<void> {}
