import { useState } from 'react';
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { fieldErrors } from '../api/errors';
import { QueryState } from '../components/QueryState';
import { useAction } from '../hooks/useAction';
import type { NotificationChannel } from '../gql/graphql';
import { AddStaffRecipient, ChannelsQuery, RemoveStaffRecipient, SetSmsGateway } from './documents';
import { WebhooksPanel } from './WebhooksPanel';

/** How messages leave: e-mail (the platform's SMTP relay) to subscribers and staff, the tenant's SMS gateway, webhooks. */
export function ChannelsPanel() {
  const [result, reexecute] = useQuery({ query: ChannelsQuery });
  if (!result.data) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const { smsGateway, staffRecipients, webhookEndpoints } = result.data;
  return (
    <Stack maw={980}>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={3} size="h5">
            E-mail (SMTP)
          </Title>
          <Text size="sm">
            E-mail leaves through the platform&apos;s SMTP relay, signed with a Message-ID per message so receivers can drop duplicates. Subscribers
            receive notices at their e-mail address; staff below receive the events they choose.
          </Text>
          <StaffRecipients recipients={staffRecipients} onChanged={refresh} />
        </Stack>
      </Card>
      <SmsGatewayCard key={smsGateway?.url ?? 'none'} gateway={smsGateway ?? null} />
      <WebhooksPanel endpoints={webhookEndpoints} onChanged={refresh} />
    </Stack>
  );
}

function StaffRecipients({
  recipients,
  onChanged,
}: {
  recipients: readonly { id: string; channel: NotificationChannel; address: string; events: string }[];
  onChanged: () => void;
}) {
  const [channel, setChannel] = useState<NotificationChannel>('EMAIL');
  const [address, setAddress] = useState('');
  const [events, setEvents] = useState('alert.*');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, add] = useMutation(AddStaffRecipient);
  const [, remove] = useMutation(RemoveStaffRecipient);
  const { run, running } = useAction();
  return (
    <Stack gap="xs">
      {recipients.length > 0 && (
        <Table aria-label="Staff recipients">
          <Table.Tbody>
            {recipients.map((recipient) => (
              <Table.Tr key={recipient.id}>
                <Table.Td>
                  <Badge variant="light">{recipient.channel.toLowerCase()}</Badge>
                </Table.Td>
                <Table.Td>{recipient.address}</Table.Td>
                <Table.Td>{recipient.events}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={running}
                    onClick={async () => {
                      const outcome = await run('Remove recipient', () => remove({ input: { id: recipient.id } }), (d) => d.removeStaffRecipient.errors, 'Removed.');
                      if (outcome.ok) onChanged();
                    }}
                  >
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-start">
        <Select
          label="Staff channel"
          w={120}
          value={channel}
          onChange={(value) => value && setChannel(value as NotificationChannel)}
          data={[
            { value: 'EMAIL', label: 'E-mail' },
            { value: 'SMS', label: 'SMS' },
          ]}
        />
        <TextInput label={channel === 'EMAIL' ? 'Address' : 'Phone number'} value={address} onChange={(event) => setAddress(event.currentTarget.value)} error={errors.address || undefined} />
        <TextInput label="Events" description="e.g. alert.*,operation.failed" value={events} onChange={(event) => setEvents(event.currentTarget.value)} error={errors.events || undefined} />
        <Button
          mt={24}
          variant="default"
          loading={running}
          disabled={!address.trim()}
          onClick={async () => {
            const outcome = await run('Add recipient', () => add({ input: { channel, address: address.trim(), events: events.trim() } }), (d) => d.addStaffRecipient.errors, 'Added.');
            setErrors(fieldErrors(outcome.fieldErrors));
            if (outcome.ok) {
              setAddress('');
              onChanged();
            }
          }}
        >
          Add recipient
        </Button>
      </Group>
    </Stack>
  );
}

function SmsGatewayCard({ gateway }: { gateway: { url: string; bodyTemplate: string; hasSecret: boolean } | null }) {
  const [url, setUrl] = useState(gateway?.url ?? '');
  const [body, setBody] = useState(gateway?.bodyTemplate ?? '{"to": "{{to}}", "text": "{{text}}", "id": "{{messageId}}"}');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, save] = useMutation(SetSmsGateway);
  const { run, running } = useAction();
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            SMS gateway
          </Title>
          <Badge variant="light" color={gateway ? 'green' : 'gray'}>
            {gateway ? 'set up' : 'not set up'}
          </Badge>
        </Group>
        <TextInput label="URL messages are POSTed to" placeholder="https://sms.example.com/send" value={url} onChange={(event) => setUrl(event.currentTarget.value)} error={errors.url || undefined} />
        <Textarea
          label="Request body"
          description="Must contain {{to}} and {{text}}; JSON when it starts with {, else a form"
          autosize
          minRows={2}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={errors.bodyTemplate || undefined}
        />
        <TextInput
          label="Bearer token"
          type="password"
          autoComplete="off"
          description={gateway?.hasSecret ? 'A token is stored (sealed, never shown); leave empty to keep it' : 'Sent as Authorization: Bearer; stored sealed, never shown again'}
          value={secret}
          onChange={(event) => setSecret(event.currentTarget.value)}
          error={errors.secret || undefined}
        />
        <Group>
          <Button
            loading={running}
            disabled={!url.trim() || !body.trim()}
            onClick={async () => {
              const outcome = await run('Save SMS gateway', () => save({ input: { url: url.trim(), bodyTemplate: body, secret: secret || null } }), (d) => d.setSmsGateway.errors, 'Saved.');
              setErrors(fieldErrors(outcome.fieldErrors));
              if (outcome.ok) setSecret('');
            }}
          >
            Save gateway
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
