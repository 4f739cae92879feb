import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Provider, type Client, type Operation } from 'urql';
import { fromValue, never } from 'wonka';
import { describe, expect, it } from 'vitest';
import DashboardView from './DashboardView';
import SubscribersView from '../subscribers/SubscribersView';

const IN_GRACE = 3;
const PLAN = '3c9d2b1e-6a4f-4e8d-9b7c-0f1e2d3c4b5a';

const pageInfo = { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

const subscriber = (id: string) => ({
  __typename: 'Subscriber',
  id,
  username: `grace-${id}`,
  fullName: null,
  status: 'ACTIVE',
  syncState: 'IN_SYNC',
  expiresOn: '2026-11-20',
  createdAt: '2026-10-01T08:00:00Z',
  plan: { __typename: 'Plan', id: 'p1', name: 'Home' },
  router: { __typename: 'Router', id: 'r1', name: 'edge' },
  session: null,
});

const answers: Record<string, (variables: Record<string, unknown>) => object> = {
  TenantSummary: () => ({
    tenantSummary: {
      routers: { total: 1, online: 1, unreachable: 0, authFailed: 0, unknown: 0 },
      subscribers: { total: 40, pending: 0, active: 30, inGrace: IN_GRACE, suspended: 7, disabled: 0 },
      operations: { queued: 0, running: 0, waitingForRouter: 0, failed: 0 },
      alerts: { open: 0, acknowledged: 0 },
      driftItemsOpen: 0,
      onlineSessions: 12,
    },
  }),
  // the list answers what the platform would: only the subscribers in grace when asked for them, else all 40
  Subscribers: (variables) => {
    const count = variables.lifecycleState === 'GRACE' ? IN_GRACE : 40;
    const shown = Math.min(count, 5);
    return {
      subscriberSearch: { edges: Array.from({ length: shown }, (_, i) => ({ node: subscriber(String(i)) })), pageInfo },
      subscriberCount: count,
    };
  },
  SubscriberChoices: () => ({ plans: { edges: [] }, routers: { edges: [] } }),
};

/** The dashboard and the subscriber list as the app routes them, over a platform that records what it was asked. */
function app(path: string) {
  const asked: Operation[] = [];
  const client = {
    executeQuery: (operation: Operation) => {
      asked.push(operation);
      const name = operation.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value ?? '';
      const answer = answers[name];
      return answer ? fromValue({ data: answer(operation.variables as Record<string, unknown>), stale: false, hasNext: false }) : never;
    },
    executeSubscription: () => never,
  } as unknown as Client;
  render(
    <MantineProvider>
      <Provider value={client}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/" element={<DashboardView />} />
            <Route path="/subscribers" element={<><SubscribersView /><Where /></>} />
          </Routes>
        </MemoryRouter>
      </Provider>
    </MantineProvider>,
  );
  const listVariables = () =>
    asked.filter((operation) => operation.query.definitions.some((d) => d.kind === 'OperationDefinition' && d.name?.value === 'Subscribers')).map((operation) => operation.variables as Record<string, unknown>);
  return { listVariables };
}

function Where() {
  return <output data-testid="search">{useLocation().search}</output>;
}

describe('the dashboard tile "Subscribers in grace"', () => {
  it('leads to the list of exactly the subscribers in grace, whose count is the tile’s', async () => {
    const { listVariables } = app('/');
    const tile = await screen.findByRole('region', { name: 'Subscribers in grace' });
    expect(within(tile).getByTestId('figure')).toHaveTextContent(String(IN_GRACE));
    await userEvent.click(within(tile).getByRole('link', { name: 'Show them' }));

    expect(screen.getByTestId('search')).toHaveTextContent('?lifecycle=GRACE');
    await waitFor(() => expect(listVariables().at(-1)).toMatchObject({ lifecycleState: 'GRACE', status: null }));
    expect(await screen.findByText(new RegExp(`^${IN_GRACE} subscribers`))).toBeInTheDocument();
    // the filter is shown on the list, so the staff see why it holds only these
    expect(screen.getByRole('combobox', { name: 'Lifecycle' })).toHaveValue('In grace');
  });

  it('links the breakdown’s "In grace" row to the same list', async () => {
    app('/');
    const breakdown = await screen.findByRole('region', { name: 'Subscribers' });
    expect(within(breakdown).getByRole('link', { name: 'In grace' })).toHaveAttribute('href', '/subscribers?lifecycle=GRACE');
  });
});

describe('the subscriber list’s lifecycle filter', () => {
  it('is read from the URL and cleared back out of it', async () => {
    const { listVariables } = app(`/subscribers?lifecycle=SUSPENDED&plan=${PLAN}`);
    await waitFor(() => expect(listVariables().at(-1)).toMatchObject({ lifecycleState: 'SUSPENDED', planId: PLAN }));
    await userEvent.click(screen.getByRole('button', { name: 'Clear lifecycle' }));
    expect(screen.getByTestId('search')).toHaveTextContent(`?plan=${PLAN}`);
    await waitFor(() => expect(listVariables().at(-1)).toMatchObject({ lifecycleState: null, planId: PLAN }));
  });

  it('filters nothing for a state the API does not know, rather than failing the list', async () => {
    const { listVariables } = app('/subscribers?lifecycle=NOTICE');
    await waitFor(() => expect(listVariables().at(-1)).toMatchObject({ lifecycleState: null }));
    expect(await screen.findByText(/^40 subscribers/)).toBeInTheDocument();
  });
});
