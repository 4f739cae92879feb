import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { Provider, type Client } from 'urql';
import { fromValue, never } from 'wonka';

/** A client that answers every query with `data` at once and never sends a subscription event. */
export function answering(data: object): Client {
  return {
    executeQuery: () => fromValue({ data, stale: false, hasNext: false }),
    executeSubscription: () => never,
  } as unknown as Client;
}

/** Renders `ui` as the app does: in Mantine's theme, talking to `client`. */
export function renderWithClient(client: Client, ui: ReactNode) {
  return render(
    <MantineProvider>
      <Provider value={client}>{ui}</Provider>
    </MantineProvider>,
  );
}
