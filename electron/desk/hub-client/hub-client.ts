import type { z } from 'zod';
import { AppError, isErrorCode } from '../../../shared/errors/app-error';
import {
  hubErrorSchema,
  LOGIN_PATH,
  loginResponseSchema,
  PROTOCOL_VERSION,
  REGISTRY_PAGE_PATH,
  registryPageSchema,
  type LoginResponse,
  type RegistryPage,
} from '../../../shared/sync/registry-page';

export interface HubClient {
  login(username: string, password: string): Promise<LoginResponse>;
  registryPage(after: string | null, limit: number): Promise<RegistryPage>;
}

export interface HubClientOptions {
  baseUrl: string;
  workstationToken: string;
  timeoutMs?: number;
  version: string;
}

/** Real HTTP to the hub. Every answer is validated; hub errors keep their code so the clerk reads the hub's reason. */
export function createHubClient(opts: HubClientOptions): HubClient {
  const timeoutMs = opts.timeoutMs ?? 15_000;

  async function request<S extends z.ZodType>(
    path: string,
    init: RequestInit,
    schema: S,
  ): Promise<z.infer<S>> {
    let res: Response;
    try {
      res = await fetch(new URL(path, opts.baseUrl), {
        ...init,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${opts.workstationToken}`,
          'x-sportello-protocol': String(PROTOCOL_VERSION),
          'x-sportello-version': opts.version,
          ...init.headers,
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new AppError('hub_unreachable');
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = hubErrorSchema.safeParse(body);
      if (parsed.success && isErrorCode(parsed.data.error.code)) {
        throw new AppError(parsed.data.error.code, parsed.data.error.params ?? {});
      }
      throw new AppError('hub_error', { status: res.status });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new AppError('hub_error', { status: `${res.status}, risposta non valida` });
    return parsed.data;
  }

  return {
    login: (username, password) =>
      request(
        LOGIN_PATH,
        { method: 'POST', body: JSON.stringify({ username, password }) },
        loginResponseSchema,
      ),
    registryPage: (after, limit) => {
      const qs = new URLSearchParams({ limit: String(limit) });
      if (after) qs.set('after', after);
      return request(`${REGISTRY_PAGE_PATH}?${qs.toString()}`, { method: 'GET' }, registryPageSchema);
    },
  };
}
