import { Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSubscription } from 'urql';
import { urls } from '../urls';
import { TopTalkersChanged } from './documents';
import { bitRate } from '../format/units';

/**
 * The busiest sessions now, pushed by the API every few seconds from one shared ranking per tenant
 * (`topTalkersChanged`): nothing is polled; each element replaces the last.
 */
export function TopTalkersCard() {
  const [result] = useSubscription({ query: TopTalkersChanged, variables: { count: 8 } });
  const top = result.data?.topTalkersChanged;
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
            <Text size="xs" ff="monospace" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
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
