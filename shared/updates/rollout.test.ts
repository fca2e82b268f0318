import { describe, expect, it } from 'vitest';
import {
  defaultSchedule,
  offerFor,
  ringOfWorkstation,
  rolloutOf,
  type FailureFact,
  type ReleaseFacts,
} from './rollout';

const RINGS = ['pilot', 'casale', 'partners'];
const day = (n: number, h = 0): Date => new Date(Date.UTC(2026, 11, 1 + n, h));

const release = (version: string, publishedDay: number, extra: Partial<ReleaseFacts> = {}): ReleaseFacts => ({
  version,
  platform: 'win',
  publishedAt: day(publishedDay).toISOString(),
  schedule: defaultSchedule(RINGS),
  haltedAt: null,
  rolledBack: false,
  advanced: [],
  ...extra,
});

const states = (r: ReleaseFacts, now: Date, failures: FailureFact[] = []) =>
  rolloutOf(r, failures, now).map((s) => `${s.ring}:${s.state}`);

describe('the rollout schedule (pilot now, Casale after 2 days, partners after 5)', () => {
  it('opens the rings one after the other by the hub clock', () => {
    const r = release('1.3.0', 0);
    expect(states(r, day(0, 1))).toEqual(['pilot:open', 'casale:waiting', 'partners:waiting']);
    expect(states(r, day(2))).toEqual(['pilot:open', 'casale:open', 'partners:waiting']);
    expect(states(r, day(5))).toEqual(['pilot:open', 'casale:open', 'partners:open']);
  });

  it('waits 2 days without a failure report in the pilot before Casale opens', () => {
    const r = release('1.3.0', 0);
    const failures = [{ version: '1.3.0', ring: 'pilot', at: day(1).toISOString() }];
    expect(states(r, day(2), failures)).toEqual(['pilot:open', 'casale:waiting', 'partners:waiting']);
    const casale = rolloutOf(r, failures, day(2)).find((s) => s.ring === 'casale');
    expect(casale?.opensAt).toBe(day(3).toISOString());
    expect(states(r, day(3), failures)).toEqual(['pilot:open', 'casale:open', 'partners:waiting']);
  });

  it('stops the rollout when failures in a ring reach the threshold: that ring and every later one', () => {
    const r = release('1.3.0', 0);
    const failures = ['a', 'b', 'c'].map(() => ({
      version: '1.3.0',
      ring: 'casale',
      at: day(2, 3).toISOString(),
    }));
    expect(states(r, day(10), failures)).toEqual(['pilot:open', 'casale:stopped', 'partners:stopped']);
    // failures of another version do not count
    expect(states(release('1.4.0', 0), day(10), failures)).toEqual([
      'pilot:open',
      'casale:open',
      'partners:open',
    ]);
  });

  it('lets IT open the next ring early (release advance)', () => {
    const r = release('1.3.0', 0, { advanced: [{ ring: 'casale', at: day(0, 6).toISOString() }] });
    expect(states(r, day(0, 7))).toEqual(['pilot:open', 'casale:open', 'partners:waiting']);
  });

  it('offers a halted release to nobody', () => {
    const r = release('1.3.0', 0, { haltedAt: day(1).toISOString() });
    expect(states(r, day(0, 5))).toEqual(['pilot:open', 'casale:waiting', 'partners:waiting']);
    expect(states(r, day(6))).toEqual(['pilot:halted', 'casale:halted', 'partners:halted']);
  });
});

describe('what a workstation is offered', () => {
  const old = release('1.1.0', -30);
  const current = release('1.2.0', -10);
  const fresh = release('1.3.0', 0);

  it('a stale workstation gets its ring’s current version, never nothing', () => {
    // partners: 1.3.0 still waiting, so 1.2.0 — even for a desk still on 1.0.0
    expect(offerFor([old, current, fresh], 'partners', '1.0.0', [], day(1)).release?.version).toBe('1.2.0');
    expect(offerFor([old, current, fresh], 'pilot', '1.0.0', [], day(1)).release?.version).toBe('1.3.0');
    expect(offerFor([old, current, fresh], 'partners', null, [], day(6)).release?.version).toBe('1.3.0');
  });

  it('skips a halted release and offers the one before, without a downgrade for those on it', () => {
    const halted = { ...fresh, haltedAt: day(1).toISOString() };
    const offer = offerFor([old, current, halted], 'pilot', '1.3.0', [], day(2));
    expect(offer.release?.version).toBe('1.2.0');
    expect(offer.downgrade).toBeNull();
  });

  it('a rollback tells those on the rolled-back version to go back to the previous one', () => {
    const rolledBack = { ...fresh, haltedAt: day(1).toISOString(), rolledBack: true };
    const offer = offerFor([old, current, rolledBack], 'pilot', '1.3.0', [], day(2));
    expect(offer.release?.version).toBe('1.2.0');
    expect(offer.downgrade).toEqual({ from: '1.3.0', to: '1.2.0' });
    // a desk already on 1.2.0 or behind is simply offered 1.2.0
    expect(offerFor([old, current, rolledBack], 'pilot', '1.1.0', [], day(2)).downgrade).toBeNull();
  });

  it('a ring whose rollout stopped keeps the previous version', () => {
    const failures = ['a', 'b', 'c'].map(() => ({
      version: '1.3.0',
      ring: 'pilot',
      at: day(0, 5).toISOString(),
    }));
    expect(offerFor([current, fresh], 'pilot', '1.2.0', failures, day(1)).release?.version).toBe('1.2.0');
  });

  it('nothing only when no release was ever open to the ring', () => {
    expect(offerFor([fresh], 'partners', '1.0.0', [], day(1)).release).toBeNull();
  });
});

describe('the ring of a workstation', () => {
  it('IT’s choice for the PC, else its comune’s, else the last ring', () => {
    expect(ringOfWorkstation('pilot', 'casale', RINGS)).toBe('pilot');
    expect(ringOfWorkstation(null, 'casale', RINGS)).toBe('casale');
    expect(ringOfWorkstation(null, null, RINGS)).toBe('partners');
    expect(ringOfWorkstation('gone', null, RINGS)).toBe('partners');
  });

  it('a ring added later comes 3 days after the one before by default', () => {
    expect(defaultSchedule(['pilot', 'casale', 'partners', 'scuole'])).toEqual([
      { ring: 'pilot', afterDays: 0 },
      { ring: 'casale', afterDays: 2 },
      { ring: 'partners', afterDays: 5 },
      { ring: 'scuole', afterDays: 8 },
    ]);
  });
});
