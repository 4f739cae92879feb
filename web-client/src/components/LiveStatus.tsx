import { Badge } from '@mantine/core';
import { useLiveConnection, type LiveState } from '../api/liveConnection';

const SHOWN: Record<Exclude<LiveState, 'idle'>, { text: string; color: string; title: string }> = {
  connecting: { text: 'Connecting…', color: 'gray', title: 'Live updates are starting' },
  live: { text: 'Live', color: 'green', title: 'Alerts and changes arrive as they happen' },
  reconnecting: { text: 'Reconnecting…', color: 'orange', title: 'Live updates dropped; what changes meanwhile is re-read on reconnection' },
  refused: { text: 'Disconnected — sign in again', color: 'red', title: 'The server refused the session for live updates; signing in again brings them back' },
  stopped: { text: 'Disconnected — reload the page', color: 'red', title: 'The server ended live updates and the page will not retry; reloading brings them back' },
};

/** Whether the page's live updates (alerts, operations, sessions) are flowing, in the header; nothing when none is wanted. */
export function LiveStatus() {
  const { state } = useLiveConnection();
  if (state === 'idle') return null;
  const shown = SHOWN[state];
  return (
    <Badge role="status" variant="dot" color={shown.color} title={shown.title} data-testid="live-status" data-state={state}>
      {shown.text}
    </Badge>
  );
}
