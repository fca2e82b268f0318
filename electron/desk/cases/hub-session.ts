import { AppError } from '../../../shared/errors/app-error';
import type { DeskContext } from '../context';

/** The clerk's hub session: what only an online, logged-in person may ask the hub. */
export function hubSessionToken(ctx: DeskContext, what: string): string {
  const token = ctx.state.session?.hubToken ?? null;
  if (!token) throw new AppError('case_hub_required', { what });
  return token;
}
