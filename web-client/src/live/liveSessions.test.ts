import { describe, expect, it } from 'vitest';
import { compareBy, countBy, LiveSessions, newestFirst, visibleRows, type LiveBatch, type LiveOrder, type LiveRow } from './liveSessions';

const row = (id: string, username: string, loginAt: string, routerId = 'r1', planId: string | null = 'p1'): LiveRow => ({
  id,
  routerId,
  planId,
  subscriberId: planId ? `s-${id}` : null,
  username,
  address: `10.0.0.${id}`,
  callerId: `02:00:00:00:00:${id.padStart(2, '0')}`,
  loginAt,
});

describe('LiveSessions', () => {
  it('replaces everything on a snapshot and applies batches in order', () => {
    const live = new LiveSessions();
    live.apply([{ snapshot: true, truncated: false, started: [row('1', 'alice', '2026-01-01T00:00:01Z')], ended: [] }]);
    live.apply([
      { snapshot: false, truncated: false, started: [row('2', 'bob', '2026-01-01T00:00:02Z')], ended: ['1'] },
      { snapshot: false, truncated: false, started: [row('3', 'carol', '2026-01-01T00:00:03Z')], ended: ['2'] },
    ]);
    expect([...live.rows.keys()]).toEqual(['3']);
    expect(live.ordered.map((r) => r.id)).toEqual(['3']);
    live.apply([{ snapshot: true, truncated: true, started: [row('9', 'zed', '2026-01-01T00:00:09Z')], ended: [] }]);
    expect([...live.rows.keys()]).toEqual(['9']);
    expect(live.ordered.map((r) => r.id)).toEqual(['9']);
    expect(live.truncated).toBe(true);
  });

  it('changes its version only when something was applied', () => {
    const live = new LiveSessions();
    live.apply([]);
    expect(live.version).toBe(0);
    live.apply([{ snapshot: true, truncated: false, started: [], ended: [] }]);
    expect(live.version).toBe(1);
  });

  it('ignores a logout of a session it never had (a login and logout inside one batch window)', () => {
    const live = new LiveSessions();
    live.apply([{ snapshot: false, truncated: false, started: [], ended: ['404'] }]);
    expect(live.rows.size).toBe(0);
    expect(live.ordered).toHaveLength(0);
    expect(live.perRouter.size).toBe(0);
  });

  const ORDERS: LiveOrder[] = [
    { sort: 'online', descending: false },
    { sort: 'online', descending: true },
    { sort: 'username', descending: false },
    { sort: 'username', descending: true },
  ];

  it.each(ORDERS)('keeps the rows ordered by $sort (descending: $descending) as a full sort would, through batches and a change of order', (order) => {
    // names that differ only in case, names shared by two sessions, login times shared by several
    const names = ['alice', 'Alice', 'bob', 'BOB', 'carol', 'dave', 'alice'];
    let seed = 11;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const live = new LiveSessions();
    let next = 0;
    for (let round = 0; round < 120; round++) {
      if (round === 40) live.orderBy(order);
      const started = Array.from({ length: Math.floor(random() * 5) }, () => {
        const id = String(next++);
        return row(id, names[Math.floor(random() * names.length)] ?? 'x', `2026-01-01T00:00:${String(Math.floor(random() * 10)).padStart(2, '0')}Z`);
      });
      const ids = [...live.rows.keys()];
      const ended = random() < 0.5 && ids.length ? [ids[Math.floor(random() * ids.length)] ?? ''] : [];
      live.apply([{ snapshot: round === 80, truncated: false, started, ended }]);
      const expected = [...live.rows.values()].sort(compareBy(round < 40 ? ORDERS[0]! : order)).map((r) => r.id);
      expect(live.ordered.map((r) => r.id)).toEqual(expected);
    }
  });

  it('orders user names A to Z in any case, and reverses every order when descending', () => {
    const rows = [row('1', 'bob', '2026-01-01T00:00:03Z'), row('2', 'Alice', '2026-01-01T00:00:01Z'), row('3', 'carol', '2026-01-01T00:00:02Z')];
    const ids = (order: LiveOrder) => [...rows].sort(compareBy(order)).map((r) => r.username);
    expect(ids({ sort: 'username', descending: false })).toEqual(['Alice', 'bob', 'carol']);
    expect(ids({ sort: 'username', descending: true })).toEqual(['carol', 'bob', 'Alice']);
    expect(ids({ sort: 'online', descending: false })).toEqual(['bob', 'carol', 'Alice']);
    expect(ids({ sort: 'online', descending: true })).toEqual(['Alice', 'carol', 'bob']);
  });

  it('re-sorts once when the order changes, and says so by its version', () => {
    const live = new LiveSessions();
    live.apply([{ snapshot: true, truncated: false, started: [row('1', 'bob', '2026-01-01T00:00:02Z'), row('2', 'alice', '2026-01-01T00:00:01Z')], ended: [] }]);
    const before = live.version;
    live.orderBy({ sort: 'username', descending: false });
    expect(live.ordered.map((r) => r.username)).toEqual(['alice', 'bob']);
    expect(live.version).toBe(before + 1);
    live.orderBy({ sort: 'username', descending: false });
    expect(live.version).toBe(before + 1);
  });

  it('keeps the display order and the counts per router as a full sort and count would, whatever the batches', () => {
    // seeded pseudo-random churn: logins with earlier and later times (clock skew between routers), logouts of
    // sessions held and not held, a session id logging in again with other details, snapshots in between
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const pick = (ids: string[], otherwise: string) => ids[Math.floor(random() * ids.length)] ?? otherwise;
    const live = new LiveSessions();
    let next = 0;
    let most = 0;
    for (let round = 0; round < 200; round++) {
      const batches: LiveBatch[] = [];
      for (let b = 0; b < 1 + Math.floor(random() * 3); b++) {
        const started: LiveRow[] = [];
        for (let i = 0; i < Math.floor(random() * 6); i++) {
          const id = random() < 0.2 ? pick([...live.rows.keys()], String(next++)) : String(next++);
          const second = String(Math.floor(random() * 60)).padStart(2, '0');
          started.push(row(id, `user-${id}`, `2026-01-01T00:${String(round % 60).padStart(2, '0')}:${second}Z`, `r${Math.floor(random() * 4)}`));
        }
        const ids = [...live.rows.keys()];
        const ended = Array.from({ length: Math.floor(random() * 3) }, () => (random() < 0.8 ? pick(ids, 'never-online') : 'never-online'));
        batches.push({ snapshot: random() < 0.01, truncated: false, started, ended });
      }
      live.apply(batches);
      most = Math.max(most, live.rows.size);
      const expected = [...live.rows.values()].sort(newestFirst);
      expect(live.ordered.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      const counts = new Map<string, number>();
      for (const r of live.rows.values()) counts.set(r.routerId, (counts.get(r.routerId) ?? 0) + 1);
      expect(new Map(live.perRouter)).toEqual(counts);
    }
    // the case held more than a handful of sessions at a time
    expect(most).toBeGreaterThan(20);
  });

  it('holds only the sessions online, however many logged in and out before (ten minutes of churn)', () => {
    const live = new LiveSessions();
    const online: string[] = [];
    live.apply([{ snapshot: true, truncated: false, started: [], ended: [] }]);
    // 100 sessions online throughout; every frame 5 log in and the 5 oldest log out, on routers that come and go
    for (let frame = 0; frame < 3000; frame++) {
      const started = Array.from({ length: 5 }, (_, i) => {
        const id = `${frame}-${i}`;
        online.push(id);
        return row(id, `user-${id}`, new Date(Date.UTC(2026, 0, 1) + frame * 200 + i).toISOString(), `router-${Math.floor(frame / 100)}`);
      });
      const ended = online.length > 100 ? online.splice(0, online.length - 100) : [];
      live.apply([{ snapshot: false, truncated: false, started, ended }]);
    }
    expect(live.rows.size).toBe(100);
    expect(live.ordered).toHaveLength(100);
    expect(new Set(live.ordered.map((r) => r.id))).toEqual(new Set(online));
    // a router nobody is online on any more has no count left behind
    expect([...live.perRouter.keys()].sort()).toEqual([...new Set(live.ordered.map((r) => r.routerId))].sort());
    expect([...live.perRouter.values()].reduce((sum, count) => sum + count, 0)).toBe(100);
  });

  it('replaces its order and counts when they change, so views that compare them see the change', () => {
    const live = new LiveSessions();
    live.apply([{ snapshot: true, truncated: false, started: [row('1', 'alice', '2026-01-01T00:00:01Z')], ended: [] }]);
    const ordered = live.ordered;
    const counts = live.perRouter;
    live.apply([{ snapshot: false, truncated: false, started: [row('2', 'bob', '2026-01-01T00:00:02Z')], ended: [] }]);
    expect(live.ordered).not.toBe(ordered);
    expect(live.perRouter).not.toBe(counts);
    expect(ordered.map((r) => r.id)).toEqual(['1']);
    expect(counts.get('r1')).toBe(1);
  });
});

describe('visibleRows', () => {
  const rows = [
    row('2', 'Bob', '2026-01-01T00:00:03Z', 'r2', 'p2'),
    row('3', 'carol', '2026-01-01T00:00:02Z', 'r2', null),
    row('1', 'alice', '2026-01-01T00:00:01Z', 'r1', 'p1'),
  ];
  const pops: Record<string, string> = { r1: 'north', r2: 'south' };

  it('keeps the given order and returns the rows themselves without a filter', () => {
    expect(visibleRows(rows, {}, (id) => pops[id])).toBe(rows);
    expect(visibleRows(rows, { search: '  ' }, (id) => pops[id])).toBe(rows);
  });

  it('filters by router, POP and plan together', () => {
    expect(visibleRows(rows, { routerId: 'r2' }, (id) => pops[id]).map((r) => r.id)).toEqual(['2', '3']);
    expect(visibleRows(rows, { popId: 'north' }, (id) => pops[id]).map((r) => r.id)).toEqual(['1']);
    expect(visibleRows(rows, { popId: 'south', planId: 'p2' }, (id) => pops[id]).map((r) => r.id)).toEqual(['2']);
  });

  it('searches user name in any case, address and MAC anywhere in the text', () => {
    expect(visibleRows(rows, { search: 'bo' }, (id) => pops[id]).map((r) => r.id)).toEqual(['2']);
    expect(visibleRows(rows, { search: 'OB' }, (id) => pops[id]).map((r) => r.id)).toEqual(['2']);
    expect(visibleRows(rows, { search: '10.0.0.3' }, (id) => pops[id]).map((r) => r.id)).toEqual(['3']);
    expect(visibleRows(rows, { search: '00:01' }, (id) => pops[id]).map((r) => r.id)).toEqual(['1']);
  });
});

describe('countBy', () => {
  it('sums counts per group, most first, leaving out keys without one', () => {
    const perRouter = new Map([
      ['r1', 1],
      ['r2', 2],
      ['r3', 4],
      ['r4', 5],
    ]);
    const pop: Record<string, string | undefined> = { r1: 'north', r2: 'south', r3: 'south', r4: undefined };
    expect(countBy(perRouter, (id) => pop[id])).toEqual([
      ['south', 6],
      ['north', 1],
    ]);
    expect(countBy(perRouter, (id) => id)[0]).toEqual(['r4', 5]);
  });
});
