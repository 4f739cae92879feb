import { Profiler } from 'react';
import { act, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionRow } from './SessionRow';
import { uptimeCellCount } from './uptimeCells';
import type { LiveRow } from './liveSessions';

const LOGIN = Date.parse('2026-11-27T10:00:00Z');
const session = (id: string, loginAt = LOGIN): LiveRow => ({
  id,
  routerId: 'router-1',
  username: `user ${id}`,
  address: '10.0.0.1',
  callerId: 'AA:BB:CC:00:00:01',
  loginAt: new Date(loginAt).toISOString(),
});

function rows(sessions: LiveRow[], onRender: () => void = () => undefined) {
  return (
    <MemoryRouter>
      <Profiler id="rows" onRender={onRender}>
        {sessions.map((row) => (
          <div role="row" key={row.id}>
            <SessionRow row={row} routerName="edge-01" planName="Bench 50" onKick={() => undefined} />
          </div>
        ))}
      </Profiler>
    </MemoryRouter>
  );
}

/** The "online for" cell of a row: the sixth. */
const uptimeOf = (username: string) => {
  const row = screen.getByText(username).closest('[role=row]') as HTMLElement;
  return row.querySelectorAll('[role=cell]')[5] as HTMLElement;
};

describe('SessionRow', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: LOGIN + 5_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks the online-for cell in place without rendering the row again', () => {
    const renders = vi.fn();
    render(rows([session('a'), session('b', LOGIN - 3_600_000)], renders));
    const cell = uptimeOf('user a');
    const text = cell.firstChild;
    expect(cell).toHaveTextContent('0m 05s');
    expect(uptimeOf('user b')).toHaveTextContent('1h 0m');
    expect(renders).toHaveBeenCalledTimes(1);

    act(() => vi.advanceTimersByTime(3_000));

    expect(cell).toHaveTextContent('0m 08s');
    // the same text node, changed: no node replaced, no component rendered (the row stays as it was committed)
    expect(cell.firstChild).toBe(text);
    expect(cell.childNodes).toHaveLength(1);
    expect(renders).toHaveBeenCalledTimes(1);

    act(() => vi.advanceTimersByTime(60_000));
    expect(cell).toHaveTextContent('1m 08s');
    expect(uptimeOf('user b')).toHaveTextContent('1h 1m');
    expect(renders).toHaveBeenCalledTimes(1);
  });

  it('shows another session’s time at once when a row’s element is given to it, and follows that session', () => {
    const { rerender } = render(rows([session('a')]));
    const cell = uptimeOf('user a');
    act(() => vi.advanceTimersByTime(2_000));
    expect(cell).toHaveTextContent('0m 07s');

    // the same element (same key) now stands for a session that logged in two hours ago
    rerender(rows([{ ...session('a', LOGIN - 7_200_000), username: 'user c' }]));
    expect(uptimeOf('user c')).toBe(cell);
    expect(cell).toHaveTextContent('2h 0m');
    act(() => vi.advanceTimersByTime(60_000));
    expect(cell).toHaveTextContent('2h 1m');
  });

  it('keeps no cell and no timer once the rows are gone', () => {
    const { rerender, unmount } = render(rows([session('a'), session('b'), session('c')]));
    expect(uptimeCellCount()).toBe(3);
    rerender(rows([session('b')]));
    expect(uptimeCellCount()).toBe(1);
    unmount();
    expect(uptimeCellCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
