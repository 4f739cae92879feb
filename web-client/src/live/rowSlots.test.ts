import { describe, expect, it } from 'vitest';
import { assignSlots, NO_SLOTS, type SlotAssignment } from './rowSlots';

const keys = (from: number, to: number, prefix = 'k') => Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);

/** React moves a keyed element when its old place comes before one already placed: none of ours may. */
function moves(previous: SlotAssignment, next: SlotAssignment): number {
  const oldIndex = new Map(previous.order.map((slot, index) => [slot, index]));
  let lastPlaced = -1;
  let moved = 0;
  for (const slot of next.order) {
    const old = oldIndex.get(slot);
    if (old === undefined) continue;
    if (old < lastPlaced) moved++;
    else lastPlaced = old;
  }
  return moved;
}

const reused = (previous: SlotAssignment, next: SlotAssignment) => next.order.filter((slot) => previous.order.includes(slot)).length;

describe('assignSlots', () => {
  it('gives a jump to other rows the same elements, in the same order', () => {
    const before = assignSlots(NO_SLOTS, keys(100, 130));
    const after = assignSlots(before, keys(0, 30));
    expect(after.order).toEqual(before.order);
    expect(after.next).toBe(before.next);
    expect(moves(before, after)).toBe(0);
  });

  it('keeps the element of every row that stays, and gives rows inserted above new ones rather than move any', () => {
    const before = assignSlots(NO_SLOTS, keys(0, 30));
    // 25 logins at the top push 25 rows out at the bottom
    const after = assignSlots(before, [...keys(0, 25, 'new'), ...keys(0, 5)]);
    for (const key of keys(0, 5)) expect(after.slotOf.get(key)).toBe(before.slotOf.get(key));
    expect(moves(before, after)).toBe(0);
    expect(reused(before, after)).toBe(5);
  });

  it('never moves an element whatever mix of staying, leaving and entering rows', () => {
    let state = assignSlots(NO_SLOTS, keys(0, 31));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const previousKeys = [...state.slotOf.keys()];
      const next = previousKeys.filter(() => random() > 0.3);
      for (let i = 0; i < 10; i++) next.splice(Math.floor(random() * (next.length + 1)), 0, `r${round}-${i}`);
      const after = assignSlots(state, next);
      expect(moves(state, after)).toBe(0);
      for (const key of next) if (state.slotOf.has(key)) expect(after.slotOf.get(key)).toBe(state.slotOf.get(key));
      expect(new Set(after.order).size).toBe(next.length);
      state = after;
    }
  });

  it('does not give a reserved element to another row', () => {
    const before = assignSlots(NO_SLOTS, keys(0, 3));
    const gone = before.slotOf.get('k1')!;
    const after = assignSlots(before, ['x0', 'x1', 'x2'], new Set([gone]));
    expect(after.order).not.toContain(gone);
    expect(after.order.filter((slot) => before.order.includes(slot))).toHaveLength(2);
  });
});
