// The live table's rows, kept from the feed's snapshot and batches (pure: no React, tested on its own).

export interface LiveRow {
  id: string;
  routerId: string;
  subscriberId?: string | null;
  planId?: string | null;
  username: string;
  address: string;
  callerId: string;
  loginAt: string;
}

export interface LiveBatch {
  snapshot: boolean;
  truncated: boolean;
  started: readonly LiveRow[];
  ended: readonly string[];
}

export interface LiveFilter {
  routerId?: string | null;
  popId?: string | null;
  planId?: string | null;
  search?: string;
}

/**
 * The orders the live table offers, by column: `online` ascending is the shortest time online first (newest login
 * first: the default, and the API's LOGIN_NEWEST), descending the oldest login first (LOGIN_OLDEST); `username`
 * ascending is A to Z in any case (USERNAME), descending Z to A.
 */
export type LiveSortKey = 'username' | 'online';
export const LIVE_SORT_KEYS: readonly LiveSortKey[] = ['username', 'online'];

export interface LiveOrder {
  sort: LiveSortKey;
  descending: boolean;
}

export const NEWEST_FIRST: LiveOrder = { sort: 'online', descending: false };

const byId = (a: LiveRow, b: LiveRow) => (a.id === b.id ? 0 : a.id < b.id ? -1 : 1);

/** Newest login first; ISO-8601 instants in UTC sort as text, the id breaks ties so the order is stable. */
export function newestFirst(a: LiveRow, b: LiveRow): number {
  if (a.loginAt !== b.loginAt) return a.loginAt < b.loginAt ? 1 : -1;
  return -byId(a, b);
}

/** User name A to Z in any case; the name as typed, then the id, break ties so the order is total. */
function byUsername(a: LiveRow, b: LiveRow): number {
  const x = a.username.toLowerCase();
  const y = b.username.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  if (a.username !== b.username) return a.username < b.username ? -1 : 1;
  return byId(a, b);
}

/** The comparison of an order: a total order (no two rows compare equal), so a merge equals a full sort. */
export function compareBy(order: LiveOrder): (a: LiveRow, b: LiveRow) => number {
  const ascending = order.sort === 'username' ? byUsername : newestFirst;
  return order.descending ? (a, b) => ascending(b, a) : ascending;
}

/**
 * Sessions online now by id, kept in display order and counted per router as batches arrive: a batch of 50 changes
 * costs one pass over the rows (merge), not a sort of all 5,000 and two counts over them, in the frame that shows it.
 * `version` changes with every applied batch so views know when to re-derive; `ordered` and `perRouter` are replaced
 * (never changed in place) when they change.
 */
export class LiveSessions {
  readonly rows = new Map<string, LiveRow>();
  ordered: readonly LiveRow[] = [];
  perRouter: ReadonlyMap<string, number> = new Map();
  version = 0;
  truncated = false;
  private order: LiveOrder = NEWEST_FIRST;
  private compare = compareBy(NEWEST_FIRST);

  /** Re-sorts the rows once in another order (a click on a header); later batches merge into it. */
  orderBy(order: LiveOrder): void {
    if (order.sort === this.order.sort && order.descending === this.order.descending) return;
    this.order = order;
    this.compare = compareBy(order);
    this.ordered = [...this.ordered].sort(this.compare);
    this.version++;
  }

  /** Applies batches in order; a snapshot replaces everything before it. */
  apply(batches: readonly LiveBatch[]): void {
    if (!batches.length) return;
    let rebuilt = false;
    const gone = new Set<string>();
    const started = new Set<string>();
    const counts = new Map(this.perRouter);
    const count = (routerId: string, delta: number) => {
      const next = (counts.get(routerId) ?? 0) + delta;
      if (next > 0) counts.set(routerId, next);
      else counts.delete(routerId);
    };
    for (const batch of batches) {
      if (batch.snapshot) {
        this.rows.clear();
        counts.clear();
        gone.clear();
        started.clear();
        rebuilt = true;
      }
      this.truncated = batch.truncated;
      for (const row of batch.started) {
        const before = this.rows.get(row.id);
        if (before) {
          count(before.routerId, -1);
          gone.add(row.id);
        }
        this.rows.set(row.id, row);
        started.add(row.id);
        count(row.routerId, 1);
      }
      for (const id of batch.ended) {
        const before = this.rows.get(id);
        if (!before) continue;
        this.rows.delete(id);
        count(before.routerId, -1);
        gone.add(id);
      }
    }
    this.ordered = rebuilt ? [...this.rows.values()].sort(this.compare) : this.merged(gone, started);
    this.perRouter = counts;
    this.version++;
  }

  /**
   * The previous order without the rows that left or changed (`gone`), merged with the rows that logged in (`started`,
   * those still online): work in proportion to the rows plus the batch, with no set of all ids.
   */
  private merged(gone: ReadonlySet<string>, started: ReadonlySet<string>): LiveRow[] {
    const kept: LiveRow[] = [];
    for (const row of this.ordered) {
      if (!gone.has(row.id)) kept.push(row);
    }
    const added: LiveRow[] = [];
    for (const id of started) {
      const row = this.rows.get(id);
      if (row) added.push(row);
    }
    if (!added.length) return kept;
    added.sort(this.compare);
    const out: LiveRow[] = [];
    let i = 0;
    let j = 0;
    for (;;) {
      const a = kept[i];
      const b = added[j];
      if (a && (!b || this.compare(a, b) <= 0)) {
        out.push(a);
        i++;
      } else if (b) {
        out.push(b);
        j++;
      } else {
        break;
      }
    }
    return out;
  }
}

/**
 * The rows matching the filter, in the order given (the store's); search matches anywhere in user
 * name, IP address or MAC. Without a filter the rows themselves are returned, not a copy.
 */
export function visibleRows(rows: readonly LiveRow[], filter: LiveFilter, popOf: (routerId: string) => string | undefined): readonly LiveRow[] {
  const needle = (filter.search ?? '').trim().toLowerCase();
  if (!filter.routerId && !filter.planId && !filter.popId && !needle) return rows;
  return rows.filter(
    (row) =>
      (!filter.routerId || row.routerId === filter.routerId) &&
      (!filter.planId || row.planId === filter.planId) &&
      (!filter.popId || popOf(row.routerId) === filter.popId) &&
      (!needle ||
        row.username.toLowerCase().includes(needle) ||
        row.address.includes(needle) ||
        row.callerId.toLowerCase().includes(needle)),
  );
}

/** Counts summed per key (a router's POP), most first; keys without a group are left out. */
export function countBy(counts: ReadonlyMap<string, number>, groupOf: (key: string) => string | undefined): [string, number][] {
  const out = new Map<string, number>();
  for (const [key, count] of counts) {
    const group = groupOf(key);
    if (group !== undefined) out.set(group, (out.get(group) ?? 0) + count);
  }
  return [...out.entries()].sort((a, b) => b[1] - a[1]);
}
