import type { CallOutput } from '../../../shared/contract/contract';
import type { DeskContext } from '../context';

/** Rejected local changes, newest first, with what they tried to do in words a clerk reads. */
export async function listExceptions(ctx: DeskContext): Promise<CallOutput<'sync:exceptions'>> {
  const rows = await ctx.db
    .selectFrom('sync_exceptions')
    .selectAll()
    .orderBy('received_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    mutationId: r.mutation_id,
    name: r.name,
    clerk: r.clerk,
    at: r.at,
    code: r.code,
    message: r.message,
    summary: summarize(r.name, r.args),
  }));
}

function summarize(name: string, args: string): string {
  const a = JSON.parse(args) as Record<string, unknown>;
  if (name === 'registry.updateContacts') {
    return `Recapiti scheda ${String(a.residentId)}: tel. ${String(a.phone ?? '—')}, e-mail ${String(a.email ?? '—')}`;
  }
  return name;
}
