/**
 * Which row element (slot) shows which row (ADR 0210). Pure: the table keeps the last committed assignment and asks
 * for the next one each render.
 *
 * A row that stays in view keeps its element (it only moves by transform). A row that comes into view takes the
 * element of a row that left, but only where React keeps that element in place: reused elements appear in the same
 * order as before, so React never moves one (a moved element is removed and inserted again, which restyles and lays
 * it out like a new one). A jump of the scroll position therefore rewrites the text of the existing elements instead
 * of unmounting and mounting every row; a few rows inserted above the others get new elements. When most rows would
 * be new elements (many logins at once above the rows in view), every element is rewritten in place instead, except
 * the focused row's.
 */
export interface SlotAssignment {
  /** Slot ids in document order (= display order). */
  readonly order: readonly string[];
  /** Row key → slot id. */
  readonly slotOf: ReadonlyMap<string, string>;
  /** The next fresh slot number. */
  readonly next: number;
}

export const NO_SLOTS: SlotAssignment = { order: [], slotOf: new Map(), next: 0 };

/**
 * The slots for `keys` (the rows to render, in display order). `reserved` slots are never given to another row:
 * the element of a row whose session left while it held the keyboard focus goes away rather than come to stand for
 * someone else. The `sticky` row (the focused one) always keeps its slot.
 */
export function assignSlots(
  previous: SlotAssignment,
  keys: readonly string[],
  reserved: ReadonlySet<string> = new Set(),
  sticky: string | null = null,
): SlotAssignment {
  const byRow = moveFree(previous, keys, reserved, previous.slotOf);
  const fresh = byRow.next - previous.next;
  if (fresh * 2 <= keys.length) return byRow;
  // most rows would be new elements (many logins above the rows in view, a big scroll step): rewriting every row in
  // place costs less than mounting most of them, so only the sticky (focused) row keeps its element then
  const stickySlot = sticky === null ? undefined : previous.slotOf.get(sticky);
  const byPlace = moveFree(previous, keys, reserved, stickySlot === undefined ? new Map() : new Map([[sticky!, stickySlot]]));
  return byPlace.next - previous.next < fresh ? byPlace : byRow;
}

/** Rows in `keep` keep their slots; the others take freed slots where React need not move them, or new ones. */
function moveFree(
  previous: SlotAssignment,
  keys: readonly string[],
  reserved: ReadonlySet<string>,
  keep: ReadonlyMap<string, string>,
): SlotAssignment {
  const oldIndex = new Map(previous.order.map((slot, index) => [slot, index]));
  const kept = keys.map((key) => keep.get(key));
  const keptSlots = new Set(kept.filter((slot): slot is string => slot !== undefined));
  const free = previous.order.filter((slot) => !keptSlots.has(slot) && !reserved.has(slot));
  // for each position, the old place of the next row that keeps its element: a reused element must come before it
  const nextKept: number[] = new Array(keys.length);
  let upcoming = Infinity;
  for (let i = keys.length - 1; i >= 0; i--) {
    nextKept[i] = upcoming;
    const slot = kept[i];
    if (slot !== undefined) upcoming = oldIndex.get(slot)!;
  }
  const order: string[] = [];
  const slotOf = new Map<string, string>();
  let next = previous.next;
  let lastPlaced = -1;
  let f = 0;
  const placeOf = (slot: string) => oldIndex.get(slot) ?? -1;
  keys.forEach((key, i) => {
    let slot = kept[i];
    if (slot === undefined) {
      while (f < free.length && placeOf(free[f]!) <= lastPlaced) f++;
      const candidate = free[f];
      if (candidate !== undefined && placeOf(candidate) < (nextKept[i] ?? Infinity)) {
        slot = candidate;
        f++;
        lastPlaced = placeOf(slot);
      } else {
        slot = `s${next++}`;
      }
    } else {
      lastPlaced = placeOf(slot);
    }
    order.push(slot);
    slotOf.set(key, slot);
  });
  return { order, slotOf, next };
}
