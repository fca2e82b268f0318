import { AppError } from '../../../shared/errors/app-error';
import type { DeskCore } from '../core';

/**
 * A managed workstation's first start: enrol with IT's one-time code, no one at the keyboard.
 * The hubs are tried in the file's order while they are unreachable; any other refusal (a used
 * code, a code for another comune) stops there. What happened is kept for the first-run screen,
 * which says "registered automatically" or shows the reason and lets IT type a code by hand.
 */
export async function enrolSilently(core: DeskCore): Promise<'enrolled' | 'failed' | 'not-needed'> {
  const managed = core.ctx.config.managed;
  const code = managed?.config.enrolmentCode;
  if (!managed || !code || core.ctx.credentials.read()) return 'not-needed';
  let last: { code: string; message: string } | null = null;
  for (const hubUrl of managed.config.hubUrls) {
    const res = await core.dispatch('setup:enrol', { hubUrl, code });
    if (res.ok) {
      managed.silentEnrolment = { ok: true, message: null };
      return 'enrolled';
    }
    last = res.error;
    if (res.error.code !== 'hub_unreachable') break;
  }
  managed.silentEnrolment = {
    ok: false,
    message: last?.message ?? new AppError('hub_unreachable').toData(core.ctx.state.locale).message,
  };
  return 'failed';
}
