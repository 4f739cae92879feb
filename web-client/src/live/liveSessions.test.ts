import { describe, expect, it } from 'vitest';
import { countBy, LiveSessions, visibleRows, type LiveRow } from './liveSessions';

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
    live.apply([{ snapshot: true, truncated: true, started: [row('9', 'zed', '2026-01-01T00:00:09Z')], ended: [] }]);
    expect([...live.rows.keys()]).toEqual(['9']);
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
  });
});

describe('visibleRows', () => {
  const rows = [
    row('1', 'alice', '2026-01-01T00:00:01Z', 'r1', 'p1'),
    row('2', 'Bob', '2026-01-01T00:00:03Z', 'r2', 'p2'),
    row('3', 'carol', '2026-01-01T00:00:02Z', 'r2', null),
  ];
  const pops: Record<string, string> = { r1: 'north', r2: 'south' };

  it('sorts newest login first', () => {
    expect(visibleRows(rows, {}, (id) => pops[id]).map((r) => r.username)).toEqual(['Bob', 'carol', 'alice']);
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
    expect(visibleRows(rows, { search: '  ' }, (id) => pops[id])).toHaveLength(3);
  });
});

describe('countBy', () => {
  it('counts per key, most first, skipping rows without one', () => {
    const rows = [row('1', 'a', 'x', 'r1'), row('2', 'b', 'x', 'r2'), row('3', 'c', 'x', 'r2'), row('4', 'd', 'x', 'r3')];
    expect(countBy(rows, (r) => (r.routerId === 'r3' ? undefined : r.routerId))).toEqual([
      ['r2', 2],
      ['r1', 1],
    ]);
  });
});
