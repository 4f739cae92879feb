import { useState } from 'react';
import { Button, Card, Group, Modal, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { fieldErrors } from '../api/errors';
import { SecretOnce } from '../components/SecretOnce';
import { StatusBadge } from '../components/StatusBadge';
import { useAction } from '../hooks/useAction';
import { CreateWebhookEndpoint, DeleteWebhookEndpoint, SendTestWebhook, SetWebhookEndpointEnabled, WebhookDeliveriesQuery } from './documents';
import { dateTime } from '../format/time';

interface Endpoint {
  id: string;
  url: string;
  events: string;
  enabled: boolean;
}

/** Integration webhooks: add (the signing secret is shown once), send a test, switch on and off, delivery log. */
export function WebhooksPanel({ endpoints, onChanged }: { endpoints: readonly Endpoint[]; onChanged: () => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('subscriber.*,lifecycle.*,alert.*');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<Endpoint | null>(null);
  const [, create] = useMutation(CreateWebhookEndpoint);
  const [, setEnabled] = useMutation(SetWebhookEndpointEnabled);
  const [, remove] = useMutation(DeleteWebhookEndpoint);
  const [, sendTest] = useMutation(SendTestWebhook);
  const { run, running } = useAction();
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h5">
          Webhooks
        </Title>
        <Text size="sm" c="dimmed">
          Each event is POSTed as JSON, signed with HMAC-SHA256 (header Towerline-Signature); 2xx is success, anything else is retried.
        </Text>
        {secret && <SecretOnce label="Signing secret of the new endpoint" value={secret} />}
        {endpoints.length > 0 && (
          <Table aria-label="Webhook endpoints">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>URL</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>On</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.map((endpoint) => (
                <Table.Tr key={endpoint.id} data-testid="webhook-row">
                  <Table.Td style={{ wordBreak: 'break-all' }}>{endpoint.url}</Table.Td>
                  <Table.Td>{endpoint.events}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`Deliver to ${endpoint.url}`}
                      checked={endpoint.enabled}
                      onChange={(event) => {
                        const enabled = event.currentTarget.checked;
                        void run('Webhook', () => setEnabled({ input: { id: endpoint.id, enabled } }), (d) => d.setWebhookEndpointEnabled.errors, enabled ? 'On.' : 'Off.');
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        loading={running}
                        onClick={async () => {
                          const outcome = await run('Send test', () => sendTest({ input: { endpointId: endpoint.id } }), (d) => d.sendTestWebhook.errors, 'Test event queued: see the delivery log.');
                          if (outcome.ok) setLog(endpoint);
                        }}
                      >
                        Send test
                      </Button>
                      <Button size="xs" variant="subtle" onClick={() => setLog(endpoint)}>
                        Deliveries
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={running}
                        onClick={async () => {
                          const outcome = await run('Delete webhook', () => remove({ input: { id: endpoint.id } }), (d) => d.deleteWebhookEndpoint.errors, 'Deleted.');
                          if (outcome.ok) onChanged();
                        }}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-start" grow>
          <TextInput label="Endpoint URL" placeholder="https://billing.example.com/towerline" value={url} onChange={(event) => setUrl(event.currentTarget.value)} error={errors.url || undefined} />
          <TextInput label="Events" description="types, feature.* or *, comma-separated" value={events} onChange={(event) => setEvents(event.currentTarget.value)} error={errors.events || undefined} />
        </Group>
        <Group>
          <Button
            loading={running}
            disabled={!url.trim() || !events.trim()}
            onClick={async () => {
              const outcome = await run('Add webhook', () => create({ input: { url: url.trim(), events: events.trim() } }), (d) => d.createWebhookEndpoint.errors, 'Added.');
              setErrors(fieldErrors(outcome.fieldErrors));
              const created = outcome.data?.createWebhookEndpoint;
              if (outcome.ok && created?.secret) {
                setSecret(created.secret);
                setUrl('');
                onChanged();
              }
            }}
          >
            Add webhook
          </Button>
        </Group>
      </Stack>
      <Modal opened={log != null} onClose={() => setLog(null)} title={`Deliveries to ${log?.url ?? ''}`} size="xl">
        {log && <DeliveryLog endpointId={log.id} />}
      </Modal>
    </Card>
  );
}

function DeliveryLog({ endpointId }: { endpointId: string }) {
  const [result, reexecute] = useQuery({ query: WebhookDeliveriesQuery, variables: { id: endpointId }, requestPolicy: 'network-only' });
  const deliveries = result.data?.webhookDeliveries.nodes;
  return (
    <Stack>
      <Group>
        <Button size="xs" variant="default" loading={result.fetching} onClick={() => reexecute({ requestPolicy: 'network-only' })}>
          Refresh
        </Button>
      </Group>
      {!deliveries || deliveries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {result.fetching ? 'Loading…' : 'No deliveries yet.'}
        </Text>
      ) : (
        <Table aria-label="Deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Queued</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last answer</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.map((delivery) => (
              <Table.Tr key={delivery.id} data-testid="delivery-row" data-status={delivery.status}>
                <Table.Td>{dateTime(delivery.createdAt)}</Table.Td>
                <Table.Td>{delivery.eventType}</Table.Td>
                <Table.Td>
                  <StatusBadge value={delivery.status} />
                </Table.Td>
                <Table.Td>{delivery.attempts}</Table.Td>
                <Table.Td>{delivery.lastError ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
