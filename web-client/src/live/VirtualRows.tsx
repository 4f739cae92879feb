import { useRef, useState, type ReactNode } from 'react';
import './liveTable.css';

interface Props<T> {
  rows: readonly T[];
  rowHeight: number;
  height: number;
  keyOf: (row: T) => string;
  /** The cells of one row (the row element itself is this table's). */
  renderRow: (row: T) => ReactNode;
  /** Classes of each row element, e.g. its grid of columns. */
  rowClassName: string;
  header: ReactNode;
  label: string;
}

const OVERSCAN = 8;

/**
 * A table that renders only the rows in view (plus a few either side): 5,000 sessions cost the DOM of ~30 rows, and a
 * batch of logins re-renders those, not the whole list. Rows have one fixed height so a row's place is arithmetic; each
 * row is keyed by `keyOf`, so a row that moves keeps its DOM and only its transform changes (ADR 0200). The rows sit in
 * the fixed-size viewport beside the element that gives the scroll height, not inside it: a batch that changes the
 * count changes that element's height, not the box the rows are placed in.
 */
export function VirtualRows<T>({ rows, rowHeight, height, keyOf, renderRow, rowClassName, header, label }: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const frame = useRef(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      {header}
      <div
        data-testid="live-rows"
        className="live-viewport"
        style={{ height }}
        onScroll={(event) => {
          const top = event.currentTarget.scrollTop;
          // one state change per frame however many scroll events arrive
          cancelAnimationFrame(frame.current);
          frame.current = requestAnimationFrame(() => setScrollTop(top));
        }}
      >
        <div style={{ height: rows.length * rowHeight }} />
        {rows.slice(first, last).map((row, index) => (
          <div
            key={keyOf(row)}
            role="row"
            aria-rowindex={first + index + 2}
            className={`live-row ${rowClassName}`}
            style={{ height: rowHeight, transform: `translateY(${(first + index) * rowHeight}px)` }}
          >
            {renderRow(row)}
          </div>
        ))}
      </div>
    </div>
  );
}
