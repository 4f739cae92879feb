import { act, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionBytes } from './SessionBytes';
import { countInterval, nextCountAt, sessionBytesText } from './sessionBytes';
import { clockTime } from '../format/time';

const LOGIN = '2026-11-27T18:41:20Z';
const at = (iso: string) => Date.parse(iso);
// the app's one clock (format/time), whose own test pins it to 24 hours
const clock = (iso: string) => clockTime(at(iso));
const fresh = { loginAt: LOGIN, countersAt: null, countersEvery: 60, counters: { rxBytes: 0, txBytes: 0 } };

describe('session byte totals', () => {
  it('says when the first count comes instead of showing 0 B before the first sample', () => {
    const text = sessionBytesText(fresh, at('2026-11-27T18:41:30Z'));
    expect(text).not.toMatch(/0 B/);
    // login 18:41:20 + one minute is 18:42:20: "by 18:43", never earlier than the sample can come
    expect(text).toBe(`Bytes counted every minute — first count by ${clock('2026-11-27T18:43:00Z')}`);
    expect(sessionBytesText(fresh, at('2026-11-27T18:43:01Z'))).toBe('Bytes counted every minute — first count not in yet');
  });

  it('shows the totals and when they were counted once sampled, zero included', () => {
    const counted = { loginAt: LOGIN, countersAt: '2026-11-27T18:42:05Z', countersEvery: 60, counters: { rxBytes: 0, txBytes: 61_500_000 } };
    expect(sessionBytesText(counted, at('2026-11-27T18:42:10Z'))).toBe(`↓ 61.5 MB ↑ 0 B · counted ${clock('2026-11-27T18:42:05Z')}`);
  });

  it('reads the session again one interval after the last count, never in the past', () => {
    expect(nextCountAt(fresh, at('2026-11-27T18:41:30Z'))).toBe(at('2026-11-27T18:42:25Z'));
    const counted = { ...fresh, countersAt: '2026-11-27T18:42:05Z' };
    expect(nextCountAt(counted, at('2026-11-27T18:42:30Z'))).toBe(at('2026-11-27T18:43:10Z'));
    // a late sample: the next read is the next interval from now on, not a loop on a past time
    const late = nextCountAt(fresh, at('2026-11-27T18:45:00Z'));
    expect(late).toBeGreaterThan(at('2026-11-27T18:45:00Z'));
    expect(late - at('2026-11-27T18:45:00Z')).toBeLessThanOrEqual(60_000);
  });
});

describe('a platform sampling at another interval', () => {
  it('says its own interval and waits for it, not for a minute', () => {
    const fiveMinutes = { ...fresh, countersEvery: 300 };
    expect(countInterval(300)).toBe('every 5 minutes');
    expect(countInterval(30)).toBe('every 30 s');
    // login 18:41:20 + five minutes is 18:46:20: "by 18:47"
    expect(sessionBytesText(fiveMinutes, at('2026-11-27T18:44:00Z'))).toBe(
      `Bytes counted every 5 minutes — first count by ${clock('2026-11-27T18:47:00Z')}`,
    );
    expect(nextCountAt(fiveMinutes, at('2026-11-27T18:41:30Z'))).toBe(at('2026-11-27T18:46:25Z'));
  });
});

describe('SessionBytes', () => {
  beforeEach(() => vi.useFakeTimers({ now: at('2026-11-27T18:41:30Z') }));
  afterEach(() => vi.useRealTimers());

  it('changes from "first count by" to "not in yet" with the clock, without new data', () => {
    render(
      <MantineProvider>
        <SessionBytes session={fresh} />
      </MantineProvider>,
    );
    expect(screen.getByTestId('session-bytes')).toHaveTextContent('first count by');
    act(() => vi.advanceTimersByTime(100_000));
    expect(screen.getByTestId('session-bytes')).toHaveTextContent('first count not in yet');
  });
});
