import type { Kysely } from 'kysely';
import { can } from '../../../shared/auth/policy';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import { MAX_AMBER_DAYS } from '../../../shared/cases/case-engine';
import { handlingStats } from '../../../shared/cases/deadline';
import { OPEN_STATUSES, type CaseStatus } from '../../../shared/cases/case-model';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import type { CaseDashboard, HandlingRow, QueueItem } from '../../../shared/contract/case-views';
import type { QueueInput } from '../../../shared/contract/case-inputs';
import { addDays } from '../../../shared/calendar/iso-date';
import { requireSession, type DeskContext } from '../context';
import type { Database } from '../db/database';
import { listComuneExceptions, listExceptions } from '../sync/exceptions-service';
import { recordOfRow, saveCaseRecord } from './case-store';
import { QUEUE_COLUMNS, queueItem } from './case-view-mapping';

/** Each sort, then the due date and the id: the order of the matching index (migration 1600). */
const SORT_COLUMNS = {
  due: ['due_date', 'id'],
  created: ['created_at', 'id'],
  protocol: ['protocol', 'id'],
  procedure: ['procedure_code', 'due_date', 'id'],
  status: ['status', 'due_date', 'id'],
  assignee: ['assignee', 'due_date', 'id'],
} as const;

/**
 * A running suspension moves the due date every day: suspended cases whose figures are from an
 * earlier day are brought to today before the queue reads them (few rows; none on most calls).
 */
export async function refreshSuspended(db: Kysely<Database>, today: string): Promise<void> {
  const stale = await db
    .selectFrom('cases')
    .select(['id', 'record', 'procedure_key'])
    .where('status', '=', 'suspended')
    .where('deadline_asof', '<', today)
    .execute();
  if (stale.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const row of stale) await saveCaseRecord(trx, await recordOfRow(trx, row), today);
  });
}

/**
 * The supervisor's queue: one filter, one sort, one window of rows (the screen asks for the
 * rows it shows). Every filter and the default sort run on an index (migration 1600); the
 * total comes from the same filter.
 */
export function queueQuery(db: Kysely<Database>, input: QueueInput, today: string, me: string) {
  let q = db.selectFrom('cases');
  if (input.scope === 'open') q = q.where('is_open', '=', 1);
  if (input.scope === 'concluded') q = q.where('is_open', '=', 0);
  if (input.office) q = q.where('office', '=', input.office);
  if (input.procedure) q = q.where('procedure_code', '=', input.procedure);
  if (input.status) q = q.where('status', '=', input.status);
  if (input.assignee === 'none') q = q.where('assignee', 'is', null);
  else if (input.assignee === 'me') q = q.where('assignee', '=', me);
  else if (input.assignee) q = q.where('assignee', '=', input.assignee);
  // Colours from the stored dates; the due-date bounds keep each one a range of the index.
  if (input.colour === 'red') q = q.where('due_date', '<', today);
  if (input.colour === 'amber') {
    q = q
      .where('due_date', '>=', today)
      .where('due_date', '<=', addDays(today, MAX_AMBER_DAYS))
      .where('amber_from', '<=', today);
  }
  if (input.colour === 'green') q = q.where('due_date', '>', today).where('amber_from', '>', today);
  if (input.text) {
    const like = `%${input.text.replace(/[%_]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([eb('subject', 'like', like), eb('applicant_name', 'like', like), eb('protocol', 'like', like)]),
    );
  }
  return q;
}

/** The ids of one window of the queue, in its order (read from the index, never sorted). */
export function windowQuery(base: ReturnType<typeof queueQuery>, input: QueueInput) {
  let q = base.select('id');
  for (const column of SORT_COLUMNS[input.sort]) q = q.orderBy(column, input.dir);
  return q.limit(input.limit).offset(input.offset);
}

export async function queue(
  ctx: DeskContext,
  input: CallInput<'cases:queue'>,
): Promise<CallOutput<'cases:queue'>> {
  const session = requireSession(ctx);
  const today = romeDateOf(ctx.now());
  await refreshSuspended(ctx.db, today);
  const base = queueQuery(ctx.db, input, today, session.info.clerk.username);
  // The window's ids first, from the index alone (however deep the scroll), then their rows.
  const ids = (await windowQuery(base, input).execute()).map((r) => r.id);
  const rows =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('cases')
          .select([...QUEUE_COLUMNS])
          .where('id', 'in', ids)
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    total: Number(total.n),
    offset: input.offset,
    items: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [queueItem(row, today)] : [];
    }),
    today,
  };
}

export async function casesOfResident(
  ctx: DeskContext,
  input: CallInput<'cases:forResident'>,
): Promise<QueueItem[]> {
  requireSession(ctx);
  const today = romeDateOf(ctx.now());
  const rows = await ctx.db
    .selectFrom('cases')
    .innerJoin('case_persons', 'case_persons.case_id', 'cases.id')
    .select(QUEUE_COLUMNS.map((c) => `cases.${c}` as const))
    .where('case_persons.person_key', '=', input.residentId)
    .orderBy('cases.created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => queueItem(r, today));
}

function statsRows(groups: Map<string, number[]>): HandlingRow[] {
  return [...groups.entries()]
    .map(([key, values]) => {
      const stats = handlingStats(values);
      return { key, count: stats?.count ?? 0, mean: stats?.mean ?? 0, p90: stats?.p90 ?? 0 };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The dashboard over the comune's cases in the local mirror: open cases by state and colour,
 * the overdue list, handling times (mean and p90, net of suspensions) per procedure and per
 * clerk over the last year, and the sync exceptions (every counter's when a supervisor is online).
 */
export async function dashboard(ctx: DeskContext): Promise<CaseDashboard> {
  const session = requireSession(ctx);
  const today = romeDateOf(ctx.now());
  await refreshSuspended(ctx.db, today);
  const byStatus = await ctx.db
    .selectFrom('cases')
    .select((eb) => [
      'status',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('due_date', '<', today).then(1).else(0).end()).as('red'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('due_date', '>=', today), eb('amber_from', '<=', today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('amber'),
    ])
    .where('is_open', '=', 1)
    .groupBy('status')
    .execute();
  const overdueRows = await ctx.db
    .selectFrom('cases')
    .select([...QUEUE_COLUMNS])
    .where('is_open', '=', 1)
    .where('due_date', '<', today)
    .orderBy('due_date')
    .limit(20)
    .execute();
  const handled = await ctx.db
    .selectFrom('cases')
    .select(['procedure_code', 'assignee', 'created_by', 'handling_days'])
    .where('handling_days', 'is not', null)
    .where('concluded_on', '>=', addDays(today, -365))
    .execute();
  const byProcedure = new Map<string, number[]>();
  const byClerk = new Map<string, number[]>();
  for (const h of handled) {
    const days = Number(h.handling_days);
    byProcedure.set(h.procedure_code, [...(byProcedure.get(h.procedure_code) ?? []), days]);
    const clerk = h.assignee ?? h.created_by;
    byClerk.set(clerk, [...(byClerk.get(clerk) ?? []), days]);
  }
  let exceptions = await listExceptions(ctx);
  let exceptionsSource: CaseDashboard['exceptionsSource'] = 'local';
  if (can(session.info.clerk.role, 'sync.comuneExceptions') && session.hubToken) {
    try {
      exceptions = await listComuneExceptions(ctx);
      exceptionsSource = 'hub';
    } catch {
      // offline or the hub refused: this counter's own list is still worth showing
    }
  }
  const statuses = OPEN_STATUSES.map((status) => {
    const row = byStatus.find((r) => r.status === status);
    const total = Number(row?.total ?? 0);
    const red = Number(row?.red ?? 0);
    const amber = Number(row?.amber ?? 0);
    return { status: status as CaseStatus, total, red, amber, green: total - red - amber };
  });
  return {
    today,
    openTotal: statuses.reduce((n, s) => n + s.total, 0),
    overdueTotal: statuses.reduce((n, s) => n + s.red, 0),
    byStatus: statuses,
    overdue: overdueRows.map((r) => queueItem(r, today)),
    handlingByProcedure: statsRows(byProcedure),
    handlingByClerk: statsRows(byClerk),
    exceptions: exceptions.filter((x) => x.name.startsWith('cases.')).slice(0, 50),
    exceptionsSource,
  };
}
