import { STAFF_NAMES_PATH, staffNamesSchema } from '../../../shared/admin/admin-wire';
import type { CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { requireSession, type DeskContext } from '../context';

/**
 * The names people expect on queues, registers and audit views, not usernames: the hub's list
 * when online (kept here), the last one kept when offline. A username the list lacks is shown
 * as it is.
 */
export async function staffNames(ctx: DeskContext): Promise<CallOutput<'admin:staffNames'>> {
  const session = requireSession(ctx);
  if (session.hubToken) {
    try {
      const fresh = await ctx.hub.call(
        STAFF_NAMES_PATH,
        { method: 'GET', clerkToken: session.hubToken, timeoutMs: 5000 },
        staffNamesSchema,
      );
      const rows = Object.entries(fresh.names).map(([username, display_name]) => ({
        username,
        display_name,
      }));
      if (rows.length > 0)
        await ctx.db.transaction().execute(async (trx) => {
          for (const row of rows)
            await trx
              .insertInto('staff_names')
              .values(row)
              .onConflict((oc) => oc.column('username').doUpdateSet({ display_name: row.display_name }))
              .execute();
        });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'hub_unreachable') throw err;
    }
  }
  const kept = await ctx.db.selectFrom('staff_names').select(['username', 'display_name']).execute();
  const names: Record<string, string> = Object.fromEntries(kept.map((r) => [r.username, r.display_name]));
  // the person at the counter is always known, even before the first online look
  names[session.info.clerk.username] = session.info.clerk.displayName;
  return { names };
}
