import { Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useInterval } from '../hooks/useInterval';
import { urls } from '../urls';
import { TopTalkersQuery } from './documents';
import { bitRate } from './format';

/**
 * The busiest sessions now. The API computes them from one counter read per router shared for two seconds, so asking
 * every five seconds while the page is visible is the live view here (there is no ranking stream).
 */
export function TopTalkersCard() {
  const [result, reexecute] = useQuery({ query: TopTalkersQuery, variables: { count: 8 }, requestPolicy: 'network-only' });
  useInterval(() => reexecute({ requestPolicy: 'network-only' }), 5000);
  const top = result.data?.topTalkers;
  return (
    <Card withBorder aria-label="Top talkers now">
      <Text fw={500} mb="xs">
        Top talkers now
      </Text>
      <Stack gap={6}>
        {top && top.talkers.length === 0 && (
          <Text size="sm" c="dimmed">
            No traffic.
          </Text>
        )}
        {top?.talkers.map((talker) => (
          <Group key={`${talker.router.id}/${talker.username}`} justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" truncate>
              {talker.subscriber ? <Link to={urls.subscriber(talker.subscriber.id)}>{talker.username}</Link> : talker.username}
              <Text span size="xs" c="dimmed">
                {' '}
                {talker.router.name}
              </Text>
            </Text>
            <Text size="xs" ff="monospace">
              ↓ {bitRate(talker.txBitsPerSecond)} ↑ {bitRate(talker.rxBitsPerSecond)}
            </Text>
          </Group>
        ))}
        {top && top.unreachableRouters.length > 0 && (
          <Text size="xs" c="orange">
            Not read: {top.unreachableRouters.map((router) => router.name).join(', ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
