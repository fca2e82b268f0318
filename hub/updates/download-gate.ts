/**
 * Paces downloads: at most `streams` files stream at once; the next `queue` requests wait their
 * turn (first come, first served) for at most `waitMs`; beyond that a request is answered 503
 * with Retry-After. Queueing rather than refusing at once matters for differential downloads:
 * electron-updater does not retry a failed range request, it falls back to the full download —
 * so a desk that got its feed is made to wait, not pushed onto the heavier path. A desk that
 * does get a 503 tries again at its next check (electron/main/updater.ts follows Retry-After).
 */
export interface DownloadGateOptions {
  streams: number;
  queue: number;
  waitMs: number;
}

export const DEFAULT_DOWNLOAD_GATE: DownloadGateOptions = { streams: 32, queue: 2000, waitMs: 120_000 };

export class DownloadGate {
  private active = 0;
  private readonly waiting: { resolve: (ok: boolean) => void; timer: NodeJS.Timeout }[] = [];
  /** the most streams that ran at once (the benchmark reports it) */
  peak = 0;

  constructor(readonly options: DownloadGateOptions = DEFAULT_DOWNLOAD_GATE) {}

  /** Resolves true with a slot (call `release` once done), false when the desk must come back later. */
  acquire(): Promise<boolean> {
    if (this.active < this.options.streams) {
      this.active++;
      this.peak = Math.max(this.peak, this.active);
      return Promise.resolve(true);
    }
    if (this.waiting.length >= this.options.queue) return Promise.resolve(false);
    return new Promise((resolve) => {
      const entry = {
        resolve,
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          resolve(false);
        }, this.options.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve(true); // the slot passes straight on: `active` is unchanged
      return;
    }
    this.active = Math.max(0, this.active - 1);
  }

  /** How long a refused desk should wait: about one queue's worth of downloads. */
  retryAfterSeconds(): number {
    return Math.min(
      600,
      Math.max(30, Math.ceil(this.waiting.length / Math.max(1, this.options.streams)) * 10),
    );
  }

  get inFlight(): number {
    return this.active;
  }
}
