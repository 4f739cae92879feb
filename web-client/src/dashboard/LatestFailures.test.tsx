import { render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import { Provider, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import { describe, expect, it, vi } from 'vitest';
import { LatestFailures } from './LatestFailures';

const failure = (id: string, kind: string, router: string | null, lastError: string | null) => ({
  node: {
    id,
    kind,
    status: 'FAILED',
    attempts: 5,
    lastError,
    errorCode: null,
    progressDone: 0,
    progressTotal: 1,
    progressFailed: 0,
    requestedBy: 'staff',
    createdAt: '2026-11-27T21:00:00Z',
    subscriberId: null,
    router: router ? { id: `r-${router}`, name: router } : null,
  },
});

function shown(count: number, edges: ReturnType<typeof failure>[]) {
  const executeQuery = vi.fn(() =>
    fromValue({ data: { operations: { edges, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } } }, stale: false, hasNext: false }),
  );
  const client = { executeQuery } as unknown as Client;
  render(
    <MantineProvider>
      <Provider value={client}>
        <MemoryRouter>
          <LatestFailures count={count} />
        </MemoryRouter>
      </Provider>
    </MantineProvider>,
  );
  return executeQuery;
}

describe('LatestFailures', () => {
  it('says what failed, where, with the router answer, and leads to the failed list to retry', async () => {
    shown(104, [failure('1', 'REMOVE_PROFILE', 'edge-w', 'profile "p1" is used by 3 secrets'), failure('2', 'CREATE_SUBSCRIBER', null, null)]);
    const card = await screen.findByRole('region', { name: 'Failed operations' });
    expect(within(card).getByText('104 operations failed')).toBeInTheDocument();
    const items = within(within(card).getByRole('list', { name: 'Latest failures' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('remove profile on edge-w');
    expect(items[0]).toHaveTextContent('profile "p1" is used by 3 secrets');
    expect(items[1]).toHaveTextContent('create subscriber on no router');
    expect(items[1]).toHaveTextContent('No answer recorded');
    expect(within(card).getByRole('link', { name: 'Review all 104 and retry' })).toHaveAttribute('href', '/operations?status=FAILED');
  });

  it('shows nothing and asks nothing when no operation failed', () => {
    const executeQuery = shown(0, []);
    expect(screen.queryByRole('region', { name: 'Failed operations' })).not.toBeInTheDocument();
    expect(executeQuery).not.toHaveBeenCalled();
  });

  it('keeps the count and the way to the list while the latest are still loading', () => {
    const client = { executeQuery: () => never } as unknown as Client;
    render(
      <MantineProvider>
        <Provider value={client}>
          <MemoryRouter>
            <LatestFailures count={1} />
          </MemoryRouter>
        </Provider>
      </MantineProvider>,
    );
    expect(screen.getByText('1 operation failed')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Review and retry' })).toHaveAttribute('href', '/operations?status=FAILED');
  });
});
