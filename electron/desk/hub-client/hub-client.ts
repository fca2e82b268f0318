import { z } from 'zod';
import { AppError, isErrorCode } from '../../../shared/errors/app-error';
import type { ChangeEntity } from '../../../shared/sync/change-entities';
import {
  changesResponseSchema,
  pushResponseSchema,
  type ChangesResponse,
  type MutationEnvelope,
  type MutationResult,
} from '../../../shared/sync/mutations';
import {
  CHANGES_PATH,
  ENROL_PATH,
  enrolResponseSchema,
  hubErrorSchema,
  LOGIN_PATH,
  LOGOUT_PATH,
  loginResponseSchema,
  PROTOCOL_VERSION,
  PUSH_PATH,
  REGISTRY_PAGE_PATH,
  registryPageSchema,
  registryCursorSchema,
  REGISTRY_NEXT_HEADER,
  EXCEPTIONS_PATH,
  hubExceptionsSchema,
  type HubExceptions,
  type EnrolRequest,
  type EnrolResponse,
  type LoginResponse,
  type RegistryPage,
} from '../../../shared/sync/registry-page';
import type { Credential } from '../credential-file';
import { createHubFetch, type HubFetch } from './tls';
import { hubCandidates } from './hub-urls';

export interface HubClient {
  /** `ring`: the update ring the managed configuration assigns (the hub keeps one it knows) */
  enrol(hubUrl: string, code: string, ring?: string | null): Promise<EnrolResponse>;
  login(username: string, password: string): Promise<LoginResponse>;
  /**
   * `onNext`: the following page's cursor as soon as the answer is in, before its body is parsed
   * and checked (the hub sends it as a header too), so the caller can ask for that page meanwhile
   */
  registryPage(after: string | null, limit: number, onNext?: (next: string) => void): Promise<RegistryPage>;
  /** `clerkToken`: the hub credential of the one person who made all these mutations */
  push(mutations: MutationEnvelope[], clerkToken: string): Promise<MutationResult[]>;
  /** ends that clerk session at the hub */
  logout(clerkToken: string): Promise<void>;
  changes(
    since: number,
    limit: number,
    waitMs: number,
    signal?: AbortSignal,
    entity?: ChangeEntity,
  ): Promise<ChangesResponse>;
  /** needs the clerk's hub session (supervisors) */
  comuneExceptions(clerkToken: string): Promise<HubExceptions>;
}

/**
 * The client the desk core uses (`ctx.hub`): the calls above plus a generic one. Stand-ins that
 * implement only `HubClient` get a `call` that answers as an unreachable hub (core.ts).
 */
export interface DeskHubClient extends HubClient {
  /**
   * Any other hub route (cases, protocol, attachments), with the same credential, headers, retry
   * and error mapping as the calls above. The body is sent as JSON (binary content travels as
   * base64 inside it, e.g. attachments); the answer is validated against `schema`.
   */
  call<S extends z.ZodType>(path: string, init: HubCallInit, schema: S): Promise<z.infer<S>>;
}

export interface HubCallInit {
  method: 'GET' | 'POST' | 'PUT';
  /** sent as JSON */
  body?: unknown;
  /** the clerk's hub session, where a person's rights matter */
  clerkToken?: string | null;
  timeoutMs?: number;
  /**
   * Whether a call that found no live connection is tried once more. Default: GET and PUT (safe
   * to repeat) yes, POST no (a lost answer must not act twice at the hub).
   */
  retry?: boolean;
}

export interface HubClientOptions {
  /** read at every call: enrolment and revocation change it while the desk runs */
  credential: () => Credential | null;
  version: string;
  timeoutMs?: number;
  /** the clerk's language, sent as accept-language (the hub's error wording) */
  locale?: () => string;
  /** HTTPS policy and trust (tls.ts); default: system trust, http only to loopback */
  fetch?: HubFetch;
  /** other instances of the same hub (managed config `hubUrls`): failed over to, see `request` */
  hubUrls?: () => readonly string[];
  /** after failing over, how long before the desk tries its own instance first again (default 60 s) */
  homeRetryMs?: number;
}

/** Connection errors that mean the request never reached the hub: safe to send elsewhere, even a POST. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function neverSent(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string; errors?: { code?: string }[] } })?.cause;
  if (cause?.code && NOT_SENT.has(cause.code)) return true;
  // happy eyeballs: one refusal per address
  return !!cause?.errors?.length && cause.errors.every((e) => !!e.code && NOT_SENT.has(e.code));
}

/**
 * Real HTTP to the hub. Every answer is validated; hub errors keep their code so the clerk reads the hub's reason.
 *
 * Failover: with several hub instances listed, a call that finds no connection, times out, or
 * gets a 5xx is sent to the next instance, and the desk stays on whichever answered (sticky).
 * Away from its own instance (the enrolled one, the first of the list), it tries that one first
 * again after `homeRetryMs`: an instance restarted after a failure gets its desks back, instead of
 * the others carrying its load until every desk restarts.
 * The outbox is never touched by this: a push that lost its answer is sent again with the same
 * mutation ids and the hub answers `duplicate` for what it already applied. A call that must not
 * act twice (noRetry: login, logout, other POSTs) moves on only when the connection was refused,
 * i.e. the request never left the desk, or on 503 (the instance did not take it).
 */
export function createHubClient(opts: HubClientOptions): DeskHubClient {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const hubFetch = opts.fetch ?? createHubFetch();
  const homeRetryMs = opts.homeRetryMs ?? 60_000;
  /** the instance that answered last */
  let preferred: string | null = null;
  /** when the desk last settled on an instance other than its own */
  let awaySince = 0;

  async function request<S extends z.ZodType>(
    enrolledBase: string,
    token: string | null,
    path: string,
    init: RequestInit & RequestOptions,
    schema: S,
  ): Promise<z.infer<S>> {
    const listed = opts.hubUrls?.() ?? [];
    const home = hubCandidates(enrolledBase, listed, null)[0];
    if (preferred !== null && preferred !== home && Date.now() - awaySince >= homeRetryMs) preferred = null;
    const candidates = hubCandidates(enrolledBase, listed, preferred);
    // one hub: a second, fresh try at the same address (see below); several: each once
    const order = candidates.length > 1 ? candidates : [candidates[0]!, candidates[0]!];
    // made only when needed: an Error records a stack trace, and every call would pay for one
    let failure: unknown = null;
    for (let i = 0; i < order.length; i++) {
      const base = order[i]!;
      const nextIsOther = order.slice(i + 1).some((u) => u !== base);
      const outcome = await requestOnce(base, token, path, init, schema);
      if (outcome.ok) {
        if (base !== home && (preferred === null || preferred === home)) awaySince = Date.now();
        preferred = base;
        return outcome.value;
      }
      failure = outcome.error;
      if (init.signal?.aborted) break;
      if (outcome.kind === 'answer') {
        // the hub answered: a refusal stands; a server fault may be this instance's alone
        const status = outcome.status;
        const instanceFault = status === 503 || (status >= 500 && !init.noRetry);
        if (!instanceFault || !nextIsOther) break;
        continue;
      }
      // no answer. A pooled keep-alive socket may have died with a hub restart, or the instance
      // died: the sync calls are safe to repeat (mutations carry their id, pulls a cursor)
      if (init.noRetry && !outcome.neverSent) break;
    }
    throw failure ?? new AppError('hub_unreachable');
  }

  interface RequestOptions {
    timeoutMs?: number;
    noRetry?: boolean;
    clerkToken?: string | null;
    /** a successful answer's headers, once its body is in and before it is parsed */
    onReceived?: (headers: Headers) => void;
  }

  type Outcome<T> =
    | { ok: true; value: T }
    | { ok: false; kind: 'answer'; status: number; error: unknown }
    | { ok: false; kind: 'network'; neverSent: boolean; error: unknown };

  async function requestOnce<S extends z.ZodType>(
    base: string,
    token: string | null,
    path: string,
    init: RequestInit & RequestOptions,
    schema: S,
  ): Promise<Outcome<z.infer<S>>> {
    const attempt = () => {
      const timeout = AbortSignal.timeout(init.timeoutMs ?? timeoutMs);
      return hubFetch(new URL(path, base), {
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          'x-sportello-protocol': String(PROTOCOL_VERSION),
          'x-sportello-version': opts.version,
          ...(opts.locale ? { 'accept-language': opts.locale() } : {}),
          ...(init.clerkToken ? { 'x-sportello-clerk': init.clerkToken } : {}),
        },
        signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
      });
    };
    let res: Response;
    try {
      res = await attempt();
    } catch (err) {
      // an insecure address or an untrusted certificate is not a network fault: never retried
      if (err instanceof AppError) throw err;
      return {
        ok: false,
        kind: 'network',
        neverSent: neverSent(err),
        error: new AppError('hub_unreachable'),
      };
    }
    const text = await res.text().catch(() => undefined);
    if (res.ok && text !== undefined) init.onReceived?.(res.headers);
    const body = parseJson(text);
    if (!res.ok) {
      const parsed = hubErrorSchema.safeParse(body);
      const error =
        parsed.success && isErrorCode(parsed.data.error.code)
          ? new AppError(parsed.data.error.code, parsed.data.error.params ?? {})
          : new AppError('hub_error', { status: res.status });
      return { ok: false, kind: 'answer', status: res.status, error };
    }
    const parsed = schema.safeParse(body);
    // A truncated or garbled body is a network fault, not data: the caller retries.
    if (!parsed.success)
      return { ok: false, kind: 'network', neverSent: false, error: new AppError('hub_unreachable') };
    return { ok: true, value: parsed.data };
  }

  const enrolled = (): Credential => {
    const c = opts.credential();
    if (!c) throw new AppError('not_enrolled');
    return c;
  };

  return {
    call: (path, init, schema) => {
      const c = enrolled();
      return request(
        c.hubUrl,
        c.token,
        path,
        {
          method: init.method,
          ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
          clerkToken: init.clerkToken ?? null,
          noRetry: !(init.retry ?? init.method !== 'POST'),
          ...(init.timeoutMs !== undefined ? { timeoutMs: init.timeoutMs } : {}),
        },
        schema,
      );
    },
    comuneExceptions: (clerkToken) => {
      const c = enrolled();
      return request(c.hubUrl, c.token, EXCEPTIONS_PATH, { method: 'GET', clerkToken }, hubExceptionsSchema);
    },
    enrol: (hubUrl, code, ring) =>
      request(
        hubUrl,
        null,
        ENROL_PATH,
        { method: 'POST', body: JSON.stringify({ code, ...(ring ? { ring } : {}) } satisfies EnrolRequest) },
        enrolResponseSchema,
      ),
    login: (username, password) => {
      const c = enrolled();
      return request(
        c.hubUrl,
        c.token,
        LOGIN_PATH,
        // not retried: a lost answer to a wrong password must not count twice towards the lockout
        { method: 'POST', body: JSON.stringify({ username, password }), noRetry: true },
        loginResponseSchema,
      );
    },
    registryPage: (after, limit, onNext) => {
      const c = enrolled();
      const qs = new URLSearchParams({ limit: String(limit) });
      if (after) qs.set('after', after);
      const onReceived = (headers: Headers) => {
        // a hub without the header, or with one that is not a cursor: the body's `next` serves
        const next = registryCursorSchema.safeParse(headers.get(REGISTRY_NEXT_HEADER));
        if (next.success) onNext?.(next.data);
      };
      return request(
        c.hubUrl,
        c.token,
        `${REGISTRY_PAGE_PATH}?${qs.toString()}`,
        { method: 'GET', timeoutMs: 60_000, onReceived },
        registryPageSchema,
      );
    },
    push: async (mutations, clerkToken) => {
      const c = enrolled();
      const res = await request(
        c.hubUrl,
        c.token,
        PUSH_PATH,
        { method: 'POST', body: JSON.stringify({ mutations }), clerkToken },
        pushResponseSchema,
      );
      return res.results;
    },
    logout: async (clerkToken) => {
      const c = enrolled();
      await request(
        c.hubUrl,
        c.token,
        LOGOUT_PATH,
        { method: 'POST', body: '{}', clerkToken, noRetry: true, timeoutMs: 5000 },
        z.object({ ok: z.literal(true) }),
      );
    },
    changes: (since, limit, waitMs, signal, entity) => {
      const c = enrolled();
      const qs = new URLSearchParams({ since: String(since), limit: String(limit), waitMs: String(waitMs) });
      if (entity) qs.set('entity', entity);
      return request(
        c.hubUrl,
        c.token,
        `${CHANGES_PATH}?${qs.toString()}`,
        { method: 'GET', timeoutMs: waitMs + timeoutMs, ...(signal ? { signal } : {}) },
        changesResponseSchema,
      );
    },
  };
}

/** A body that is not JSON (a proxy's error page, a cut answer) reads as nothing. */
function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
