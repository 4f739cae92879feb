import { useRef, useState, type ReactNode } from 'react';
import { Box } from '@mantine/core';

interface Props<T> {
  rows: readonly T[];
  rowHeight: number;
  height: number;
  keyOf: (row: T) => string;
  renderRow: (row: T) => ReactNode;
  header: ReactNode;
  label: string;
}

const OVERSCAN = 8;

/**
 * A table that renders only the rows in view (plus a few either side): 5,000 sessions cost the DOM of ~30 rows, and a
 * batch of logins re-renders those, not the whole list. Rows have one fixed height so a row's place is arithmetic.
 */
export function VirtualRows<T>({ rows, rowHeight, height, keyOf, renderRow, header, label }: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const frame = useRef(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return (
    <Box role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      {header}
      <Box
        data-testid="live-rows"
        style={{ height, overflowY: 'auto', position: 'relative', contain: 'strict' }}
        onScroll={(event) => {
          const top = event.currentTarget.scrollTop;
          // one state change per frame however many scroll events arrive
          cancelAnimationFrame(frame.current);
          frame.current = requestAnimationFrame(() => setScrollTop(top));
        }}
      >
        <div style={{ height: rows.length * rowHeight, position: 'relative' }}>
          {rows.slice(first, last).map((row, index) => (
            <div
              key={keyOf(row)}
              role="row"
              aria-rowindex={first + index + 2}
              style={{ position: 'absolute', top: (first + index) * rowHeight, left: 0, right: 0, height: rowHeight }}
            >
              {renderRow(row)}
            </div>
          ))}
        </div>
      </Box>
    </Box>
  );
}
