import { describe, expect, it } from 'vitest';
import { romeDateOf, romeDateTimeOf } from './rome-date';

describe('romeDateOf', () => {
  it('is already the next day in Rome shortly before midnight UTC', () => {
    expect(romeDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(romeDateOf(new Date('2026-07-15T22:30:00Z'))).toBe('2026-07-16');
  });
  it('is the same day during the day', () => {
    expect(romeDateOf(new Date('2026-11-26T09:00:00Z'))).toBe('2026-11-26');
  });
});

describe('romeDateTimeOf', () => {
  it('reads the Italian wall clock, summer and winter', () => {
    expect(romeDateTimeOf(new Date('2026-07-15T08:05:09Z'))).toBe('2026-07-15T10:05:09');
    expect(romeDateTimeOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01T00:30:00');
  });
});
