import { memo, type CSSProperties } from 'react';
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { Can } from '../auth/Me';
import { urls } from '../urls';
import { since } from './format';
import type { LiveRow } from './liveSessions';
import { useClock } from './useClock';

export const ROW_HEIGHT = 36;
export const COLUMNS = '1.4fr 1fr 1.1fr 1.2fr 1fr 0.8fr 80px';

export const ROW_STYLE: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: COLUMNS,
  alignItems: 'center',
  gap: 8,
  height: ROW_HEIGHT,
  padding: '0 8px',
  borderBottom: '1px solid var(--mantine-color-default-border)',
  fontSize: 'var(--mantine-font-size-sm)',
};
const CELL: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };
const MONO: CSSProperties = { ...CELL, fontFamily: 'var(--mantine-font-family-monospace)' };
const TAG: CSSProperties = { marginLeft: 6, fontSize: 10, color: 'var(--mantine-color-dimmed)', border: '1px solid currentColor', borderRadius: 4, padding: '0 4px' };

interface Props {
  row: LiveRow;
  routerName: string;
  planName: string;
  onKick: (row: LiveRow) => void;
}

/**
 * One session of the live table. Plain elements rather than a component per cell, and memoised: a scroll or a batch
 * re-renders only the rows that came into view or changed (the uptime cell ticks on its own).
 */
export const SessionRow = memo(function SessionRow({ row, routerName, planName, onKick }: Props) {
  return (
    <div style={ROW_STYLE}>
      <span role="cell" style={CELL}>
        {row.subscriberId ? <Link to={urls.subscriber(row.subscriberId)}>{row.username}</Link> : row.username}
        {!row.subscriberId && <span style={TAG}>unmanaged</span>}
      </span>
      <span role="cell" style={CELL}>
        {routerName}
      </span>
      <span role="cell" style={MONO}>
        {row.address}
      </span>
      <span role="cell" style={MONO}>
        {row.callerId}
      </span>
      <span role="cell" style={CELL}>
        {planName}
      </span>
      <Uptime loginAt={row.loginAt} />
      <span role="cell">
        <Can capability="operate">
          <Button size="compact-xs" color="red" variant="light" onClick={() => onKick(row)} aria-label={`Kick ${row.username}`}>
            Kick
          </Button>
        </Can>
      </span>
    </div>
  );
});

function Uptime({ loginAt }: { loginAt: string }) {
  const now = useClock();
  return (
    <span role="cell" style={CELL}>
      {since(loginAt, now)}
    </span>
  );
}
