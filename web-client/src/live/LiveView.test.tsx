import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Client, makeResult, Provider, type Exchange } from 'urql';
import { describe, expect, it } from 'vitest';
import { filter, makeSubject, map, mergeMap, never, pipe } from 'wonka';
import LiveView from './LiveView';

const session = (id: string, username: string, minutesAgo: number) => ({
  __typename: 'LiveSession',
  id,
  routerId: 'r-1',
  subscriberId: `sub-${id}`,
  planId: null,
  username,
  address: `10.64.0.${id}`,
  callerId: `02:00:00:00:00:${id.padStart(2, '0')}`,
  loginAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
});

/** A platform whose online sessions feed is pushed by hand; every other request stays unanswered. */
function platform() {
  const feed = makeSubject<object>();
  const answer: Exchange = () => (operations) =>
    pipe(
      operations,
      filter((operation) => operation.kind !== 'teardown'),
      mergeMap((operation) =>
        operation.query.definitions.some((d) => d.kind === 'OperationDefinition' && d.name?.value === 'OnlineSessionsFeed')
          ? pipe(
              feed.source,
              map((batch) => makeResult(operation, { data: { onlineSessionsFeed: batch } })),
            )
          : never,
      ),
    );
  return { client: new Client({ url: 'http://127.0.0.1:9/graphql', exchanges: [answer] }), push: (batch: object) => feed.next(batch) };
}

function Search() {
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="search">{useLocation().search}</output>
      <button type="button" onClick={() => void navigate(-1)}>
        Back
      </button>
    </>
  );
}

/** The live page at the last of `entries`, the earlier ones behind it in the history; `/start` is another page. */
function show(client: Client, path: string | string[] = '/live') {
  const entries = typeof path === 'string' ? [path] : path;
  render(
    <MantineProvider>
      <Provider value={client}>
        <MemoryRouter initialEntries={entries} initialIndex={entries.length - 1}>
          <Routes>
            <Route path="/live" element={<><LiveView /><Search /></>} />
            <Route path="/start" element={<p>start page</p>} />
          </Routes>
        </MemoryRouter>
      </Provider>
    </MantineProvider>,
  );
}

const table = () => screen.getByRole('table', { name: 'Online sessions' });
/** The user names in the order the table shows them (rows are placed by index, not by element order). */
function shownNames(): string[] {
  return within(table())
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('aria-rowindex'))
    .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}
const header = (name: string) => within(table()).getByRole('columnheader', { name: new RegExp(name) });

async function withSessions(path: string | string[] = '/live') {
  const { client, push } = platform();
  show(client, path);
  const started = [session('1', 'carol', 5), session('2', 'alice', 30), session('3', 'Bob', 1), session('4', 'dave', 60)];
  await act(async () => {
    push({ __typename: 'OnlineSessionBatch', snapshot: true, truncated: false, started, ended: [] });
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
  await waitFor(() => expect(screen.getByTestId('online-total')).toHaveTextContent('4 online'));
  return push;
}

describe('LiveView ordering', () => {
  it('shows the newest login first by default, and says so on the "Online for" header', async () => {
    await withSessions();
    expect(shownNames()).toEqual(['Bob', 'carol', 'alice', 'dave']);
    expect(header('Online for')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('User name')).toHaveAttribute('aria-sort', 'none');
  });

  it('orders by user name from its header, A to Z then Z to A, and keeps the order in the URL', async () => {
    await withSessions();
    await userEvent.click(screen.getByRole('button', { name: 'Sort by user name' }));
    expect(shownNames()).toEqual(['alice', 'Bob', 'carol', 'dave']);
    expect(header('User name')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Online for')).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByTestId('search').textContent).toBe('?sort=username');

    await userEvent.click(screen.getByRole('button', { name: 'Sort by user name' }));
    expect(shownNames()).toEqual(['dave', 'carol', 'Bob', 'alice']);
    expect(header('User name')).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByTestId('search').textContent).toBe('?sort=username&desc=1');
  });

  it('is sorted from the keyboard alone', async () => {
    await withSessions();
    const button = screen.getByRole('button', { name: 'Sort by online for' });
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(shownNames()).toEqual(['dave', 'alice', 'carol', 'Bob']);
    expect(header('Online for')).toHaveAttribute('aria-sort', 'descending');
    await userEvent.keyboard(' ');
    expect(shownNames()).toEqual(['Bob', 'carol', 'alice', 'dave']);
  });

  it('opens in the order its URL holds, keeps it with a text search, and puts new logins in their place', async () => {
    const push = await withSessions('/live?sort=username');
    expect(shownNames()).toEqual(['alice', 'Bob', 'carol', 'dave']);
    await userEvent.type(screen.getByRole('textbox', { name: 'Search' }), 'a');
    expect(shownNames()).toEqual(['alice', 'carol', 'dave']);
    await act(async () => {
      push({ __typename: 'OnlineSessionBatch', snapshot: false, truncated: false, started: [session('5', 'Aaron', 0)], ended: ['1'] });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    await screen.findByRole('cell', { name: 'Aaron' });
    expect(shownNames()).toEqual(['Aaron', 'alice', 'dave']);
  });

  it('goes back to the first row when the order changes', async () => {
    await withSessions();
    const viewport = screen.getByTestId('live-rows');
    viewport.scrollTop = 400;
    await userEvent.click(screen.getByRole('button', { name: 'Sort by user name' }));
    expect(viewport.scrollTop).toBe(0);
  });
});

describe('LiveView filters', () => {
  const box = () => screen.getByRole('textbox', { name: 'Search' });

  it('opens with the search and the router, POP and plan its URL holds', async () => {
    await withSessions('/live?q=car');
    expect(box()).toHaveValue('car');
    expect(shownNames()).toEqual(['carol']);
  });

  it.each(['router', 'pop', 'plan'])('shows only the sessions of the %s in its URL', async (key) => {
    // an id no session here is under
    await withSessions(`/live?${key}=7d1e0f3a-5b2c-4d6e-8f90-a1b2c3d4e5f6`);
    expect(shownNames()).toEqual([]);
    expect(screen.getByTestId('live-shown')).toHaveTextContent('0 shown');
  });

  it('puts a typed search in the URL once typing pauses, replacing the entry rather than adding one a keystroke', async () => {
    await withSessions(['/start', '/live?sort=username']);
    await userEvent.type(box(), 'alice');
    expect(shownNames()).toEqual(['alice']);
    await waitFor(() => expect(screen.getByTestId('search').textContent).toBe('?sort=username&q=alice'));
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByText('start page')).toBeInTheDocument();
  });

  it('puts the box and the table back to the earlier search on back', async () => {
    await withSessions(['/live?q=alice', '/live?q=dave']);
    expect(box()).toHaveValue('dave');
    expect(shownNames()).toEqual(['dave']);
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(box()).toHaveValue('alice'));
    expect(shownNames()).toEqual(['alice']);
  });
});
