import { describe, expect, it } from 'vitest';
import { offsetsAt, stripBase, type PlacedRow } from './rowStrip';

const placed = (slots: string[], first: number): PlacedRow[] => slots.map((slot, i) => ({ slot, index: first + i }));

describe('stripBase', () => {
  it('moves the strip by the shift the rows made together, so no row changes its offset', () => {
    const before = placed(['a', 'b', 'c', 'd'], 10);
    const offsets = offsetsAt(10, before);
    // three logins above: the same elements, three places further down
    const after = placed(['a', 'b', 'c', 'd'], 13);
    const base = stripBase(offsets, after);
    expect(base).toBe(13);
    expect(offsetsAt(base, after)).toEqual(offsets);
  });

  it('follows most rows when a logout among them moves only the rows below it', () => {
    const offsets = offsetsAt(0, placed(['a', 'b', 'c', 'd', 'e', 'f'], 100));
    // a login above (all +1), and 'b' logged out: c..f move +1 -1 = 0, a moves +1; a fresh row 'g' at the end
    const after = [{ slot: 'a', index: 101 }, ...placed(['c', 'd', 'e', 'f', 'g'], 102)];
    const base = stripBase(offsets, after);
    const next = offsetsAt(base, after);
    expect(['c', 'd', 'e', 'f'].filter((slot) => next.get(slot) === offsets.get(slot))).toHaveLength(4);
    expect(next.get('a')).not.toBe(offsets.get('a'));
  });

  it('keeps every element’s offset when a jump rewrites the same elements in place', () => {
    const offsets = offsetsAt(40, placed(['s0', 's1', 's2'], 40));
    const after = placed(['s0', 's1', 's2'], 900);
    expect(offsetsAt(stripBase(offsets, after), after)).toEqual(offsets);
  });

  it('starts at the first row when no element was placed before', () => {
    expect(stripBase(new Map(), placed(['x', 'y'], 7))).toBe(7);
    expect(stripBase(new Map(), [])).toBe(0);
  });
});
