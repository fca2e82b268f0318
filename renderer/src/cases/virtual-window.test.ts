import { describe, expect, it } from 'vitest';
import { scrollToShow, visibleWindow } from './virtual-window';

describe('the virtualised queue keeps a screenful of rows in the DOM', () => {
  it('renders the same number of rows for 100 or 100,000 cases', () => {
    const small = visibleWindow(0, 560, 48, 100);
    const large = visibleWindow(48 * 50_000, 560, 48, 100_000);
    expect(small).toEqual({ first: 0, last: 18 });
    expect(large.last - large.first + 1).toBe(25);
    expect(large.first).toBe(49_994);
  });

  it('stops at the ends of the list and handles an empty one', () => {
    expect(visibleWindow(48 * 99_995, 560, 48, 100_000).last).toBe(99_999);
    expect(visibleWindow(0, 560, 48, 0)).toEqual({ first: 0, last: -1 });
  });

  it('scrolls just enough to show the row chosen with the keyboard', () => {
    expect(scrollToShow(5, 48, 0, 560)).toBe(0);
    expect(scrollToShow(20, 48, 0, 560)).toBe(20 * 48 + 48 - 560);
    expect(scrollToShow(2, 48, 480, 560)).toBe(96);
  });
});
