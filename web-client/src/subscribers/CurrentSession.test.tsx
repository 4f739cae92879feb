import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { Client, makeResult, Provider, type Exchange } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { delay, filter, fromValue, makeSubject, map, mergeMap, pipe } from 'wonka';
import { CurrentSession } from './CurrentSession';

// the chart draws on a canvas jsdom does not have; what it draws is not the subject here
vi.mock('../charts/LiveChart', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../charts/LiveChart')>()),
  LiveChart: () => <div data-testid="live-chart" />,
}));

// jsdom's document is not 'visible' unless told: the speed stream runs only on a visible page
Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });

const session = {
  __typename: 'OnlineSession',
  id: 's-1',
  address: '10.64.0.7',
  callerId: '02:00:00:00:00:07',
  loginAt: new Date().toISOString(),
  counters: null,
  countersAt: null,
  countersEvery: 60,
  router: { __typename: 'Router', id: 'r-1', name: 'edge-1' },
};

/** A platform where the subscriber's session is what `online()` says when it is read, and whose speed stream is pushed by hand. */
function platform(online: () => boolean) {
  const traffic = makeSubject<object>();
  const answer: Exchange = () => (operations) =>
    pipe(
      operations,
      filter((operation) => operation.kind !== 'teardown'),
      mergeMap((operation) =>
        operation.kind === 'subscription'
          ? pipe(
              traffic.source,
              map((event) => makeResult(operation, { data: { subscriberTraffic: event } })),
            )
          : pipe(
              fromValue(makeResult(operation, { data: { subscriber: { __typename: 'Subscriber', id: 'sub-1', session: online() ? session : null } } })),
              delay(1),
            ),
      ),
    );
  const client = new Client({ url: 'http://127.0.0.1:9/graphql', exchanges: [answer] });
  return { client, push: (event: object) => traffic.next(event) };
}

function show(client: Client) {
  render(
    <MantineProvider>
      <Provider value={client}>
        <CurrentSession subscriberId="sub-1" />
      </Provider>
    </MantineProvider>,
  );
}

const sample = { __typename: 'TrafficSample', at: new Date().toISOString(), rxBitsPerSecond: 15000, txBitsPerSecond: 61000 };
const offline = { __typename: 'TrafficInterruption', code: 'SUBSCRIBER_OFFLINE', message: 'The subscriber is not online', retryAt: new Date().toISOString() };

describe('CurrentSession', () => {
  it('says the subscriber is online once their speed arrives, when the page was opened while they were offline', async () => {
    let online = false;
    const { client, push } = platform(() => online);
    show(client);
    expect(await screen.findByText('Offline')).toBeInTheDocument();

    online = true;
    push(sample);

    expect(await screen.findByText('Online on edge-1')).toBeInTheDocument();
    expect(screen.getByText('10.64.0.7')).toBeInTheDocument();
  });

  it('says the subscriber is offline, with no speed now, when their session ends while the page is open', async () => {
    let online = true;
    const { client, push } = platform(() => online);
    show(client);
    expect(await screen.findByText('Online on edge-1')).toBeInTheDocument();
    push(sample);
    expect(await screen.findByTestId('speed-now')).toHaveTextContent('61.0 kbit/s');

    online = false;
    push(offline);

    expect(await screen.findByText('Offline')).toBeInTheDocument();
    expect(screen.getByTestId('speed-now')).toHaveTextContent('—');
    expect(screen.getByText('Offline — no live speed')).toBeInTheDocument();
    expect(screen.queryByTestId('live-chart')).not.toBeInTheDocument();
  });

  it('shows no empty speed chart for a subscriber who is offline, and draws it once their speed arrives', async () => {
    let online = false;
    const { client, push } = platform(() => online);
    show(client);
    expect(await screen.findByText('Offline')).toBeInTheDocument();
    expect(screen.getByText('Offline — no live speed')).toBeInTheDocument();
    expect(screen.queryByTestId('live-chart')).not.toBeInTheDocument();

    online = true;
    push(sample);

    expect(await screen.findByTestId('live-chart')).toBeInTheDocument();
    expect(screen.queryByText('Offline — no live speed')).not.toBeInTheDocument();
  });
});
