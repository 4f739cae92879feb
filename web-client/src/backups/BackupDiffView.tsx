import { Alert, Badge, Card, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useQuery } from 'urql';
import { QueryState } from '../components/QueryState';
import { BackupDiffQuery } from './documents';
import { dateTime } from '../format/time';

const LINE_STYLE = {
  ADDED: { background: 'var(--mantine-color-green-0)', sign: '+' },
  REMOVED: { background: 'var(--mantine-color-red-0)', sign: '-' },
  CONTEXT: { background: 'transparent', sign: ' ' },
} as const;

/** What changed between two exports, as unified-diff hunks with line numbers of both sides. */
export function BackupDiffView({ from, to }: { from: string; to: string }) {
  const [result, reexecute] = useQuery({ query: BackupDiffQuery, variables: { from, to, maxLines: 2000 } });
  const diff = result.data?.backupDiff;
  if (!diff) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  return (
    <Stack gap="xs" data-testid="backup-diff">
      <Group gap="xs">
        <Text size="sm">
          {dateTime(diff.from.takenAt)} → {dateTime(diff.to.takenAt)}
        </Text>
        <Badge color="green" variant="light">
          +{diff.linesAdded}
        </Badge>
        <Badge color="red" variant="light">
          −{diff.linesRemoved}
        </Badge>
      </Group>
      {diff.truncated && (
        <Alert color="yellow" role="status">
          Only the first 2,000 lines of the difference are shown; download both exports to compare the rest.
        </Alert>
      )}
      {diff.hunks.length === 0 ? (
        <Text size="sm" c="dimmed">
          The two exports hold the same configuration.
        </Text>
      ) : (
        diff.hunks.map((hunk) => (
          <Card withBorder p={0} key={`${hunk.fromStart}-${hunk.toStart}`}>
            <Text size="xs" ff="monospace" c="dimmed" px="xs" py={4} bg="var(--mantine-color-gray-0)">
              @@ −{hunk.fromStart},{hunk.fromCount} +{hunk.toStart},{hunk.toCount} @@
            </Text>
            <ScrollArea type="auto">
              <table style={{ borderCollapse: 'collapse', fontFamily: 'monospace', fontSize: 12, width: '100%' }}>
                <tbody>
                  {hunk.lines.map((line) => {
                    const style = LINE_STYLE[line.kind];
                    return (
                      <tr key={`${line.fromLine ?? ''}:${line.toLine ?? ''}`} style={{ background: style.background }} data-kind={line.kind}>
                        <td style={{ color: '#495057', textAlign: 'right', padding: '0 6px', userSelect: 'none' }}>{line.fromLine ?? ''}</td>
                        <td style={{ color: '#495057', textAlign: 'right', padding: '0 6px', userSelect: 'none' }}>{line.toLine ?? ''}</td>
                        <td style={{ whiteSpace: 'pre', padding: '0 6px' }}>
                          {style.sign} {line.text}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollArea>
          </Card>
        ))
      )}
    </Stack>
  );
}
