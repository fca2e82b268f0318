import type { SyncStatus } from '../../../shared/contract/views';
import { AppError } from '../../../shared/errors/app-error';
import type { DeskContext } from '../context';
import { countResidents } from '../registry/registry-repository';
import { bootstrapRegistry } from './bootstrap';

const runs = new WeakMap<DeskContext, Promise<SyncStatus>>();

/** Pulls the registry if it was never pulled; concurrent callers share one run. */
export function refreshSync(ctx: DeskContext): Promise<SyncStatus> {
  const existing = runs.get(ctx);
  if (existing) return existing;
  const run = (async () => {
    ctx.state.sync = { ...ctx.state.sync, state: 'running', error: null, progress: { done: 0, total: 0 } };
    try {
      const { residents } = await bootstrapRegistry(ctx.db, ctx.hub, (done, total) => {
        ctx.state.sync = { ...ctx.state.sync, progress: { done, total } };
      });
      ctx.state.sync = {
        state: 'ready',
        residents,
        lastSyncAt: ctx.now().toISOString(),
        progress: null,
        error: null,
      };
    } catch (err) {
      const message = err instanceof AppError ? err.toData(ctx.state.locale).message : String(err);
      ctx.state.sync = {
        ...ctx.state.sync,
        state: 'error',
        error: message,
        residents: await countResidents(ctx.db),
      };
    } finally {
      runs.delete(ctx);
    }
    return ctx.state.sync;
  })();
  runs.set(ctx, run);
  return run;
}
