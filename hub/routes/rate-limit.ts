/**
 * A fixed-window request counter per client address, for the public routes that anyone on the
 * internet can call (certificate verification). Memory is bounded: at most `maxClients`
 * addresses are tracked; when full, expired windows are dropped first, then the oldest entries
 * (a Map iterates in insertion order), so a flood of spoofed or rotating addresses cannot grow
 * the hub's heap — at worst it forgets some counters early.
 */
export interface RateLimitOptions {
  /** requests one address may make per window */
  limit: number;
  windowMs: number;
  maxClients: number;
  now: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** seconds until the address may try again (for Retry-After) */
  retryAfterSeconds: number;
}

export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly opts: RateLimitOptions) {}

  get trackedClients(): number {
    return this.windows.size;
  }

  hit(client: string): RateDecision {
    const now = this.opts.now();
    const current = this.windows.get(client);
    if (current && now - current.start < this.opts.windowMs) {
      current.count += 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((current.start + this.opts.windowMs - now) / 1000));
      return { allowed: current.count <= this.opts.limit, retryAfterSeconds };
    }
    if (current) this.windows.delete(client);
    this.makeRoom(now);
    this.windows.set(client, { start: now, count: 1 });
    return { allowed: this.opts.limit >= 1, retryAfterSeconds: Math.ceil(this.opts.windowMs / 1000) };
  }

  private makeRoom(now: number): void {
    if (this.windows.size < this.opts.maxClients) return;
    for (const [key, w] of this.windows) {
      if (now - w.start >= this.opts.windowMs) this.windows.delete(key);
    }
    while (this.windows.size >= this.opts.maxClients) {
      const oldest = this.windows.keys().next();
      if (oldest.done) break;
      this.windows.delete(oldest.value);
    }
  }
}
