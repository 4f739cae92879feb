import { Client, cacheExchange, fetchExchange, subscriptionExchange, mapExchange } from 'urql';
import { accessToken, markExpired } from '../auth/session';
import { trustedFetch, trustedText } from './documents';
import { liveConnection } from './liveConnection';
import { liveSocket } from './liveSocket';

function websocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql-ws`;
}

export function createApiClient(): Client {
  // graphql-ws is fetched with the first subscription, not as part of the first screen's script
  let ws: Promise<ReturnType<typeof liveSocket>> | undefined;
  const websocket = () =>
    (ws ??= import('graphql-ws').then(({ createClient }) =>
      liveSocket(createClient, { url: websocketUrl(), state: liveConnection, token: accessToken, onRefused: markExpired }),
    ));
  return new Client({
    url: '/graphql',
    // the API takes POST only
    preferGetMethod: false,
    // documents carry their own selections; results are re-read after every mutation of the same types
    exchanges: [
      mapExchange({
        onError(error) {
          const status = error.response instanceof Response ? error.response.status : 0;
          const code = error.graphQLErrors[0]?.extensions?.code;
          if (status === 401 || code === 'UNAUTHENTICATED') {
            markExpired();
          }
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          // the manifest's text, like every HTTP request (trusted documents, ADR 0147)
          return {
            subscribe(sink) {
              let unsubscribe: (() => void) | undefined;
              let closed = false;
              Promise.all([websocket(), trustedText(request.operationName, request.query ?? '')])
                .then(([client, query]) => {
                  if (!closed) unsubscribe = client.subscribe({ ...request, query }, sink);
                })
                .catch((error: unknown) => sink.error(error));
              return {
                unsubscribe() {
                  closed = true;
                  unsubscribe?.();
                },
              };
            },
          };
        },
      }),
    ],
    fetch: trustedFetch,
    fetchOptions: () => {
      const token = accessToken();
      const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
      return { headers };
    },
    requestPolicy: 'cache-and-network',
  });
}
