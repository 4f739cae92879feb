import { Card, Table, Text } from '@mantine/core';
import { useQuery } from 'urql';
import { StatusBadge } from '../components/StatusBadge';
import { decimalBytes } from '../format/units';
import { SubscriberSessionsQuery } from './sectionDocuments';
import { dateTime } from '../format/time';

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h ? `${h}h ${m}m` : `${m}m ${seconds % 60}s`;
}

/** The last 20 sessions that ended, newest logout first, with how they ended. */
export function SessionHistorySection({ subscriberId }: { subscriberId: string }) {
  const [result] = useQuery({ query: SubscriberSessionsQuery, variables: { id: subscriberId } });
  const sessions = result.data?.subscriber?.sessions.edges.map(({ node }) => node) ?? [];
  return (
    <Card withBorder aria-label="Session history">
      <Text fw={500} mb="xs">
        Session history
      </Text>
      {sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No ended sessions.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Logged in</Table.Th>
                <Table.Th>Duration</Table.Th>
                <Table.Th>Router</Table.Th>
                <Table.Th>IP address</Table.Th>
                <Table.Th>Used</Table.Th>
                <Table.Th>Ended</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Td>{dateTime(session.loginAt)}</Table.Td>
                  <Table.Td>{duration(session.durationSeconds)}</Table.Td>
                  <Table.Td>{session.router?.name ?? '—'}</Table.Td>
                  <Table.Td ff="monospace">{session.address}</Table.Td>
                  <Table.Td>
                    ↓ {decimalBytes(session.counters.txBytes)} ↑ {decimalBytes(session.counters.rxBytes)}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge value={session.endReason} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
