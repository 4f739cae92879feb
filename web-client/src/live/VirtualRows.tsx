import { useLayoutEffect, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { assignSlots, NO_SLOTS, type SlotAssignment } from './rowSlots';
import { offsetsAt, stripBase } from './rowStrip';
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
  /** When this changes (the rows in another order) the table scrolls back to its first row. */
  scrollKey?: string;
}

const OVERSCAN = 8;

/**
 * A table that renders only the rows in view (plus a few either side): 5,000 sessions cost the DOM of ~30 rows, and a
 * batch of logins re-renders those, not the whole list. Rows have one fixed height so a row's place is arithmetic; a
 * row that moves keeps its element and only its transform changes (ADR 0200); rows that move together (a batch of
 * logins above them) keep theirs too and the strip holding them moves (`rowStrip`, ADR 0222). A row that comes into
 * view takes over the element of one that left where that needs no move in the document (`rowSlots`, ADR 0210): after
 * a jump of the scroll position the same elements show other sessions instead of ~30 rows unmounting and mounting.
 *
 * Focus: the row holding the keyboard focus is rendered even when it leaves the range, so its element keeps standing
 * for its session (a focused Kick button never comes to mean someone else); if its session leaves the table, its
 * element is not handed to another row and the focus moves to the table's viewport. Elements stay in display order,
 * so Tab walks the rows top to bottom.
 */
export function VirtualRows<T>({ rows, rowHeight, height, keyOf, renderRow, rowClassName, header, label, scrollKey }: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const scrolledFor = useRef(scrollKey);
  const frame = useRef(0);
  const viewport = useRef<HTMLDivElement>(null);
  const committed = useRef<SlotAssignment>(NO_SLOTS);
  // each row element's offset in the strip of rows at the last commit, in rows (rowStrip)
  const committedOffsets = useRef<ReadonlyMap<string, number>>(new Map());
  // the session whose row holds the focus: read while rendering, so changing it needs no render of its own
  const focused = useRef<string | null>(null);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);

  const shown: { row: T; index: number; key: string }[] = [];
  rows.slice(first, last).forEach((row, i) => shown.push({ row, index: first + i, key: keyOf(row) }));
  const focusedKey = focused.current;
  let focusedGone = false;
  if (focusedKey !== null && !shown.some((item) => item.key === focusedKey)) {
    const index = rows.findIndex((row) => keyOf(row) === focusedKey);
    const row = rows[index];
    if (row !== undefined) {
      const pinned = { row, index, key: focusedKey };
      if (index < first) shown.unshift(pinned);
      else shown.push(pinned);
    } else {
      focusedGone = true;
    }
  }
  const reserved = focusedGone ? committed.current.slotOf.get(focusedKey!) : undefined;
  const slots = assignSlots(
    committed.current,
    shown.map((item) => item.key),
    reserved === undefined ? undefined : new Set([reserved]),
    focusedGone ? null : focusedKey,
  );

  const placed = shown.map((item, i) => ({ slot: slots.order[i]!, index: item.index }));
  const base = stripBase(committedOffsets.current, placed);

  useLayoutEffect(() => {
    committed.current = slots;
    committedOffsets.current = offsetsAt(base, placed);
    if (focusedGone && focused.current === focusedKey) {
      focused.current = null;
      const active = document.activeElement;
      // the focused row's element went with its session: the focus goes to the table, not to the page's start
      if (!active || active === document.body) viewport.current?.focus({ preventScroll: true });
    }
  });

  useLayoutEffect(() => {
    if (scrolledFor.current === scrollKey) return;
    scrolledFor.current = scrollKey;
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [scrollKey]);

  const slotToKey = (slot: string | undefined) => {
    if (!slot) return null;
    for (const [key, value] of committed.current.slotOf) if (value === slot) return key;
    return null;
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const row = (event.target as Element).closest('[data-slot]');
    focused.current = slotToKey(row?.getAttribute('data-slot') ?? undefined);
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const to = event.relatedTarget as Node | null;
    if (to && viewport.current?.contains(to)) return;
    const from = event.target as Element;
    // a blur because the row's element is being removed is not the user leaving: the table still moves the focus
    queueMicrotask(() => {
      if (from.isConnected && focused.current !== null && !viewport.current?.contains(document.activeElement)) focused.current = null;
    });
  };

  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      {header}
      <div
        ref={viewport}
        data-testid="live-rows"
        className="live-viewport"
        style={{ height }}
        tabIndex={-1}
        onFocus={onFocus}
        onBlur={onBlur}
        onScroll={(event) => {
          const top = event.currentTarget.scrollTop;
          // one state change per frame however many scroll events arrive
          cancelAnimationFrame(frame.current);
          frame.current = requestAnimationFrame(() => setScrollTop(top));
        }}
      >
        <div style={{ height: rows.length * rowHeight }} />
        {/* rows shifted together by a batch keep their own transform: the strip's moves (ADR 0222) */}
        <div className="live-strip" style={{ transform: `translateY(${base * rowHeight}px)` }}>
          {shown.map(({ row, index }, i) => (
            <div
              key={slots.order[i]}
              data-slot={slots.order[i]}
              role="row"
              aria-rowindex={index + 2}
              className={`live-row ${rowClassName}`}
              style={{ height: rowHeight, transform: `translateY(${(index - base) * rowHeight}px)` }}
            >
              {renderRow(row)}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
