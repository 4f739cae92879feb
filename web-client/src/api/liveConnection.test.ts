import { describe, expect, it } from 'vitest';
import { LiveConnectionState } from './liveConnection';

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
