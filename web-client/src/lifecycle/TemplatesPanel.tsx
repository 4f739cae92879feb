import { useState } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from 'urql';
import { fieldErrors } from '../api/errors';
import { QueryState } from '../components/QueryState';
import { useAction } from '../hooks/useAction';
import type { NotificationChannel, NotificationTemplatesQuery as TemplatesResult } from '../gql/graphql';
import { NotificationTemplatesQuery, PreviewNotificationDraft, ResetNotificationTemplate, SetNotificationTemplate } from './documents';

type Template = TemplatesResult['notificationTemplates'][number];

const EVENT_NAMES: Record<string, string> = {
  'lifecycle.notice_due': 'Expiry notice',
  'lifecycle.grace_started': 'Grace started',
  'lifecycle.suspended': 'Suspended',
  'lifecycle.restored': 'Restored',
  'lifecycle.payment_recorded': 'Payment received',
};

const key = (template: { eventType: string; channel: NotificationChannel }) => `${template.eventType}/${template.channel}`;

/** The texts subscribers receive, per event and channel: edit, reset to the platform's, preview with sample values. */
export function TemplatesPanel() {
  const [result, reexecute] = useQuery({ query: NotificationTemplatesQuery });
  const [selected, setSelected] = useState<string | null>(null);
  const templates = result.data?.notificationTemplates;
  if (!templates) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const current = templates.find((template) => key(template) === selected) ?? templates[0];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Table highlightOnHover aria-label="Templates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Text</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templates.map((template) => (
            <Table.Tr
              key={key(template)}
              onClick={() => setSelected(key(template))}
              style={{ cursor: 'pointer' }}
              bg={current && key(current) === key(template) ? 'var(--mantine-color-indigo-0)' : undefined}
            >
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => setSelected(key(template))}>
                  {EVENT_NAMES[template.eventType] ?? template.eventType}
                </Button>
              </Table.Td>
              <Table.Td>{template.channel.toLowerCase()}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge variant="light" color={template.builtIn ? 'gray' : 'indigo'}>
                    {template.builtIn ? 'built-in' : 'own'}
                  </Badge>
                  {!template.enabled && (
                    <Badge variant="light" color="orange">
                      off
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {current && <TemplateEditor key={key(current) + current.body + String(current.subject)} template={current} />}
    </SimpleGrid>
  );
}

function TemplateEditor({ template }: { template: Template }) {
  const [subject, setSubject] = useState(template.subject ?? '');
  const [body, setBody] = useState(template.body);
  const [enabled, setEnabled] = useState(template.enabled);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, save] = useMutation(SetNotificationTemplate);
  const [, reset] = useMutation(ResetNotificationTemplate);
  const { run, running } = useAction();
  const email = template.channel === 'EMAIL';
  // the preview follows the text as typed (after a pause), not the saved one
  const [draftSubject] = useDebouncedValue(subject, 300);
  const [draftBody] = useDebouncedValue(body, 300);
  const [preview] = useQuery({
    query: PreviewNotificationDraft,
    variables: { eventType: template.eventType, channel: template.channel, subject: email ? draftSubject : null, body: draftBody },
    pause: !draftBody.trim(),
  });
  const changed = body !== template.body || (email && subject !== (template.subject ?? '')) || enabled !== template.enabled;
  return (
    <Stack>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {EVENT_NAMES[template.eventType] ?? template.eventType} · {template.channel.toLowerCase()}
          </Title>
          {email && <TextInput label="Subject" value={subject} onChange={(event) => setSubject(event.currentTarget.value)} error={errors.subject || undefined} />}
          <Textarea
            label="Text"
            description="Variables as {{name}}, e.g. {{name}}, {{plan}}, {{expiresOn}}, {{daysLeft}} (3 days), {{days}} (3)"
            autosize
            minRows={5}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={errors.body || undefined}
          />
          <Switch label="Send this message" checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} />
          <Group>
            <Button
              loading={running}
              disabled={!changed || !body.trim()}
              onClick={async () => {
                const outcome = await run(
                  'Save text',
                  () => save({ input: { eventType: template.eventType, channel: template.channel, subject: email ? subject : null, body, enabled } }),
                  (d) => d.setNotificationTemplate.errors,
                  'Saved.',
                );
                if (!outcome.ok) setErrors(fieldErrors(outcome.fieldErrors));
              }}
            >
              Save text
            </Button>
            {!template.builtIn && (
              <Button
                variant="default"
                loading={running}
                onClick={() =>
                  void run('Reset text', () => reset({ input: { eventType: template.eventType, channel: template.channel } }), (d) => d.resetNotificationTemplate.errors, 'Back to the built-in text.')
                }
              >
                Use the built-in text
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
      <Card withBorder aria-label="Preview" data-testid="template-preview">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          Preview (the text above, sample values)
        </Text>
        {preview.data ? (
          <Stack gap={4} mt="xs">
            {preview.data.previewNotificationDraft.subject && <Text fw={600}>{preview.data.previewNotificationDraft.subject}</Text>}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {preview.data.previewNotificationDraft.body}
            </Text>
          </Stack>
        ) : (
          <QueryState fetching={preview.fetching} error={preview.error} />
        )}
      </Card>
    </Stack>
  );
}
