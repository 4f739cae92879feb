import { Card, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from 'urql';
import { StatusBadge } from '../components/StatusBadge';
import { SubscriberNotificationsQuery } from './sectionDocuments';
import { dateTime } from '../format/time';

/** The last 20 messages to or about the subscriber and whether they were delivered. */
export function NotificationsSection({ subscriberId }: { subscriberId: string }) {
  const [result] = useQuery({ query: SubscriberNotificationsQuery, variables: { id: subscriberId } });
  const messages = result.data?.notifications.nodes ?? [];
  return (
    <Card withBorder aria-label="Notifications">
      <Text fw={500} mb="xs">
        Notifications sent
      </Text>
      {messages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {result.error ? result.error.message : 'No notifications.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Queued</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Delivery</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {messages.map((message) => (
                <Table.Tr key={message.id}>
                  <Table.Td>{dateTime(message.createdAt)}</Table.Td>
                  <Table.Td>{message.subject ?? message.eventType}</Table.Td>
                  <Table.Td>{message.channel.toLowerCase()}</Table.Td>
                  <Table.Td>{message.recipient ?? '—'}</Table.Td>
                  <Table.Td>
                    <Tooltip label={message.lastError ?? `${message.attempts} ${message.attempts === 1 ? 'attempt' : 'attempts'}`} disabled={!message.lastError && !message.attempts}>
                      <span>
                        <StatusBadge value={message.status} />
                      </span>
                    </Tooltip>
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
