import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { VirtualRows } from './VirtualRows';

interface Item {
  id: string;
  name: string;
}

const items = (count: number, prefix = 'user') => Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, name: `${prefix} ${i}` }));

function table(rows: readonly Item[], onKick: (id: string) => void = () => undefined) {
  return (
    <VirtualRows
      label="Sessions"
      rows={rows}
      rowHeight={36}
      height={360}
      keyOf={(row) => row.id}
      rowClassName="cols"
      header={<div role="row">header</div>}
      renderRow={(row) => (
        <>
          <span role="cell">{row.name}</span>
          <span role="cell">
            <button type="button" aria-label={`Kick ${row.name}`} onClick={() => onKick(row.id)}>
              Kick
            </button>
          </span>
        </>
      )}
    />
  );
}

const rowOf = (name: string) => screen.getByRole('cell', { name }).closest('[role=row]') as HTMLElement;
const translateY = (element: HTMLElement | null) => Number(/translateY\((-?[\d.]+)px\)/.exec(element?.style.transform ?? '')?.[1] ?? 0);
/** Where a row is drawn in the viewport: its own transform plus that of what holds it (the strip of rows). */
const placeOf = (row: HTMLElement) => translateY(row) + translateY(row.parentElement);
/** The elements whose inline style React changes from now on. */
function styleWrites() {
  const written: Element[] = [];
  const observer = new MutationObserver((records) => records.forEach((record) => written.push(record.target as Element)));
  observer.observe(screen.getByTestId('live-rows'), { attributes: true, attributeFilter: ['style'], subtree: true });
  return () => {
    written.push(...observer.takeRecords().map((record) => record.target as Element));
    observer.disconnect();
    return written;
  };
}
/**
 * Every element with the row role in the body, hidden or not (stricter than a role query, and cheap: a role query
 * walks the accessibility tree, computed styles of every ancestor, tens of ms a call on a loaded machine).
 */
const bodyRows = () => Array.from(screen.getByTestId('live-rows').querySelectorAll<HTMLElement>('[role=row]'));
/** The rows in document order (= Tab order) are the rows in display order. */
const inDisplayOrder = () => {
  const indexes = bodyRows().map((row) => Number(row.getAttribute('aria-rowindex')));
  return indexes.every((index, i) => i === 0 || index > (indexes[i - 1] ?? Infinity));
};

describe('VirtualRows', () => {
  it('keeps a row’s element when rows are inserted above it and moves it by transform only', () => {
    const before = items(20);
    const { rerender } = render(table(before));
    const row = rowOf('user 3');
    expect(placeOf(row)).toBe(108);
    expect(row.style.top).toBe('');

    rerender(table([...items(2, 'new'), ...before]));

    const moved = rowOf('user 3');
    expect(moved).toBe(row);
    expect(placeOf(moved)).toBe(180);
    expect(moved).toHaveAttribute('aria-rowindex', '7');
    expect(within(moved).getAllByRole('cell')).toHaveLength(2);
    expect(inDisplayOrder()).toBe(true);
  });

  it('rows that a batch moves together keep their styles: one transform, the strip’s, moves them', () => {
    const rows = items(5000);
    const { rerender } = render(table(rows));
    const stayed = ['user 0', 'user 9', 'user 15'].map(rowOf);
    const written = styleWrites();

    // two logins at the top: every row in view moves down two places
    rerender(table([...items(2, 'new'), ...rows]));

    // besides the element whose height is the scroll extent (one more row)
    const spacer = screen.getByTestId('live-rows').firstElementChild;
    const changed = written().filter((element) => element !== spacer);
    expect(stayed.map(placeOf)).toEqual([72, 396, 612]);
    expect(changed.filter((element) => element.getAttribute('role') === 'row')).toEqual([]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toHaveClass('live-strip');
    bodyRows().forEach((row) => expect(placeOf(row)).toBe((Number(row.getAttribute('aria-rowindex')) - 2) * 36));
  });

  it('renders the rows in view and a few either side, however many there are, with the full count announced', () => {
    render(table(items(5000)));
    const rendered = screen.getAllByRole('row').length - 1;
    // 360 px of 36 px rows is 10 in view, plus at most 8 below at the top of the list
    expect(rendered).toBe(18);
    expect(screen.getByRole('table', { name: 'Sessions' })).toHaveAttribute('aria-rowcount', '5001');
    expect(screen.getByTestId('live-rows').firstElementChild).toHaveStyle({ height: `${5000 * 36}px` });
  });

  it('shows other rows in the same elements when all rows in view change at once (a jump), in display order', () => {
    const { rerender } = render(table(items(5000)));
    const before = bodyRows();

    rerender(table(items(5000, 'other')));

    const after = bodyRows();
    expect(after).toHaveLength(before.length);
    after.forEach((row, i) => expect(row).toBe(before[i]));
    expect(within(after[0]!).getByRole('cell', { name: 'other 0' })).toBeInTheDocument();
    expect(inDisplayOrder()).toBe(true);
  });

  it('a focused Kick still kicks the session it was focused for after the rows shift and change under it', () => {
    const kicked = vi.fn();
    const rows = items(5000);
    const { rerender } = render(table(rows, kicked));
    const button = screen.getByRole('button', { name: 'Kick user 3' });
    button.focus();

    // 30 logins push user 3 out of the rendered range; then every other row in view is replaced
    rerender(table([...items(30, 'new'), ...rows], kicked));
    rerender(table([...items(30, 'newer'), ...items(30, 'new'), ...rows], kicked));

    expect(document.activeElement).toBe(button);
    expect(button).toHaveAccessibleName('Kick user 3');
    expect(button.closest('[role=row]')).toHaveAttribute('aria-rowindex', `${60 + 3 + 2}`);
    fireEvent.click(document.activeElement!);
    expect(kicked).toHaveBeenCalledExactlyOnceWith('user-3');
    // no other row took the focused row's session or its element
    expect(screen.getAllByRole('button', { name: 'Kick user 3' })).toHaveLength(1);
    expect(inDisplayOrder()).toBe(true);
  });

  it('when the focused row’s session leaves, its element is not reused for another and the focus goes to the table', () => {
    const rows = items(30);
    const { rerender } = render(table(rows));
    const button = screen.getByRole('button', { name: 'Kick user 3' });
    button.focus();
    const before = bodyRows();

    // user 3 logs out in the batch that also replaces every other row in view: elements would be reused in place
    rerender(table(items(30, 'other')));

    expect(screen.queryByRole('button', { name: 'Kick user 3' })).toBeNull();
    // the element that was focused shows nobody else
    expect(button.isConnected).toBe(false);
    expect(document.activeElement).toBe(screen.getByTestId('live-rows'));
    // every other element was reused: only the focused one went
    const after = bodyRows();
    expect(after).toHaveLength(18);
    expect(after.filter((row) => before.includes(row))).toHaveLength(17);
    expect(screen.getByRole('button', { name: 'Kick other 3' })).not.toBe(button);
  });

  it('rows keep working with the keyboard: Tab walks the rows top to bottom after they changed', async () => {
    const user = userEvent.setup();
    const kicked = vi.fn();
    const { rerender } = render(table(items(5000), kicked));
    rerender(table(items(5000, 'other'), kicked));
    rerender(table([...items(3, 'new'), ...items(5000, 'other')], kicked));

    screen.getByRole('button', { name: 'Kick new 0' }).focus();
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName('Kick new 1');
    await user.tab();
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName('Kick other 0');
    await user.keyboard('{Enter}');
    expect(kicked).toHaveBeenCalledExactlyOnceWith('other-0');
  });

  it('keeps no element of rows that left, however many batches came and went', () => {
    const { rerender } = render(table(items(5000)));
    let rows = items(5000);
    for (let batch = 0; batch < 100; batch++) {
      // 25 logins at the top, 25 logouts somewhere below, and every tenth batch a jump to other rows
      rows = [...items(25, `b${batch}`), ...rows.slice(0, 2000), ...rows.slice(2025)];
      rerender(table(batch % 10 === 9 ? rows.slice(1000) : rows));
      // every row is drawn at its own place, however the strip and the rows' own transforms were chosen
      bodyRows().forEach((row) => expect(placeOf(row)).toBe((Number(row.getAttribute('aria-rowindex')) - 2) * 36));
    }
    expect(bodyRows()).toHaveLength(18);
    expect(new Set(bodyRows().map((row) => row.getAttribute('data-slot'))).size).toBe(18);
    expect(inDisplayOrder()).toBe(true);
  });
});
