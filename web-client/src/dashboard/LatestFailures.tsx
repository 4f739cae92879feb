import { Anchor, Card, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { OperationsQuery } from '../operations/documents';
import { asWords } from '../components/words';
import { urls } from '../urls';
import { dateTime } from '../format/time';

const SHOWN = 3;

/**
 * A failed count says something broke, not what: beside it the latest failures with their router and the router's
 * answer, and the way to the list where they are retried (so "Failed 104" is something an ISP can act on).
 */
export function LatestFailures({ count }: { count: number }) {
  const [result] = useQuery({
    query: OperationsQuery,
    variables: { status: 'FAILED', orderBy: 'CREATED', descending: true, first: SHOWN },
    pause: count === 0,
    requestPolicy: 'cache-and-network',
  });
  if (count === 0) return null;
  const latest = result.data?.operations.edges ?? [];
  return (
    <Card withBorder component="section" aria-label="Failed operations">
      <Stack gap={6}>
        <Text fw={600} c="red.8">
          {count === 1 ? '1 operation failed' : `${count.toLocaleString()} operations failed`}
        </Text>
        <Text size="sm">
          {count === 1 ? 'It' : 'They'} stopped trying after the last attempt: nothing more reaches the router until
          someone retries. Fix what the router answered, then retry.
        </Text>
        {latest.length > 0 && (
          <List size="sm" spacing={4} aria-label="Latest failures">
            {latest.map(({ node }) => (
              <List.Item key={node.id}>
                <Text span size="sm" fw={600}>
                  {asWords(node.kind)}
                </Text>
                <Text span size="sm">
                  {' on '}
                  {node.router?.name ?? 'no router'} · {dateTime(node.createdAt)}
                </Text>
                <Text size="sm" c="dimmed" lineClamp={1}>
                  {node.lastError ?? 'No answer recorded'}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        <Anchor component={Link} to={urls.operations({ status: 'FAILED' })} size="sm">
          {count > SHOWN ? `Review all ${count.toLocaleString()} and retry` : 'Review and retry'}
        </Anchor>
      </Stack>
    </Card>
  );
}
