import { useEffect, useRef, useState, type ReactNode } from 'react';
import { scrollToShow, visibleWindow } from './virtual-window';

/**
 * A windowed list: only the rows in view (plus a few either side) are in the DOM, so a queue of
 * 100,000 cases scrolls as smoothly as one of ten. Fixed row height; the parent renders rows and
 * is told which range is visible (to fetch it).
 */
export function VirtualList(props: {
  count: number;
  rowHeight: number;
  height: number;
  /** keeps this row in view (keyboard navigation) */
  activeIndex: number;
  renderRow: (index: number) => ReactNode;
  onRange: (start: number, end: number) => void;
  testId?: string;
  label: string;
}) {
  const { count, rowHeight, height, activeIndex, onRange } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const { first, last } = visibleWindow(scrollTop, height, rowHeight, count);

  useEffect(() => {
    if (count > 0) onRange(first, last);
  }, [first, last, count, onRange]);

  useEffect(() => {
    const el = ref.current;
    if (!el || activeIndex < 0) return;
    const next = scrollToShow(activeIndex, rowHeight, el.scrollTop, el.clientHeight);
    if (next !== el.scrollTop) el.scrollTop = next;
  }, [activeIndex, rowHeight]);

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <div key={i} className="vlist-row" style={{ top: i * rowHeight, height: rowHeight }}>
        {props.renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={ref}
      className="vlist"
      style={{ height }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid={props.testId}
      role="listbox"
      aria-label={props.label}
      aria-rowcount={count}
    >
      <div className="vlist-inner" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
