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

/** Sessions online now by id; `version` changes with every applied batch so views know when to re-derive. */
export class LiveSessions {
  readonly rows = new Map<string, LiveRow>();
  version = 0;
  truncated = false;

  /** Applies batches in order; a snapshot replaces everything before it. */
  apply(batches: readonly LiveBatch[]): void {
    for (const batch of batches) {
      if (batch.snapshot) this.rows.clear();
      this.truncated = batch.truncated;
      for (const row of batch.started) this.rows.set(row.id, row);
      for (const id of batch.ended) this.rows.delete(id);
    }
    if (batches.length) this.version++;
  }
}

/** The rows matching the filter, newest login first; search matches anywhere in user name, IP address or MAC. */
export function visibleRows(rows: Iterable<LiveRow>, filter: LiveFilter, popOf: (routerId: string) => string | undefined): LiveRow[] {
  const needle = (filter.search ?? '').trim().toLowerCase();
  const out: LiveRow[] = [];
  for (const row of rows) {
    if (filter.routerId && row.routerId !== filter.routerId) continue;
    if (filter.planId && row.planId !== filter.planId) continue;
    if (filter.popId && popOf(row.routerId) !== filter.popId) continue;
    if (
      needle &&
      !row.username.toLowerCase().includes(needle) &&
      !row.address.includes(needle) &&
      !row.callerId.toLowerCase().includes(needle)
    ) {
      continue;
    }
    out.push(row);
  }
  // ISO-8601 instants in UTC sort as text; the id breaks ties so the order is stable between batches
  return out.sort((a, b) => (a.loginAt === b.loginAt ? (a.id < b.id ? 1 : -1) : a.loginAt < b.loginAt ? 1 : -1));
}

/** How many sessions are online per key (router or POP), most first. */
export function countBy(rows: Iterable<LiveRow>, keyOf: (row: LiveRow) => string | undefined): [string, number][] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}
