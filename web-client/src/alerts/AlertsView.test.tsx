import { act, render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import { Client, Provider, type Exchange, type Operation } from 'urql';
import { never, pipe, tap, mergeMap } from 'wonka';
import { describe, expect, it } from 'vitest';
import { liveConnection } from '../api/liveConnection';
import AlertsView from './AlertsView';

/** A client that answers nothing and records every operation it was asked for. */
function recordingClient() {
  const asked: Operation[] = [];
  const recording: Exchange = () => (operations) =>
    pipe(
      operations,
      tap((operation) => asked.push(operation)),
      mergeMap(() => never),
    );
  return { client: new Client({ url: 'http://127.0.0.1:9/graphql', exchanges: [recording] }), asked };
}

const listReads = (asked: readonly Operation[]) =>
  asked.filter((operation) => operation.kind === 'query' && operation.query.definitions.some((d) => 'name' in d && d.name?.value === 'Alerts')).length;

describe('AlertsView', () => {
  it('reads the list again each time the live stream (re)starts, so an alert opened before the stream is not missed', () => {
    const { client, asked } = recordingClient();
    render(
      <MantineProvider>
        <Provider value={client}>
          <MemoryRouter initialEntries={['/alerts']}>
            <AlertsView />
          </MemoryRouter>
        </Provider>
      </MantineProvider>,
    );
    const first = listReads(asked);
    expect(first).toBeGreaterThan(0);

    act(() => {
      liveConnection.connecting();
      liveConnection.connected();
    });
    expect(listReads(asked)).toBe(first + 1);

    // dropped and back: alerts opened meanwhile reached no stream
    act(() => {
      liveConnection.closed(1006);
      liveConnection.connecting();
      liveConnection.connected();
    });
    expect(listReads(asked)).toBe(first + 2);
  });
});
