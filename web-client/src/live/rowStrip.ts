/**
 * Where the strip that holds the rendered rows is placed (ADR 0222). Each row element is placed by its own transform
 * inside the strip, at its index minus the strip's base; the strip by one transform at the base. A batch of logins or
 * logouts above the rows in view moves every rendered row by the same number of places: choosing the base that keeps
 * most elements at their offset in the strip, that batch changes one transform (the strip's) instead of ~30 rows'
 * styles, and a jump that rewrites the elements in place (ADR 0210) changes none of theirs either. Pure: the table
 * keeps the offsets it committed and asks for the next base each render.
 */
export interface PlacedRow {
  /** The row element (`rowSlots` slot id). */
  readonly slot: string;
  /** The row's place in the table. */
  readonly index: number;
}

/**
 * The base (in rows) for `rows`, given each element's offset in the strip at the last commit: the base that leaves the
 * most elements where they were (the first such in display order on a tie); with no element placed before, the first
 * row's index.
 */
export function stripBase(offsetOf: ReadonlyMap<string, number>, rows: readonly PlacedRow[]): number {
  const votes = new Map<number, number>();
  let best: number | undefined;
  let bestVotes = 0;
  for (const { slot, index } of rows) {
    const offset = offsetOf.get(slot);
    if (offset === undefined) continue;
    const base = index - offset;
    const count = (votes.get(base) ?? 0) + 1;
    votes.set(base, count);
    if (count > bestVotes) {
      best = base;
      bestVotes = count;
    }
  }
  return best ?? rows[0]?.index ?? 0;
}

/** Each element's offset in the strip once `rows` are placed at `base`. */
export function offsetsAt(base: number, rows: readonly PlacedRow[]): Map<string, number> {
  return new Map(rows.map(({ slot, index }) => [slot, index - base]));
}
