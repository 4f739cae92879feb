import { useSyncExternalStore } from 'react';

/**
 * The state of the one graphql-ws connection every subscription of the page shares (ADR 0244). `live`: the server
 * acknowledged the connection (graphql-ws `connection_ack`), so the subscriptions sent on it are being served;
 * `reconnecting`: it was live and dropped, and the client is trying again (changes meanwhile reach no stream);
 * `connecting`: the first attempt; `idle`: no subscription wants a connection; `refused`: the server refused the
 * session's token (graphql-ws close 4401) and the client gave up — only signing in again brings updates back;
 * `stopped`: another close the client does not retry (graphql-ws's fatal codes), so a reload is needed. `epoch` counts
 * the times it became live, so a view that shows a snapshot plus a stream re-reads the snapshot on each (re)connection.
 */
export type LiveState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'refused' | 'stopped';

export interface LiveConnection {
  readonly state: LiveState;
  readonly epoch: number;
}

/** The longest wait between two attempts to reconnect. */
export const RECONNECT_CAP_MS = 30000;

/**
 * How long to wait before the attempt after `retries` failed ones: doubling from 1 s, at most RECONNECT_CAP_MS, plus
 * up to 1 s of `jitter` (0..1) so the pages of a replica that went away do not all come back at once.
 */
export function reconnectDelay(retries: number, jitter: number): number {
  return Math.min(1000 * 2 ** retries, RECONNECT_CAP_MS) + Math.round(jitter * 1000);
}

/** Normal closure: graphql-ws's lazy client closes so when the last subscription ends. */
const NORMAL_CLOSURE = 1000;
/** graphql-ws's Unauthorized: the server refused the token in `connection_init`. */
export const UNAUTHORIZED_CLOSURE = 4401;
const GAVE_UP: ReadonlySet<LiveState> = new Set(['refused', 'stopped']);

export class LiveConnectionState {
  private current: LiveConnection = { state: 'idle', epoch: 0 };
  private readonly listeners = new Set<() => void>();

  get = (): LiveConnection => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  connecting(): void {
    const { state } = this.current;
    this.set(state === 'idle' || GAVE_UP.has(state) ? 'connecting' : 'reconnecting');
  }

  connected(): void {
    this.current = { state: 'live', epoch: this.current.epoch + 1 };
    this.listeners.forEach((listener) => listener());
  }

  closed(code: number | undefined): void {
    const { state } = this.current;
    if (GAVE_UP.has(state)) return;
    this.set(code === NORMAL_CLOSURE ? 'idle' : state === 'idle' ? 'idle' : 'reconnecting');
  }

  /**
   * The client will not try again after the close `code` (it ended its subscriptions with it): without this the badge
   * said "Reconnecting…" for ever after a refused token. Stays so until a new connection starts.
   */
  gaveUp(code: number): void {
    this.set(code === UNAUTHORIZED_CLOSURE ? 'refused' : 'stopped');
  }

  private set(state: LiveState): void {
    if (state === this.current.state) return;
    this.current = { ...this.current, state };
    this.listeners.forEach((listener) => listener());
  }
}

/** The page's one connection (the API client reports to it). */
export const liveConnection = new LiveConnectionState();

export function useLiveConnection(): LiveConnection {
  return useSyncExternalStore(liveConnection.subscribe, liveConnection.get);
}
