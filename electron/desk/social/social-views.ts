import type { ContributoView, SadView, WaitingListEntryView } from '../../../shared/social/social-views';
import type { ContributoRecord, SadRecord } from '../../../shared/social/social-wire';
import type { DeskContext } from '../context';
import { pendingSocialIds } from './social-repository';
import { personName } from './social-request';

/** The cases' protocol numbers as the mirror's cases table has them (the record may lag). */
async function protocols(ctx: DeskContext, caseIds: readonly string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('cases')
    .select(['id', 'protocol'])
    .where('id', 'in', [...caseIds])
    .execute();
  return new Map(rows.flatMap((r) => (r.protocol ? [[r.id, r.protocol] as const] : [])));
}

export async function contributoViews(
  ctx: DeskContext,
  records: readonly ContributoRecord[],
): Promise<ContributoView[]> {
  const pending = await pendingSocialIds(ctx.db);
  const numbers = await protocols(
    ctx,
    records.map((r) => r.caseId),
  );
  return records.map((r) => ({
    ...r,
    beneficiaryName: personName(r.beneficiary),
    protocolNumber: numbers.get(r.caseId) ?? null,
    pending: pending.has(r.id),
  }));
}

export async function sadViews(ctx: DeskContext, records: readonly SadRecord[]): Promise<SadView[]> {
  const pending = await pendingSocialIds(ctx.db);
  const numbers = await protocols(
    ctx,
    records.map((r) => r.caseId),
  );
  return records.map((r) => ({
    ...r,
    beneficiaryName: personName(r.beneficiary),
    protocolNumber: numbers.get(r.caseId) ?? null,
    pending: pending.has(r.id),
  }));
}

/** The waiting list as the supervisor reads it: position, person, points and why. */
export const waitingEntries = (records: readonly SadRecord[]): WaitingListEntryView[] =>
  records.flatMap((r) =>
    r.waiting
      ? [
          {
            sadId: r.id,
            position: r.waiting.position,
            beneficiaryName: personName(r.beneficiary),
            points: r.waiting.points,
            since: r.waiting.since,
            criteria: r.waiting.criteria.map((c) => ({ it: c.it, en: c.en, points: c.points })),
          },
        ]
      : [],
  );
