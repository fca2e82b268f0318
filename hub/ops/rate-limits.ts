import { createRequire } from 'node:module';
import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors/app-error';

/**
 * Per-address request limits on the routes a stranger can hammer: login (password guessing; the
 * per-account lockout is the second line), enrolment (code guessing; the per-address lockout is
 * the second line) and the public verification pages (sweeping identifiers). Counted per client
 * address in memory, at most `cache` addresses (least recently seen forgotten first), so a flood
 * of rotating addresses cannot grow the heap. Several hub instances each count their own: the
 * limits are per instance. Behind a proxy, HUB_TRUST_PROXY makes the address the client's.
 */
export const RATE_LIMITS = {
  // an office behind one NAT address logs in all its clerks at opening time: the per-account
  // lockout stops guessing one password, this caps spraying many accounts
  login: { max: 120, timeWindow: 60_000 },
  enrol: { max: 10, timeWindow: 60_000 },
  /** enough for an office checking a pile of certificates by hand, far too few to sweep */
  verify: { max: 60, timeWindow: 60_000 },
} as const;

export const RATE_LIMIT_CACHE = 10_000;

type LocalStoreCtor = new (
  continueExceeding: boolean,
  backoff: boolean,
  cache: number,
) => FastifyRateLimitStore;
// the plugin's own in-memory store (an LRU of fixed windows), not exported by name
const LocalStore = createRequire(import.meta.url)(
  '@fastify/rate-limit/store/LocalStore.js',
) as LocalStoreCtor;

/**
 * One store for every limited route, instead of one per route: routes of a `groupId` (the
 * certificate page and its JSON twin) then share their counter, and the `cache` bound holds for
 * all routes together. Keys are the address plus the group, so every limited route names one.
 */
class SharedStore {
  private readonly store: FastifyRateLimitStore;
  constructor(opts: { cache?: number }) {
    this.store = new LocalStore(false, false, opts.cache ?? RATE_LIMIT_CACHE);
  }
  incr(...args: Parameters<FastifyRateLimitStore['incr']>): void {
    this.store.incr(...args);
  }
  child(): FastifyRateLimitStore {
    return this;
  }
}

/** Installs the plugin with no global limit: only routes whose options ask for one are counted. */
export async function installRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    cache: RATE_LIMIT_CACHE,
    store: SharedStore,
    // the typed error, with the wait; the plugin has already set Retry-After
    errorResponseBuilder: (_req, context) =>
      new AppError('too_many_requests', { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
}

/** Route options for a limited route (`config: { rateLimit: limited('login') }`). */
export function limited(
  which: keyof typeof RATE_LIMITS,
  opts: { groupId?: string; error?: (seconds: number) => AppError } = {},
) {
  const { error, groupId = which } = opts;
  return {
    ...RATE_LIMITS[which],
    groupId,
    ...(error
      ? {
          errorResponseBuilder: (_req: FastifyRequest, context: { ttl: number }) =>
            error(Math.max(1, Math.ceil(context.ttl / 1000))),
        }
      : {}),
  };
}
