import { describe, expect, it } from 'vitest';
import { LiveConnectionState, RECONNECT_CAP_MS, reconnectDelay } from './liveConnection';

describe('LiveConnectionState', () => {
  it('is live only once the server acknowledged, and counts each time it became live', () => {
    const live = new LiveConnectionState();
    expect(live.get()).toEqual({ state: 'idle', epoch: 0 });
    live.connecting();
    expect(live.get()).toEqual({ state: 'connecting', epoch: 0 });
    live.connected();
    expect(live.get()).toEqual({ state: 'live', epoch: 1 });
  });

  it('says reconnecting when a live connection drops, and live again (a new epoch) when it is back', () => {
    const live = new LiveConnectionState();
    live.connecting();
    live.connected();
    live.closed(1006);
    expect(live.get().state).toBe('reconnecting');
    live.connecting();
    expect(live.get().state).toBe('reconnecting');
    live.connected();
    expect(live.get()).toEqual({ state: 'live', epoch: 2 });
  });

  it('goes idle when the last subscription ended and the client closed normally, and tells its listeners', () => {
    const live = new LiveConnectionState();
    const seen: string[] = [];
    live.subscribe(() => seen.push(live.get().state));
    live.connecting();
    live.connected();
    live.closed(1000);
    expect(seen).toEqual(['connecting', 'live', 'idle']);
    live.connecting();
    expect(live.get().state).toBe('connecting');
  });
});

describe('LiveConnectionState after the client gave up', () => {
  it('stays refused or stopped through the close that follows, and starts again with a new connection', () => {
    for (const [code, state] of [[4401, 'refused'], [4500, 'stopped']] as const) {
      const live = new LiveConnectionState();
      live.connecting();
      live.connected();
      live.closed(code);
      live.gaveUp(code);
      live.closed(code);
      expect(live.get().state).toBe(state);
      live.connecting();
      expect(live.get().state).toBe('connecting');
    }
  });
});

describe('reconnectDelay', () => {
  it('doubles from a second and never waits longer than the cap, however long the outage', () => {
    expect([0, 1, 2, 3].map((retries) => reconnectDelay(retries, 0))).toEqual([1000, 2000, 4000, 8000]);
    for (const retries of [5, 10, 100, 5000]) expect(reconnectDelay(retries, 0)).toBe(RECONNECT_CAP_MS);
    expect(reconnectDelay(5000, 1)).toBe(RECONNECT_CAP_MS + 1000);
  });
});
