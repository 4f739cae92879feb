import { Table, UnstyledButton } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { oneOf } from '../hooks/urlValues';

/** The list order kept in the URL (`sort`, `desc`), so a sorted page is a deep link. */
export function useSortParams<T extends string>(
  fallback: T,
  allowed: readonly T[],
  /** Whether the list without a `sort` in the URL is reversed (operations: newest first). */
  fallbackDescending = false,
): { sort: T; descending: boolean } {
  const [params] = useSearchParams();
  const asked = oneOf(params.get('sort'), allowed);
  if (!asked) {
    return { sort: fallback, descending: fallbackDescending };
  }
  return { sort: asked, descending: params.get('desc') === '1' };
}

/**
 * What a sortable column header does and says, for a list whose order is in the URL: a first click sorts ascending,
 * a second descending. Changing the order starts again at the first page (cursors belong to their order).
 */
export function useSortToggle<T extends string>(label: string, sortKey: T, current: { sort: T; descending: boolean }) {
  const [params, setParams] = useSearchParams();
  const active = current.sort === sortKey;
  const descending = active && current.descending;
  const toggle = () => {
    const next = new URLSearchParams(params);
    next.delete('after');
    next.delete('before');
    next.set('sort', sortKey);
    if (active && !descending) next.set('desc', '1');
    else next.delete('desc');
    setParams(next);
  };
  return {
    toggle,
    ariaSort: active ? (descending ? 'descending' : 'ascending') : 'none',
    buttonLabel: `Sort by ${label.toLowerCase()}`,
    arrow: active ? (descending ? '▼' : '▲') : '',
  } as const;
}

/** A table column header that orders the list by its key (`useSortToggle`). */
export function SortableTh<T extends string>({ label, sortKey, current }: { label: string; sortKey: T; current: { sort: T; descending: boolean } }) {
  const { toggle, ariaSort, buttonLabel, arrow } = useSortToggle(label, sortKey, current);
  return (
    <Table.Th aria-sort={ariaSort}>
      <UnstyledButton onClick={toggle} fw={700} fz="sm" aria-label={buttonLabel}>
        {label} {arrow}
      </UnstyledButton>
    </Table.Th>
  );
}
