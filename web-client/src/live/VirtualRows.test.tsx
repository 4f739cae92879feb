import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VirtualRows } from './VirtualRows';

interface Item {
  id: string;
  name: string;
}

const items = (count: number, prefix = 'user') => Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, name: `${prefix} ${i}` }));

function table(rows: readonly Item[]) {
  return (
    <VirtualRows
      label="Sessions"
      rows={rows}
      rowHeight={36}
      height={360}
      keyOf={(row) => row.id}
      rowClassName="cols"
      header={<div role="row">header</div>}
      renderRow={(row) => <span role="cell">{row.name}</span>}
    />
  );
}

const rowOf = (name: string) => screen.getByRole('cell', { name }).closest('[role=row]') as HTMLElement;

describe('VirtualRows', () => {
  it('keeps a row’s element when rows are inserted above it and moves it by transform only', () => {
    const before = items(20);
    const { rerender } = render(table(before));
    const row = rowOf('user 3');
    expect(row.style.transform).toBe('translateY(108px)');
    expect(row.style.top).toBe('');

    rerender(table([...items(2, 'new'), ...before]));

    const moved = rowOf('user 3');
    expect(moved).toBe(row);
    expect(moved.style.transform).toBe('translateY(180px)');
    expect(moved).toHaveAttribute('aria-rowindex', '7');
    expect(within(moved).getAllByRole('cell')).toHaveLength(1);
  });

  it('renders the rows in view and a few either side, however many there are, with the full count announced', () => {
    render(table(items(5000)));
    const rendered = screen.getAllByRole('row').length - 1;
    // 360 px of 36 px rows is 10 in view, plus at most 8 below at the top of the list
    expect(rendered).toBe(18);
    expect(screen.getByRole('table', { name: 'Sessions' })).toHaveAttribute('aria-rowcount', '5001');
    expect(screen.getByTestId('live-rows').firstElementChild).toHaveStyle({ height: `${5000 * 36}px` });
  });
});
