import { describe, expect, it } from 'vitest';
import { isoDateSchema, isoDateString, localDateTimeSchema } from './date-schemas';

describe('wire date schemas', () => {
  it('accept existing dates and reject impossible ones', () => {
    expect(isoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(isoDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(isoDateSchema.safeParse('2026-2-3').success).toBe(false);
    expect(isoDateSchema.nullable().safeParse(null).success).toBe(true);
  });

  it('keep a caller message', () => {
    const result = isoDateString('data AAAA-MM-GG').safeParse('2026-13-01');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('data AAAA-MM-GG');
  });

  it('check local date-times against the calendar and the clock', () => {
    expect(localDateTimeSchema.safeParse('2026-03-02T09:15').success).toBe(true);
    expect(localDateTimeSchema.safeParse('2026-03-02T09:15:30.123').success).toBe(true);
    expect(localDateTimeSchema.safeParse('2026-02-30T09:15').success).toBe(false);
    expect(localDateTimeSchema.safeParse('2026-03-02T24:00').success).toBe(false);
  });
});
