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


describe('assignSlots', () => {
  it('gives a jump to other rows the same elements, in the same order', () => {
    const before = assignSlots(NO_SLOTS, keys(100, 130));
    const after = assignSlots(before, keys(0, 30));
    expect(after.order).toEqual(before.order);
    expect(after.next).toBe(before.next);
    expect(moves(before, after)).toBe(0);
  });

  it('keeps the element of every row that stays, and gives a few rows inserted above new ones rather than move any', () => {
    const before = assignSlots(NO_SLOTS, keys(0, 30));
    // 5 logins at the top push 5 rows out at the bottom
    const after = assignSlots(before, [...keys(0, 5, 'new'), ...keys(0, 25)]);
    for (const key of keys(0, 25)) expect(after.slotOf.get(key)).toBe(before.slotOf.get(key));
    expect(moves(before, after)).toBe(0);
    expect(after.next - before.next).toBe(5);
  });

  it('rewrites the elements in place when most rows would be new, and never takes the focused row’s', () => {
    const before = assignSlots(NO_SLOTS, keys(0, 30));
    // 25 logins at the top push 25 rows out: mounting 25 costs more than rewriting 30
    const next = [...keys(0, 25, 'new'), ...keys(0, 5)];
    const rewritten = assignSlots(before, next);
    expect(rewritten.order).toEqual(before.order);
    expect(rewritten.next).toBe(before.next);
    const focused = assignSlots(before, next, new Set(), 'k3');
    expect(focused.slotOf.get('k3')).toBe(before.slotOf.get('k3'));
    expect(moves(before, focused)).toBe(0);
  });

  it('never moves an element whatever mix of staying, leaving and entering rows', () => {
    let state = assignSlots(NO_SLOTS, keys(0, 31));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const previousKeys = [...state.slotOf.keys()];
      const next = previousKeys.filter(() => random() > 0.3);
      for (let i = 0; i < 10; i++) next.splice(Math.floor(random() * (next.length + 1)), 0, `r${round}-${i}`);
      const sticky = next.find((key) => state.slotOf.has(key)) ?? null;
      const after = assignSlots(state, next, new Set(), sticky);
      expect(moves(state, after)).toBe(0);
      if (sticky) expect(after.slotOf.get(sticky)).toBe(state.slotOf.get(sticky));
      // either every row that stayed kept its element, or at least half the rows reused one
      const stayed = next.filter((key) => state.slotOf.has(key));
      const keptAll = stayed.every((key) => after.slotOf.get(key) === state.slotOf.get(key));
      expect(keptAll || (after.next - state.next) * 2 <= next.length).toBe(true);
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
