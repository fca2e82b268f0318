import { z } from 'zod';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import { requireAllowed } from '../../../shared/auth/policy';
import { proceduresFor } from '../../../shared/cases/procedure-catalogue';
import {
  burdenResponseSchema,
  CASE_BASELINE_PATH,
  CASE_BURDEN_PATH,
  CASE_CLERKS_PATH,
  clerksResponseSchema,
  DOCUMENTS_SERIES,
  PROTOCOL_CANCEL_PATH,
  PROTOCOL_CORRECT_PATH,
  PROTOCOL_REGISTER_PATH,
  protocolRegisterResponseSchema,
  type AssignableClerk,
} from '../../../shared/cases/case-wire';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { requireSession, workstationName, type DeskContext } from '../context';
import { getMeta } from '../db/meta-repository';
import { hubSessionToken } from './hub-session';

/**
 * Who may be given cases: the hub's list of the comune's active staff when online; offline,
 * the people this counter knows (clerks who logged in here, assignees of local cases).
 */
export async function assignableClerks(ctx: DeskContext): Promise<AssignableClerk[]> {
  const session = requireSession(ctx);
  if (session.hubToken) {
    try {
      const res = await ctx.hub.call(
        CASE_CLERKS_PATH,
        { method: 'GET', clerkToken: session.hubToken },
        clerksResponseSchema,
      );
      return res.clerks;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'hub_unreachable') throw err;
    }
  }
  const cached = await ctx.db.selectFrom('clerk_verifiers').select('user').execute();
  const known = new Map<string, AssignableClerk>();
  for (const row of cached) {
    const user = JSON.parse(row.user) as { username: string; displayName?: string; role?: string };
    const role = user.role === 'supervisor' || user.role === 'admin' ? user.role : 'clerk';
    known.set(user.username, {
      username: user.username,
      displayName: user.displayName ?? user.username,
      role,
    });
  }
  const assignees = await ctx.db
    .selectFrom('cases')
    .select('assignee')
    .distinct()
    .where('assignee', 'is not', null)
    .execute();
  for (const a of assignees) {
    if (a.assignee && !known.has(a.assignee)) {
      known.set(a.assignee, { username: a.assignee, displayName: a.assignee, role: 'clerk' });
    }
  }
  return [...known.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'it'));
}

async function titles(ctx: DeskContext) {
  const comune = (await getMeta(ctx.db, 'comune.belfiore')) ?? '';
  const result: Record<string, { it: string; en: string }> = {
    [DOCUMENTS_SERIES]: { it: 'Certificati e autocertificazioni', en: 'Certificates and self-declarations' },
  };
  for (const p of proceduresFor(comune, romeDateOf(ctx.now()))) result[p.code] = p.title;
  return result;
}

/** The burden meter: every counter's figures, so only the hub can answer (online). */
export async function burden(
  ctx: DeskContext,
  input: CallInput<'cases:burden'>,
): Promise<CallOutput<'cases:burden'>> {
  requireSession(ctx);
  const res = await ctx.hub.call(
    `${CASE_BURDEN_PATH}?months=${input.months}`,
    { method: 'GET', clerkToken: hubSessionToken(ctx, 'misuratore degli oneri') },
    burdenResponseSchema,
  );
  return { ...res, titles: await titles(ctx) };
}

async function audited(ctx: DeskContext, action: string, entityId: string, reason: string): Promise<void> {
  const session = requireSession(ctx);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: ctx.now().toISOString(),
      clerk: session.info.clerk.username,
      workstation: workstationName(ctx),
      action,
      entity: 'protocol',
      entityId,
      reason: reason.slice(0, 300),
    }),
  );
}

export async function setBaseline(
  ctx: DeskContext,
  input: CallInput<'cases:setBaseline'>,
): Promise<CallOutput<'cases:setBaseline'>> {
  requireAllowed(requireSession(ctx).info.clerk.role, 'burden.setBaseline');
  await ctx.hub.call(
    CASE_BASELINE_PATH,
    { method: 'PUT', body: input, clerkToken: hubSessionToken(ctx, 'valori di riferimento') },
    z.object({ ok: z.literal(true) }),
  );
  await audited(ctx, 'burden.baseline', input.code, `riferimento ${input.code}`);
  return burden(ctx, { months: 12 });
}

export async function protocolRegister(
  ctx: DeskContext,
  input: CallInput<'cases:protocolRegister'>,
): Promise<CallOutput<'cases:protocolRegister'>> {
  requireSession(ctx);
  const qs = new URLSearchParams({ limit: String(input.limit) });
  if (input.year !== undefined) qs.set('year', String(input.year));
  return ctx.hub.call(
    `${PROTOCOL_REGISTER_PATH}?${qs.toString()}`,
    { method: 'GET', clerkToken: hubSessionToken(ctx, 'registro di protocollo') },
    protocolRegisterResponseSchema,
  );
}

/** Cancellation (art. 54): at the hub, by a supervisor, with the authorising act. */
export async function protocolCancel(
  ctx: DeskContext,
  input: CallInput<'cases:protocolCancel'>,
): Promise<CallOutput<'cases:protocolCancel'>> {
  requireAllowed(requireSession(ctx).info.clerk.role, 'protocol.cancel');
  await ctx.hub.call(
    PROTOCOL_CANCEL_PATH,
    { method: 'POST', body: input, clerkToken: hubSessionToken(ctx, 'registro di protocollo') },
    z.object({ ok: z.literal(true) }),
  );
  await audited(ctx, 'protocol.cancel', `${input.year}/${input.number}`, input.reason);
  return protocolRegister(ctx, { year: input.year, limit: 200 });
}

export async function protocolCorrect(
  ctx: DeskContext,
  input: CallInput<'cases:protocolCorrect'>,
): Promise<CallOutput<'cases:protocolCorrect'>> {
  requireAllowed(requireSession(ctx).info.clerk.role, 'protocol.correct');
  await ctx.hub.call(
    PROTOCOL_CORRECT_PATH,
    { method: 'POST', body: input, clerkToken: hubSessionToken(ctx, 'registro di protocollo') },
    z.object({ ok: z.literal(true) }),
  );
  await audited(ctx, 'protocol.correct', `${input.year}/${input.number}`, `${input.field}: ${input.reason}`);
  return protocolRegister(ctx, { year: input.year, limit: 200 });
}
