import { describe, expect, it } from 'vitest';
import { DownloadGate } from './download-gate';

describe('the download gate', () => {
  it('lets `streams` through, queues the next in order, refuses beyond the queue', async () => {
    const gate = new DownloadGate({ streams: 2, queue: 1, waitMs: 10_000 });
    expect(await gate.acquire()).toBe(true);
    expect(await gate.acquire()).toBe(true);
    const queued = gate.acquire();
    expect(await gate.acquire()).toBe(false); // the queue is full: 503 + Retry-After
    gate.release();
    expect(await queued).toBe(true);
    expect(gate.inFlight).toBe(2);
    gate.release();
    gate.release();
    expect(gate.inFlight).toBe(0);
    expect(gate.peak).toBe(2);
  });

  it('a queued request gives up after waitMs', async () => {
    const gate = new DownloadGate({ streams: 1, queue: 5, waitMs: 20 });
    await gate.acquire();
    expect(await gate.acquire()).toBe(false);
    gate.release();
    expect(await gate.acquire()).toBe(true);
  });
});
