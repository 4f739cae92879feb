import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import type { CombinedError } from 'urql';
import { describeError } from '../api/errors';

interface Props {
  fetching: boolean;
  error?: CombinedError | undefined;
  onRetry?: () => void;
}

/** Loading and error states of a screen (shown while there is no data yet). */
export function QueryState({ fetching, error, onRetry }: Props) {
  if (error) {
    const problem = describeError(error);
    return (
      <Alert color="red" title="Could not load" role="alert" my="md">
        <Text size="sm">{problem.message}</Text>
        {onRetry && !problem.signInAgain && (
          <Group mt="sm">
            <Button size="xs" variant="light" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        )}
      </Alert>
    );
  }
  if (fetching) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return null;
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <Center py="xl" style={{ flexDirection: 'column', gap: 8 }}>
      <Text fw={600}>{title}</Text>
      {children}
    </Center>
  );
}
