import type { Client as WebSocketClient, createClient as CreateClient, FormattedExecutionResult, Sink, SubscribePayload } from 'graphql-ws';
import { reconnectDelay, UNAUTHORIZED_CLOSURE, type LiveConnectionState } from './liveConnection';

interface LiveSocketOptions {
  url: string;
  /** Where the connection's state is reported (the page's `liveConnection`). */
  state: LiveConnectionState;
  /** The access token sent in `connection_init` (read at each connection). */
  token: () => string | null;
  /** Called when the server refused the token (4401): the app's "session expired" path. */
  onRefused: () => void;
  /** Tests give a fake socket; the browser's by default. */
  webSocketImpl?: unknown;
}

/**
 * The page's one graphql-ws client, reporting its state to `options.state` (ADR 0244). A page left open keeps its
 * live updates: it retries as long as it is open, each wait at most RECONNECT_CAP_MS, and re-reads what it shows once
 * live again. A close graphql-ws does not retry (its fatal codes, such as a refused token) ends every subscription
 * with that close event; `subscribe` reports it, so the state says the updates stopped instead of "reconnecting".
 */
export function liveSocket(createClient: typeof CreateClient, options: LiveSocketOptions) {
  const client: WebSocketClient = createClient({
    url: options.url,
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelay(retries, Math.random()))),
    connectionParams: () => ({ Authorization: `Bearer ${options.token() ?? ''}` }),
    webSocketImpl: options.webSocketImpl,
    on: {
      connecting: () => options.state.connecting(),
      connected: () => options.state.connected(),
      closed: (event) => options.state.closed((event as { code?: number } | undefined)?.code),
    },
  });
  const subscribe = <Data = Record<string, unknown>, Extensions = unknown>(
    payload: SubscribePayload,
    sink: Sink<FormattedExecutionResult<Data, Extensions>>,
  ): (() => void) =>
    client.subscribe<Data, Extensions>(payload, {
      next: (value) => sink.next(value),
      complete: () => sink.complete(),
      error: (error) => {
        const code = closeCode(error);
        if (code !== null) {
          options.state.gaveUp(code);
          if (code === UNAUTHORIZED_CLOSURE) options.onRefused();
        }
        sink.error(error);
      },
    });
  return { subscribe, dispose: () => client.dispose() };
}

/** The code of a socket's close event (how graphql-ws ends subscriptions it will not retry), else null. */
function closeCode(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('code' in error) || !('reason' in error)) return null;
  return typeof error.code === 'number' ? error.code : null;
}
