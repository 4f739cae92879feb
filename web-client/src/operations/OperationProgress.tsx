import { useEffect, useRef } from 'react';
import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery, useSubscription } from 'urql';
import { StatusBadge } from '../components/StatusBadge';
import { OperationQuery, OperationUpdated } from './documents';
import { NOTE_COLORS, noteTone, type NoteTone } from './noteTone';

const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'SUPERSEDED']);

/** Live state of one operation: read once, then followed over graphql-ws until it finishes. */
export function OperationProgress({ id, label, onFinished }: { id: string; label: string; onFinished?: () => void }) {
  const [initial] = useQuery({ query: OperationQuery, variables: { id }, requestPolicy: 'network-only' });
  const [live] = useSubscription({ query: OperationUpdated, variables: { id } });
  const operation = live.data?.operationUpdated ?? initial.data?.operation;
  const status = operation?.status;
  const reported = useRef(false);
  useEffect(() => {
    // the object the operation changed is re-read once it is done (its status and sync state moved on)
    if (status && FINISHED.has(status) && !reported.current) {
      reported.current = true;
      onFinished?.();
    }
  }, [status, onFinished]);
  if (!operation) {
    return (
      <Text size="sm" c="dimmed">
        {label}: waiting for the operation…
      </Text>
    );
  }
  const total = operation.progressTotal;
  const done = operation.progressDone;
  const finished = FINISHED.has(operation.status);
  return (
    <Stack gap={4} aria-live="polite" data-testid="operation-progress" data-status={operation.status}>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <StatusBadge value={operation.status} />
        {total > 0 && (
          <Text size="sm" c="dimmed">
            {done} / {total}
            {operation.progressFailed > 0 ? `, ${operation.progressFailed} failed` : ''}
          </Text>
        )}
      </Group>
      {total > 0 && (
        <Progress
          value={(100 * done) / total}
          animated={!finished}
          color={operation.progressFailed > 0 ? 'orange' : undefined}
          aria-label={`${label} progress`}
        />
      )}
      {total === 0 && !finished && <Progress value={100} animated striped aria-label={`${label} running`} />}
      {operation.lastError && <OperationNote note={operation.lastError} tone={noteTone(operation)} />}
    </Stack>
  );
}

function OperationNote({ note, tone }: { note: string; tone: NoteTone }) {
  return (
    <Alert color={NOTE_COLORS[tone]} p="xs" data-tone={tone}>
      <Text size="sm">{note}</Text>
    </Alert>
  );
}
