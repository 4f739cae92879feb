import { Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Page } from '../components/Page';
import { Pager } from '../components/Pager';
import { EmptyState, QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import type { CommandOutcome } from '../gql/graphql';
import { csvCell } from './csvCell';
import { useFilterParams } from '../hooks/useFilterParams';
import { dateTime } from '../format/time';
import { TargetCell } from './TargetCell';

const CommandLogQuery = graphql(`
  query CommandLog($filter: CommandLogFilter, $first: Int, $after: String) {
    commandLog(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          at
          routerId
          subscriber
          target {
            kind
            name
          }
          action
          parameters
          outcome
          error
          durationMillis
          actor
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

const OUTCOMES: CommandOutcome[] = ['SUCCEEDED', 'REJECTED', 'FAILED', 'UNKNOWN'];

export default function AuditView() {
  const { choice, text, set } = useFilterParams();
  const subscriber = text('subscriber');
  const outcome = choice('outcome', OUTCOMES);
  const after = text('after') || null;
  const [result, reexecute] = useQuery({
    query: CommandLogQuery,
    variables: { filter: { subscriber: subscriber || null, outcome }, first: 100, after },
  });
  const rows = result.data?.commandLog.edges ?? [];
  const exportCsv = () => {
    const lines = ['at,actor,action,subscriber,targetKind,target,outcome,durationMillis,parameters,error'];
    rows.forEach(({ node }) =>
      lines.push(
        [node.at, node.actor, node.action, node.subscriber, node.target?.kind, node.target?.name, node.outcome, node.durationMillis, node.parameters, node.error]
          .map(csvCell)
          .join(','),
      ),
    );
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }));
    link.download = 'command-log.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <Page title="Command log" actions={<Button variant="default" onClick={exportCsv} disabled={!rows.length}>Export CSV</Button>}>
      <Group>
        <TextInput label="Subscriber" defaultValue={subscriber} onBlur={(e) => set('subscriber', e.currentTarget.value)} />
        <Select label="Outcome" clearable data={OUTCOMES} value={outcome} onChange={(value) => set('outcome', value)} />
      </Group>
      {!result.data ? (
        <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No commands match" />
      ) : (
        <>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Command</Table.Th>
                <Table.Th>Acted on</Table.Th>
                {/* without a width of its own the badge gave way to the command column: "SUCCE…" */}
                <Table.Th miw={120}>Outcome</Table.Th>
                <Table.Th>ms</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>{dateTime(node.at)}</Table.Td>
                  <Table.Td>{node.actor}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{node.action}</Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {node.parameters}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TargetCell target={node.target} />
                  </Table.Td>
                  <Table.Td title={node.error ?? undefined}>
                    <StatusBadge value={node.outcome} />
                  </Table.Td>
                  <Table.Td>{node.durationMillis}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager pageInfo={result.data.commandLog.pageInfo} forwardOnly />
        </>
      )}
    </Page>
  );
}
