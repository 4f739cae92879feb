import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider, Table } from '@mantine/core';
import { MemoryRouter, useLocation } from 'react-router';
import { SortableTh, useSortParams } from './SortableTh';

type Order = 'CREATED' | 'KIND';

/** A list header like the operations list's: newest first unless the URL says otherwise. */
function Headers() {
  const order = useSortParams<Order>('CREATED', ['CREATED', 'KIND'], true);
  const location = useLocation();
  return (
    <>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <SortableTh label="Requested" sortKey="CREATED" current={order} />
            <SortableTh label="Kind" sortKey="KIND" current={order} />
          </Table.Tr>
        </Table.Thead>
      </Table>
      <output>{location.search}</output>
    </>
  );
}

function renderAt(search: string) {
  render(
    <MantineProvider>
      <MemoryRouter initialEntries={[`/operations${search}`]}>
        <Headers />
      </MemoryRouter>
    </MantineProvider>,
  );
}

const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(name) });

describe('SortableTh', () => {
  it('shows a list reversed by default as such, and turns it round on a click', async () => {
    renderAt('');
    expect(header('Requested')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Kind')).toHaveAttribute('aria-sort', 'none');

    await userEvent.click(screen.getByRole('button', { name: 'Sort by requested' }));
    expect(header('Requested')).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('status').textContent).toBe('?sort=CREATED');

    await userEvent.click(screen.getByRole('button', { name: 'Sort by requested' }));
    expect(header('Requested')).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('status').textContent).toBe('?sort=CREATED&desc=1');
  });

  it('starts another order at its first page, ascending', async () => {
    renderAt('?after=abc&status=FAILED');
    await userEvent.click(screen.getByRole('button', { name: 'Sort by kind' }));
    expect(header('Kind')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Requested')).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByRole('status').textContent).toBe('?status=FAILED&sort=KIND');
  });

  it('ignores an order the list does not have', () => {
    renderAt('?sort=BOGUS&desc=1');
    expect(header('Requested')).toHaveAttribute('aria-sort', 'descending');
  });
});
