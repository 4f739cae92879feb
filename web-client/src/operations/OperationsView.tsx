import { useState } from 'react';
import { Anchor, Button, Checkbox, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../components/Page';
import { Pager, usePageArgs } from '../components/Pager';
import { EmptyState, QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { Can, useCan } from '../auth/Me';
import { useAction } from '../hooks/useAction';
import { useLiveRefresh } from '../hooks/useLiveRefresh';
import { urls } from '../urls';
import type { OperationOrder } from '../gql/graphql';
import { SortableTh, useSortParams } from '../components/SortableTh';
import { OperationsChanged, OperationsQuery, RetryOperation } from './documents';
import { asWords } from '../components/words';
import { dateTime } from '../format/time';
import { useFilterParams } from '../hooks/useFilterParams';

const FILTERS = ['ALL', 'RUNNING', 'WAITING_FOR_ROUTER', 'FAILED', 'SUCCEEDED'] as const;
const OPERATION_ORDERS: readonly OperationOrder[] = ['CREATED', 'STATUS', 'KIND'];

export default function OperationsView() {
  const { choice, set } = useFilterParams();
  const status = choice('status', FILTERS) ?? 'ALL';
  // newest first unless a header says otherwise
  const order = useSortParams<OperationOrder>('CREATED', OPERATION_ORDERS, true);
  const [result, reexecute] = useQuery({
    query: OperationsQuery,
    variables: { status: status === 'ALL' ? null : status, orderBy: order.sort, descending: order.descending, ...usePageArgs() },
  });
  // the list is live: the server pushes each change of the tenant's operations, the page is re-read (at most once a second)
  useLiveRefresh(OperationsChanged, () => reexecute({ requestPolicy: 'network-only' }));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [, retry] = useMutation(RetryOperation);
  const { run, running } = useAction();
  const canOperate = useCan('operate');
  const rows = result.data?.operations.edges ?? [];
  const retrySelected = async () => {
    for (const id of selected) {
      await run('Retry operation', () => retry({ input: { id } }), (data) => data.retryOperation.errors, 'Queued again.');
    }
    setSelected(new Set());
  };
  return (
    <Page
      title="Operations"
      actions={
        <Can capability="operate">
          <Button disabled={selected.size === 0} loading={running} onClick={() => void retrySelected()}>
            Retry {selected.size || ''} selected
          </Button>
        </Can>
      }
    >
      <SegmentedControl
        value={status}
        // a new filter starts at the first page and keeps the order
        onChange={(value) => set('status', value === 'ALL' ? null : value)}
        data={FILTERS.map((value) => ({ value, label: value === 'ALL' ? 'All' : asWords(value) }))}
        aria-label="Status"
        w="fit-content"
      />
      {!result.data ? (
        <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No operations" />
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {canOperate && <Table.Th aria-label="Select" />}
                <SortableTh label="Kind" sortKey="KIND" current={order} />
                <SortableTh label="Status" sortKey="STATUS" current={order} />
                <Table.Th>Router</Table.Th>
                <Table.Th>Progress</Table.Th>
                <SortableTh label="Requested" sortKey="CREATED" current={order} />
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ node }) => (
                <Table.Tr key={node.id}>
                  {canOperate && (
                    <Table.Td>
                      {node.status === 'FAILED' && (
                        <Checkbox
                          aria-label={`Select operation ${node.id}`}
                          checked={selected.has(node.id)}
                          onChange={(event) => {
                            const next = new Set(selected);
                            if (event.currentTarget.checked) next.add(node.id);
                            else next.delete(node.id);
                            setSelected(next);
                          }}
                        />
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm">{asWords(node.kind)}</Text>
                    {node.subscriberId && (
                      <Anchor component={Link} to={urls.subscriber(node.subscriberId)} size="xs">
                        Open the subscriber
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge value={node.status} />
                  </Table.Td>
                  <Table.Td>{node.router?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    {node.progressTotal > 0 ? `${node.progressDone}/${node.progressTotal}` : '—'}
                    {node.progressFailed > 0 && (
                      <Text span c="red" size="sm">
                        {' '}
                        ({node.progressFailed} failed)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{dateTime(node.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {node.requestedBy}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {node.lastError ?? ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Pager pageInfo={result.data.operations.pageInfo} />
          </Group>
        </>
      )}
    </Page>
  );
}
