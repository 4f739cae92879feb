import { useEffect } from 'react';
import { Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from 'urql';
import { since } from '../live/format';
import { useClock } from '../live/useClock';
import { LiveSpeed } from './LiveSpeed';
import { SessionBytes } from './SessionBytes';
import { nextCountAt } from './sessionBytes';
import { SubscriberSessionQuery } from './sectionDocuments';

/** The session online now, if any, with its live speed. */
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
        <LiveSpeed subscriberId={subscriberId} />
      </Stack>
    </Card>
  );
}

/** Ticks on its own each second, so the card (and the speed chart in it) does not re-render with the clock. */
function UpFor({ loginAt }: { loginAt: string }) {
  const now = useClock();
  return <b>{since(loginAt, now)}</b>;
}
