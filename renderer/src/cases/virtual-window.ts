/**
 * Which rows of a fixed-height list are in the DOM for a scroll position: the visible ones and
 * `overscan` either side. However long the list, this is a screenful, so scrolling stays smooth.
 */
export function visibleWindow(
  scrollTop: number,
  height: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): { first: number; last: number } {
  if (count <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last };
}

/** The scroll position that brings row `index` into view, or the current one when it already is. */
export function scrollToShow(index: number, rowHeight: number, scrollTop: number, height: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return scrollTop;
}
