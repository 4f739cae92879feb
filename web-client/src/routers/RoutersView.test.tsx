import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Client, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { urls } from '../urls';
import RoutersView from './RoutersView';

// never answers: the list stays loading, which is all the dialog's address needs
const client = new Client({ url: 'http://127.0.0.1:9/graphql', exchanges: [] });

function at(path: string) {
  render(
    <MantineProvider>
      <Provider value={client}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={urls.routers()} element={<RoutersView />} />
            <Route path={urls.routerNew()} element={<RoutersView />} />
            <Route path="/routers/:id" element={<p>router page</p>} />
          </Routes>
        </MemoryRouter>
      </Provider>
    </MantineProvider>,
  );
}

describe('RoutersView', () => {
  it('opens the add-router dialog from its own address, not a router page for "new"', async () => {
    at(urls.routerNew());
    expect(await screen.findByRole('dialog', { name: 'Add router' })).toBeInTheDocument();
    expect(screen.queryByText('router page')).not.toBeInTheDocument();
  });

  it('goes back to the list when the dialog closes', async () => {
    at(urls.routerNew());
    const dialog = await screen.findByRole('dialog', { name: 'Add router' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add router' })).not.toBeInTheDocument());
  });

  it('shows no dialog on the list itself', () => {
    at(urls.routers());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
