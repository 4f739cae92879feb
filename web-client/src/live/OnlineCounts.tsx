import { Card, Group, Progress, Stack, Text } from '@mantine/core';

/** Online sessions per router or POP, most first (the top eight; the rest summed). */
export function OnlineCounts({
  title,
  counts,
  nameOf,
  empty = 'Nobody online.',
}: {
  title: string;
  counts: [string, number][];
  nameOf: (id: string) => string;
  empty?: string;
}) {
  const top = counts.slice(0, 8);
  const rest = counts.slice(8).reduce((sum, [, count]) => sum + count, 0);
  const most = counts[0]?.[1] ?? 1;
  return (
    <Card withBorder aria-label={title}>
      <Text fw={500} mb="xs">
        {title}
      </Text>
      <Stack gap={6}>
        {top.length === 0 && (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        )}
        {top.map(([id, count]) => (
          <div key={id}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" truncate>
                {nameOf(id)}
              </Text>
              <Text size="sm" fw={500}>
                {count.toLocaleString()}
              </Text>
            </Group>
            <Progress value={(count / most) * 100} size="xs" aria-hidden />
          </div>
        ))}
        {rest > 0 && (
          <Text size="xs" c="dimmed">
            {rest.toLocaleString()} more elsewhere
          </Text>
        )}
      </Stack>
    </Card>
  );
}
