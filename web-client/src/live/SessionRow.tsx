import { memo, useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Can } from '../auth/Me';
import { urls } from '../urls';
import type { LiveRow } from './liveSessions';
import { showUptime } from './uptimeCells';
import './liveTable.css';

export const ROW_HEIGHT = 36;
/** The classes of the live table's header and rows: its grid of columns. */
export const COLUMNS_CLASS = 'live-columns';

interface Props {
  row: LiveRow;
  routerName: string;
  planName: string;
  onKick: (row: LiveRow) => void;
}

/**
 * The cells of one session in the live table. Plain elements with classes (liveTable.css) rather than a component
 * per cell or a Mantine Button: a row is ten elements sharing their styles, and a batch that brings twenty rows into
 * view creates and restyles little (ADR 0200). Memoised: a scroll or a batch re-renders only the rows that came into
 * view or changed. The uptime cell ticks on its own, without rendering anything (`uptimeCells`, ADR 0221).
 */
export const SessionRow = memo(function SessionRow({ row, routerName, planName, onKick }: Props) {
  return (
    <>
      <span role="cell" className="live-cell">
        {row.subscriberId ? <Link to={urls.subscriber(row.subscriberId)}>{row.username}</Link> : row.username}
        {!row.subscriberId && <span className="live-tag">unmanaged</span>}
      </span>
      <span role="cell" className="live-cell">
        {routerName}
      </span>
      <span role="cell" className="live-cell live-mono">
        {row.address}
      </span>
      <span role="cell" className="live-cell live-mono">
        {row.callerId}
      </span>
      <span role="cell" className="live-cell">
        {planName}
      </span>
      <Uptime loginAt={row.loginAt} />
      <span role="cell">
        <Can capability="operate">
          <button type="button" className="live-kick" onClick={() => onKick(row)} aria-label={`Kick ${row.username}`}>
            Kick
          </button>
        </Can>
      </span>
    </>
  );
});

/**
 * How long the session has been online. Its text is written by `uptimeCells`' one timer, not rendered: a second's tick
 * renders no component, and the cell (its own layout root and paint layer, liveTable.css) is all a tick lays out and
 * repaints.
 */
function Uptime({ loginAt }: { loginAt: string }) {
  const cell = useRef<HTMLSpanElement>(null);
  // a layout effect: a row whose element is given to another session shows that session's time in the same frame
  useLayoutEffect(() => (cell.current ? showUptime(cell.current, loginAt) : undefined), [loginAt]);
  return <span ref={cell} role="cell" className="live-cell live-uptime" />;
}
