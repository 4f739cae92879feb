import { Card, Group, Stack, Text } from '@mantine/core';
import './liveTable.css';

/**
 * Online sessions per router or POP, most first (the top eight; the rest summed). The bars are scaled, not resized
 * (liveTable.css): a batch that changes the counts changes no layout but the numbers' (ADR 0200).
 */
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
              <Text size="sm" fw={500} className="live-count">
                {count.toLocaleString()}
              </Text>
            </Group>
            <div className="live-bar" aria-hidden>
              <div style={{ transform: `scaleX(${count / most})` }} />
            </div>
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
