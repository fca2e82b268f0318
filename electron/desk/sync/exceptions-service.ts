import type { CallOutput } from '../../../shared/contract/contract';
import type { SyncException } from '../../../shared/contract/views';
import { requireAllowed } from '../../../shared/auth/policy';
import { AppError, isErrorCode } from '../../../shared/errors/app-error';
import type { Locale } from '../../../shared/i18n/locale';
import { describeChange } from '../../../shared/sync/describe-change';
import { describeMutation } from '../../../shared/sync/describe-mutation';
import { ageMinutes, exceptionKind } from '../../../shared/sync/exception-kind';
import { requireSession, type DeskContext } from '../context';

/** The clerk's words for a code, in their language; the hub's own text when this release does not know it. */
const wordsFor = (code: string, entity: string, fallback: string, locale: Locale): string =>
  isErrorCode(code) ? new AppError(code, { entity }).toData(locale).message : fallback;

/**
 * What did not go through at this counter, newest first, in words a clerk reads: changes the hub
 * refused, and records from the hub this counter set aside (quarantine.ts), each with its kind
 * (settles by itself or needs a person) and age.
 */
export async function listExceptions(ctx: DeskContext): Promise<CallOutput<'sync:exceptions'>> {
  const now = ctx.now();
  const refused = await ctx.db
    .selectFrom('sync_exceptions')
    .selectAll()
    .orderBy('received_at', 'desc')
    .limit(200)
    .execute();
  const setAside = await ctx.db
    .selectFrom('quarantined_changes')
    .select(['seq', 'entity', 'entity_id', 'code', 'quarantined_at'])
    .orderBy('seq', 'desc')
    .limit(200)
    .execute();
  const rows: SyncException[] = [
    ...refused.map((r) => ({
      mutationId: r.mutation_id,
      name: r.name,
      clerk: r.clerk,
      workstation: null,
      at: r.at,
      code: r.code,
      message: r.message,
      summary: describeMutation(r.name, JSON.parse(r.args)),
      source: 'push' as const,
      kind: exceptionKind(r.code),
      ageMinutes: ageMinutes(r.at, now),
    })),
    ...setAside.map((q) => ({
      mutationId: `log-${q.seq}`,
      name: `change.${q.entity}`,
      clerk: '',
      workstation: null,
      at: q.quarantined_at,
      code: q.code,
      message: wordsFor(q.code, q.entity, q.code, ctx.state.locale),
      summary: describeChange(q.entity, q.entity_id),
      source: 'pull' as const,
      kind: exceptionKind(q.code),
      ageMinutes: ageMinutes(q.quarantined_at, now),
    })),
  ];
  return rows.sort((a, b) => b.at.localeCompare(a.at));
}

/** Every counter's exceptions in the comune, from the hub: supervisors and admins only, online only. */
export async function listComuneExceptions(ctx: DeskContext): Promise<CallOutput<'sync:comuneExceptions'>> {
  const session = requireSession(ctx);
  requireAllowed(session.info.clerk.role, 'sync.comuneExceptions');
  if (!session.hubToken) throw new AppError('hub_unreachable');
  const res = await ctx.hub.comuneExceptions(session.hubToken);
  const now = ctx.now();
  return res.exceptions.map((x) => {
    const pulled = x.source === 'pull';
    const entity = x.entity ?? '';
    return {
      mutationId: x.mutationId,
      name: x.name,
      clerk: x.clerk,
      workstation: x.workstation,
      at: x.at,
      code: x.code,
      message: pulled ? wordsFor(x.code, entity, x.message, ctx.state.locale) : x.message,
      summary: pulled ? describeChange(entity, x.entityId ?? '') : describeMutation(x.name, x.args),
      source: x.source,
      kind: exceptionKind(x.code),
      ageMinutes: ageMinutes(x.at, now),
    };
  });
}
