import { describe, expect, it } from 'vitest';
import { italianDate, parseItalianDate } from './date-text';

describe('dates as the clerk reads and types them', () => {
  it('shows 4 December 2026 as 04/12/2026, never US-style', () => {
    expect(italianDate('2026-12-04')).toBe('04/12/2026');
    expect(italianDate('2024-02-29')).toBe('29/02/2024');
    expect(italianDate('')).toBe('');
  });

  it('reads day first, in the ways clerks type it, and ISO when pasted', () => {
    for (const typed of ['04/12/2026', '4/12/2026', '04.12.2026', '04-12-2026', '04122026', '2026-12-04'])
      expect(parseItalianDate(typed), typed).toBe('2026-12-04');
  });

  it('refuses what is not yet a whole, real date', () => {
    for (const typed of [
      '',
      '04/12',
      '04/12/26',
      '31/04/2026',
      '29/02/2026',
      '00/01/2026',
      '12/13/2026',
      'domani',
    ])
      expect(parseItalianDate(typed), typed).toBeNull();
    expect(parseItalianDate('29/02/2024')).toBe('2024-02-29');
  });
});
