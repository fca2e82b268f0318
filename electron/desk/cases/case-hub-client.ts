import type { z } from 'zod';
import { AppError, isErrorCode } from '../../../shared/errors/app-error';
import { hubErrorSchema, PROTOCOL_VERSION } from '../../../shared/sync/registry-page';
import type { DeskContext } from '../context';

/**
 * HTTP to the hub's case and protocol routes, the same way the core's hub client talks (device
 * credential, protocol header, the clerk's hub session where a person's rights matter), kept
 * here so the case engine needs nothing from the shared client. Never called inside a
 * database transaction.
 */
export async function caseHubRequest<S extends z.ZodType>(
  ctx: DeskContext,
  path: string,
  init: { method: 'GET' | 'POST' | 'PUT'; body?: unknown; clerkToken?: string | null; timeoutMs?: number },
  schema: S,
): Promise<z.infer<S>> {
  const credential = ctx.credentials.read();
  if (!credential) throw new AppError('not_enrolled');
  let res: Response;
  try {
    res = await fetch(new URL(path, credential.hubUrl), {
      method: init.method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${credential.token}`,
        'x-sportello-protocol': String(PROTOCOL_VERSION),
        'x-sportello-version': ctx.config.version,
        'accept-language': ctx.state.locale,
        ...(init.clerkToken ? { 'x-sportello-clerk': init.clerkToken } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
    });
  } catch {
    throw new AppError('hub_unreachable');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = hubErrorSchema.safeParse(body);
    if (parsed.success && isErrorCode(parsed.data.error.code)) {
      throw new AppError(parsed.data.error.code, parsed.data.error.params ?? {});
    }
    throw new AppError('hub_error', { status: res.status });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError('hub_unreachable');
  return parsed.data;
}

/** The clerk's hub session: what only an online, logged-in person may ask the hub. */
export function hubSessionToken(ctx: DeskContext, what: string): string {
  const token = ctx.state.session?.hubToken ?? null;
  if (!token) throw new AppError('case_hub_required', { what });
  return token;
}
