import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import {
  CANONE_PROCEDURES,
  concessionKeyFrom,
  concessionNumberOf,
  type CanoneApplicationRecord,
} from '../../shared/canone/canone-wire';
import { noticeInstalments } from '../../shared/canone/instalments';
import { canoneSettingOn } from '../../shared/canone/tariffs';
import { yearOf } from '../../shared/calendar/iso-date';
import type { CaseRecord } from '../../shared/cases/case-record';
import { AppError } from '../../shared/errors/app-error';
import { localDateOf } from '../../shared/protocol/local-date-time';
import type { CaseDecisionHook } from '../services/hub-service';
import type { ApplyContext } from '../sync/apply-context';
import type { Transaction } from 'kysely';
import type { HubDatabase } from '../db/database';
import { debtorCodeOf, issueNoticeBatch } from './canone-notices';
import { findApplicationByCase, saveApplication } from './canone-repository';

/** The next concession number of the comune's sequence for `year`, in the caller's transaction. */
async function nextConcessionNumber(
  trx: Transaction<HubDatabase>,
  comune: string,
  year: number,
): Promise<string> {
  const row = await trx
    .selectFrom('canone_concession_counters')
    .select('last')
    .where('comune', '=', comune)
    .where('year', '=', year)
    .executeTakeFirst();
  const next = Number(row?.last ?? 0) + 1;
  if (row) {
    await trx
      .updateTable('canone_concession_counters')
      .set({ last: next })
      .where('comune', '=', comune)
      .where('year', '=', year)
      .execute();
  } else {
    await trx.insertInto('canone_concession_counters').values({ comune, year, last: next }).execute();
  }
  return concessionNumberOf(comune, year, next);
}

/** The reason the office gave for a refusal: the reject event's, else the proposal's. */
function refusalReason(c: CaseRecord): string | null {
  const entry = [...c.timeline].reverse().find((e) => e.type === 'reject');
  const why = entry?.why.trim() || c.state.proposal?.reason.trim() || '';
  return why === '' ? null : why.slice(0, 500);
}

/**
 * Approval (L. 160/2019 c.816 ff.): the concession's number from the hub's sequence and the
 * random key of its QR, its term (the occupation's own days; a permanent one until revoked or its
 * end), the pagoPA notices of the fee the hub computed at filing — one for a temporary
 * occupation, due 30 days after the decision; for a permanent one the first year's, in
 * instalments above the comune's threshold (instalments.ts) — and, when the occupation affects
 * traffic, a request to the local police for an ordinance.
 */
async function approve(ctx: ApplyContext, c: CaseRecord, app: CanoneApplicationRecord): Promise<void> {
  const outcome = c.state.outcome;
  const decidedOn =
    outcome && outcome.kind === 'approved' && outcome.finalAct
      ? outcome.finalAct.date
      : localDateOf(c.state.lastEventAt);
  const decidedBy = outcome && outcome.kind === 'approved' ? outcome.by : ctx.clerk.username;
  const number = await nextConcessionNumber(ctx.trx, app.comune, yearOf(decidedOn));
  const setting = canoneSettingOn(app.comune, app.start);
  if (!setting) throw new AppError('canone_no_tariff', { comune: app.comune, date: app.start });
  const instalments =
    app.regime === 'temporary'
      ? noticeInstalments(app.fee.totalCents, 'temporary', decidedOn, setting, decidedOn)
      : noticeInstalments(app.fee.totalCents, 'permanent', app.start, setting, decidedOn);
  const year = app.fee.year ?? yearOf(app.start);
  const notices = await issueNoticeBatch(
    ctx.trx,
    app.comune,
    [
      {
        applicationId: app.id,
        concessionNumber: number,
        debtor: debtorCodeOf(app.applicant),
        year,
        instalments,
      },
    ],
    ctx.at,
    ctx.mutationId,
  );
  if (app.trafficAffected) {
    await ctx.trx
      .insertInto('canone_police_requests')
      .values({
        id: uuidv7(),
        comune: app.comune,
        application_id: app.id,
        requested_on: decidedOn,
        status: 'open',
        created_at: ctx.at,
      })
      .execute();
  }
  await saveApplication(
    ctx.trx,
    {
      ...app,
      status: 'approved',
      concession: {
        number,
        verificationKey: concessionKeyFrom(randomBytes(5)),
        validFrom: app.start,
        validTo: app.end,
        decidedOn,
        decidedBy,
      },
      notices: [...app.notices, ...(notices.get(app.id) ?? [])],
      policeRequested: app.trafficAffected,
    },
    ctx.at,
    ctx.mutationId,
  );
}

/**
 * The case engine's decision on a canone case (`cases.transition` approve or reject, in its
 * transaction). A refusal comes after the art. 10-bis notice, which is the case engine's
 * `suspend` of kind refusal_notice. A case of these procedures opened before applications
 * existed (a subject line only) has no application: nothing to issue.
 */
export const canoneCaseDecisions: CaseDecisionHook = {
  procedures: CANONE_PROCEDURES,
  decided: async (ctx, c) => {
    const app = await findApplicationByCase(ctx.trx, ctx.ws.comune, c.state.id);
    if (!app || app.status !== 'submitted') return;
    if (c.state.status === 'approved') return approve(ctx, c, app);
    await saveApplication(
      ctx.trx,
      { ...app, status: 'refused', statusReason: refusalReason(c) },
      ctx.at,
      ctx.mutationId,
    );
  },
};
