import { Text } from '@mantine/core';
import { useSortToggle } from '../components/SortableTh';
import type { LiveOrder, LiveSortKey } from './liveSessions';
import { COLUMNS_CLASS, ROW_HEIGHT } from './SessionRow';

const COLUMNS: readonly { title: string; sort?: LiveSortKey }[] = [
  { title: 'User name', sort: 'username' },
  { title: 'Router' },
  { title: 'IP address' },
  { title: 'MAC' },
  { title: 'Plan' },
  { title: 'Online for', sort: 'online' },
  { title: '' },
];

/**
 * The live table's header row: user name and time online order the table (a button in the header, `aria-sort` on it,
 * the order in the URL like every list's); the other columns are plain titles.
 */
export function LiveHeader({ order }: { order: LiveOrder }) {
  return (
    <div role="row" className={COLUMNS_CLASS} style={{ height: ROW_HEIGHT }}>
      {COLUMNS.map((column) =>
        column.sort ? (
          <SortHeader key={column.title} title={column.title} sortKey={column.sort} order={order} />
        ) : (
          <Text key={column.title} size="sm" fw={600} role="columnheader">
            {column.title}
          </Text>
        ),
      )}
    </div>
  );
}

function SortHeader({ title, sortKey, order }: { title: string; sortKey: LiveSortKey; order: LiveOrder }) {
  const { toggle, ariaSort, buttonLabel, arrow } = useSortToggle(title, sortKey, order);
  return (
    <div role="columnheader" aria-sort={ariaSort}>
      <button type="button" className="live-sort" onClick={toggle} aria-label={buttonLabel}>
        {title} {arrow}
      </button>
    </div>
  );
}
