import { useCallback, useEffect, useRef } from 'react';
import { Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from 'urql';
import { since } from '../live/format';
import { useClock } from '../live/useClock';
import { LiveSpeed } from './LiveSpeed';
import { SessionBytes } from './SessionBytes';
import { nextCountAt } from './sessionBytes';
import { SubscriberSessionQuery } from './sectionDocuments';

/** How long after reading the session again on the speed stream's word it may be read again (a tracker a moment behind). */
const RECHECK_MS = 5000;

/**
 * The session online now, if any, with its live speed. Read once, then again when the speed stream says otherwise (a
 * login or logout while the page is open): the card once said Offline under a chart of a subscriber's live traffic.
 */
export function CurrentSession({ subscriberId }: { subscriberId: string }) {
  const [result, reexecute] = useQuery({ query: SubscriberSessionQuery, variables: { id: subscriberId } });
  const session = result.data?.subscriber?.session;
  // the byte totals change once a sample interval: read the session again when the next count is due, so the
  // totals appear (and move) without a reload while the speed chart streams
  const due = session ? nextCountAt(session, Date.now()) : null;
  useEffect(() => {
    if (due === null) return;
    const timer = window.setTimeout(() => reexecute({ requestPolicy: 'network-only' }), Math.max(0, due - Date.now()));
    return () => window.clearTimeout(timer);
  }, [due, reexecute]);
  const online = Boolean(session);
  const fetching = result.fetching;
  const askedAt = useRef(0);
  const onOnline = useCallback(
    (streamOnline: boolean) => {
      if (streamOnline === online || fetching || Date.now() - askedAt.current < RECHECK_MS) return;
      askedAt.current = Date.now();
      reexecute({ requestPolicy: 'network-only' });
    },
    [online, fetching, reexecute],
  );
  return (
    <Card withBorder aria-label="Current session">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={500}>Current session</Text>
          <Text size="sm" c={session ? 'green' : 'dimmed'} data-testid="session-state">
            {session ? `Online on ${session.router.name}` : result.fetching ? '…' : 'Offline'}
          </Text>
        </Group>
        {session && (
          <Group gap="lg">
            <Text size="sm">
              IP <b>{session.address}</b>
            </Text>
            <Text size="sm">
              MAC <b>{session.callerId}</b>
            </Text>
            <Text size="sm">
              Up for <UpFor loginAt={session.loginAt} />
            </Text>
            <SessionBytes session={session} />
          </Group>
        )}
        <LiveSpeed subscriberId={subscriberId} online={online} onOnline={onOnline} />
      </Stack>
    </Card>
  );
}

/** Ticks on its own each second, so the card (and the speed chart in it) does not re-render with the clock. */
function UpFor({ loginAt }: { loginAt: string }) {
  const now = useClock();
  return <b>{since(loginAt, now)}</b>;
}
