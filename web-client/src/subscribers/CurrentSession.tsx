import { Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from 'urql';
import { bytes, since } from '../live/format';
import { LiveSpeed } from './LiveSpeed';
import { SubscriberSessionQuery } from './sectionDocuments';

/** The session online now, if any, with its live speed. */
export function CurrentSession({ subscriberId }: { subscriberId: string }) {
  const [result] = useQuery({ query: SubscriberSessionQuery, variables: { id: subscriberId } });
  const session = result.data?.subscriber?.session;
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
              Up for <b>{since(session.loginAt, Date.now())}</b>
            </Text>
            <Text size="sm">
              ↓ <b>{bytes(session.counters.txBytes)}</b> ↑ <b>{bytes(session.counters.rxBytes)}</b>
            </Text>
          </Group>
        )}
        <LiveSpeed subscriberId={subscriberId} />
      </Stack>
    </Card>
  );
}
