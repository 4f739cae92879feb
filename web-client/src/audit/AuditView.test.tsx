import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { answering, renderWithClient } from '../test/withClient';
import AuditView from './AuditView';

const pageInfo = { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

const entry = (id: string, action: string, subscriber: string | null, target: { kind: string; name: string } | null) => ({
  node: {
    __typename: 'CommandLogEntry',
    id,
    at: '2026-11-28T09:00:00Z',
    routerId: null,
    subscriber,
    target: target && { __typename: 'CommandTarget', ...target },
    action,
    parameters: '{}',
    outcome: 'SUCCEEDED',
    error: null,
    durationMillis: 4,
    actor: 'user:ops',
  },
});

const log = {
  commandLog: {
    edges: [
      entry('1', '/ppp/profile/set', null, { kind: 'PROFILE', name: 'home-20' }),
      entry('2', '/ppp/secret/add', 'alice', { kind: 'SUBSCRIBER', name: 'alice' }),
      entry('3', '/ip/pool/add', null, { kind: 'POOL', name: 'pool-home' }),
      entry('4', '/ppp/active/listen', null, null),
    ],
    pageInfo,
  },
};

/** The "Acted on" cell of the row whose command is `action`. */
function actedOn(action: string): HTMLElement {
  const table = screen.getByRole('table');
  const column = within(table).getAllByRole('columnheader').findIndex((header) => header.textContent === 'Acted on');
  const row = within(table).getByRole('row', { name: new RegExp(action) });
  return within(row).getAllByRole('cell')[column]!;
}

describe('the command log', () => {
  it('says what each command acted on, with its kind, and a subscriber only where one was', async () => {
    renderWithClient(
      answering(log),
      <MemoryRouter initialEntries={['/audit']}>
        <AuditView />
      </MemoryRouter>,
    );
    await screen.findByRole('table');
    expect(actedOn('/ppp/profile/set')).toHaveTextContent(/^home-20profile$/);
    expect(actedOn('/ppp/secret/add')).toHaveTextContent(/^alicesubscriber$/);
    expect(actedOn('/ip/pool/add')).toHaveTextContent(/^pool-homeaddress pool$/);
    expect(actedOn('/ppp/active/listen')).toHaveTextContent(/^$/);
  });
});
