import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from 'urql';
import { Can } from '../auth/Me';
import { StatusBadge } from '../components/StatusBadge';
import { SubscriberLifecycleQuery } from './sectionDocuments';
import { ExtendDialog, PostponeDialog } from './LifecycleDialogs';
import { dateTime } from '../format/time';

/** Who did it, as people read it: `user:ana` → ana, `system:lifecycle` → lifecycle (system). */
export function actorLabel(actor: string): string {
  const [kind, ...rest] = actor.split(':');
  const name = rest.join(':');
  if (!name) return actor;
  if (kind === 'user') return name;
  if (kind === 'client') return `${name} (API client)`;
  return `${name} (system)`;
}

/** Expiry, lifecycle state and the timeline (notices, grace, suspension, restores, plan changes and who did them). */
export function LifecycleSection({ subscriberId }: { subscriberId: string }) {
  const [result, reexecute] = useQuery({ query: SubscriberLifecycleQuery, variables: { id: subscriberId } });
  const [dialog, setDialog] = useState<null | 'extend' | 'postpone'>(null);
  const subscriber = result.data?.subscriber;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Card withBorder aria-label="Lifecycle">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={500}>Lifecycle</Text>
            {subscriber?.lifecycleState && <StatusBadge value={subscriber.lifecycleState} />}
            <Text size="sm" c="dimmed">
              {subscriber?.expiresOn ? `expires ${subscriber.expiresOn}` : 'no expiry'}
            </Text>
          </Group>
          <Can capability="operate">
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setDialog('extend')}>
                Extend
              </Button>
              {(subscriber?.lifecycleState === 'GRACE' || subscriber?.lifecycleState === 'SUSPENDED') && (
                <Button size="xs" variant="light" color="orange" onClick={() => setDialog('postpone')}>
                  Postpone suspension
                </Button>
              )}
            </Group>
          </Can>
        </Group>
        {subscriber && subscriber.timeline.nodes.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing has happened yet.
          </Text>
        )}
        <Timeline bulletSize={12} lineWidth={2} data-testid="timeline">
          {subscriber?.timeline.nodes.map((entry) => (
            <Timeline.Item key={entry.id} title={entry.summary}>
              <Text size="xs" c="dimmed">
                {dateTime(entry.occurredAt)} · {entry.kind} · by {actorLabel(entry.actor)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
      {dialog === 'extend' && (
        <ExtendDialog
          subscriberId={subscriberId}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
      {dialog === 'postpone' && (
        <PostponeDialog
          subscriberId={subscriberId}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
    </Card>
  );
}
