import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from 'graphql-ws';
import { LiveConnectionState } from './liveConnection';
import { liveSocket } from './liveSocket';

/** A server that closes every connection with `code` once the client sent `connection_init`. */
function closingServer(code: number) {
  const opened: FakeSocket[] = [];
  class FakeSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readyState = 0;
    protocol = 'graphql-transport-ws';
    onopen: (() => void) | null = null;
    onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: string }) => void) | null = null;
    constructor() {
      opened.push(this);
      setTimeout(() => {
        this.readyState = FakeSocket.OPEN;
        this.onopen?.();
      }, 0);
    }
    send(data: string) {
      if (JSON.parse(data).type === 'connection_init') setTimeout(() => this.close(code, 'closed by the server'), 0);
    }
    close(closeCode = 1000, reason = '') {
      if (this.readyState === 3) return;
      this.readyState = 3;
      this.onclose?.({ code: closeCode, reason, wasClean: true });
    }
  }
  return { FakeSocket, opened };
}

function watch(code: number) {
  const server = closingServer(code);
  const state = new LiveConnectionState();
  const onRefused = vi.fn();
  const socket = liveSocket(createClient, { url: 'ws://test/graphql-ws', state, token: () => 'token', onRefused, webSocketImpl: server.FakeSocket });
  const errors: unknown[] = [];
  socket.subscribe({ query: 'subscription { x }' }, { next: () => undefined, complete: () => undefined, error: (error) => errors.push(error) });
  return { server, state, onRefused, errors, socket };
}

describe('liveSocket', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says the session was refused, and asks to sign in again, when the server refuses the token (4401)', async () => {
    const { state, onRefused, errors, server } = watch(4401);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(state.get().state).toBe('refused');
    expect(onRefused).toHaveBeenCalledOnce();
    expect(errors).toHaveLength(1);
    // graphql-ws gave up: nothing is being retried, so "Reconnecting…" would be untrue
    expect(server.opened).toHaveLength(1);
  });

  // every close graphql-ws does not retry ends in a state that says so; the badge was "Reconnecting…" for ever
  it.each([4400, 4500, 4005, 1002, 1003])('says live updates stopped after the fatal close %i', async (code) => {
    const { state, onRefused, server } = watch(code);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(state.get().state).toBe('stopped');
    expect(onRefused).not.toHaveBeenCalled();
    expect(server.opened).toHaveLength(1);
  });

  it.each([1006, 1001, 4403, 4499])('keeps reconnecting after the close %i, which graphql-ws retries', async (code) => {
    const { state, errors, server, socket } = watch(code);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.get().state).toBe('reconnecting');
    expect(errors).toHaveLength(0);
    expect(server.opened.length).toBeGreaterThan(1);
    socket.dispose();
  });
});
