import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { DeskContext } from '../context';
import { getMeta, setMeta } from '../db/meta-repository';
import { assertHubUrlAllowed } from '../managed-config/managed-config';
import { managedSetupView } from '../managed-config/managed-runtime';

/** The workstation's numbering series (certificates, receipts), handed out by the hub. */
export const SERIES_KEY = 'workstation.series';

export async function setupStatus(ctx: DeskContext): Promise<CallOutput<'setup:status'>> {
  const credential = ctx.credentials.read();
  const belfiore = await getMeta(ctx.db, 'comune.belfiore');
  const name = await getMeta(ctx.db, 'comune.name');
  return {
    enrolled: credential !== null,
    workstation: credential?.workstation ?? null,
    hubUrl: credential?.hubUrl ?? ctx.config.managed?.config.hubUrls[0] ?? null,
    comune: belfiore && name ? { belfiore, name } : null,
    revoked: ctx.state.sync.state === 'revoked' ? ctx.state.sync.error : null,
    managed: managedSetupView(ctx.config.managed),
  };
}

/**
 * First run: IT types the hub address and the one-time code issued by the hub's admin (or the
 * managed configuration presets both, first-run.ts); the workstation receives its device
 * credential and belongs to that comune from then on. On a managed workstation the hub address
 * must be one IT listed, the ring IT assigned travels with the code, and a code issued for
 * another comune or workstation than the file names is refused (the credential is not kept).
 */
export async function enrol(
  ctx: DeskContext,
  input: CallInput<'setup:enrol'>,
): Promise<CallOutput<'setup:enrol'>> {
  const existing = ctx.credentials.read();
  if (existing) throw new AppError('already_enrolled', { workstation: existing.workstation });
  const managed = ctx.config.managed?.config;
  assertHubUrlAllowed(managed, input.hubUrl);
  const res = await ctx.hub.enrol(input.hubUrl, input.code, managed?.ring ?? null);
  if (managed?.comune && managed.comune !== res.comune.belfiore)
    throw new AppError('managed_enrolment_mismatch', {
      actual: `${res.comune.name} (${res.comune.belfiore})`,
      expected: managed.comune,
    });
  if (managed?.workstation && managed.workstation !== res.workstation.name)
    throw new AppError('managed_enrolment_mismatch', {
      actual: res.workstation.name,
      expected: managed.workstation,
    });
  ctx.credentials.write({ hubUrl: input.hubUrl, workstation: res.workstation.name, token: res.token });
  await setMeta(ctx.db, 'comune.belfiore', res.comune.belfiore);
  await setMeta(ctx.db, 'comune.name', res.comune.name);
  await setMeta(ctx.db, SERIES_KEY, res.workstation.series);
  ctx.state.sync = {
    ...ctx.state.sync,
    state: ctx.state.sync.state === 'revoked' ? 'never' : ctx.state.sync.state,
    error: null,
  };
  ctx.sync.nudge();
  return setupStatus(ctx);
}
