import { render, screen } from '@testing-library/react';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import { MantineProvider } from '@mantine/core';
import { Can, MeProvider } from './Me';
import type { Role } from '../gql/graphql';

function clientAs(roles: Role[]): Client {
  return {
    executeQuery: () => fromValue({ data: { me: { subject: 'u', tenant: 't', roles } }, stale: false, hasNext: false }),
  } as unknown as Client;
}

function renderAs(roles: Role[]) {
  render(
    <MantineProvider>
      <Provider value={clientAs(roles)}>
        <MeProvider>
          <Can capability="operate">
            <button>Suspend</button>
          </Can>
          <span>page</span>
        </MeProvider>
      </Provider>
    </MantineProvider>,
  );
}

describe('Can', () => {
  it('hides mutations from a viewer', () => {
    renderAs(['VIEWER']);
    expect(screen.getByText('page')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Suspend' })).toBeNull();
  });

  it('shows them to an operator', () => {
    renderAs(['OPERATOR']);
    expect(screen.getByRole('button', { name: 'Suspend' })).toBeInTheDocument();
  });
});
