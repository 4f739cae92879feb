import { Button, Group, Select, Table, Text } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Page } from '../components/Page';
import { EmptyState, QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { Can } from '../auth/Me';
import { useAction } from '../hooks/useAction';
import { urls } from '../urls';
import type { DriftAction } from '../gql/graphql';
import { dateTime } from '../format/time';

const RouterChoices = graphql(`
  query DriftRouters {
    routers(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const LatestReport = graphql(`
  query LatestDriftReport($routerId: ID!) {
    driftReports(routerId: $routerId, first: 1) {
      edges {
        node {
          id
          checkedAt
          status
          error
          missingCount
          unmanagedCount
          differentCount
          ignoredCount
          items(first: 100) {
            edges {
              node {
                id
                object
                kind
                name
                state
                differences {
                  summary
                }
              }
            }
          }
        }
      }
    }
  }
`);

const CheckDrift = graphql(`
  mutation CheckDrift($input: CheckDriftInput!) {
    checkDrift(input: $input) {
      report {
        id
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

const ResolveDrift = graphql(`
  mutation ResolveDriftItems($input: ResolveDriftItemsInput!) {
    resolveDriftItems(input: $input) {
      resolvedCount
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export default function DriftView() {
  const { routerId } = useParams();
  const navigate = useNavigate();
  const [routers] = useQuery({ query: RouterChoices });
  const [report, reexecute] = useQuery({ query: LatestReport, variables: { routerId: routerId ?? '' }, pause: !routerId });
  const [, check] = useMutation(CheckDrift);
  const [, resolve] = useMutation(ResolveDrift);
  const { run, running } = useAction();
  const latest = report.data?.driftReports.edges[0]?.node;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const act = async (action: DriftAction, itemIds: string[] | null) => {
    if (!latest) return;
    await run(
      `Drift: ${action.toLowerCase()}`,
      () => resolve({ input: { reportId: latest.id, itemIds, all: itemIds === null, action, confirmRemoval: true } }),
      (data) => data.resolveDriftItems.errors,
      'Done.',
    );
    refresh();
  };
  return (
    <Page
      title="Drift"
      actions={
        routerId && (
          <Can capability="operate">
            <Button
              loading={running}
              onClick={async () => {
                await run('Check drift', () => check({ input: { routerId } }), (data) => data.checkDrift.errors, 'Checked.');
                refresh();
              }}
            >
              Check now
            </Button>
            {latest && (
              <>
                <Button variant="default" loading={running} onClick={() => void act('PUSH', null)}>
                  Push all
                </Button>
                <Button variant="default" loading={running} onClick={() => void act('ADOPT', null)}>
                  Adopt all
                </Button>
              </>
            )}
          </Can>
        )
      }
    >
      <Select
        label="Router"
        w={280}
        data={routers.data?.routers.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? []}
        value={routerId ?? null}
        onChange={(value) => value && navigate(urls.drift(value))}
      />
      {!routerId ? (
        <EmptyState title="Choose a router to see how it differs from Towerline" />
      ) : !report.data ? (
        <QueryState fetching={report.fetching} error={report.error} onRetry={refresh} />
      ) : !latest ? (
        <EmptyState title="Not checked yet" />
      ) : (
        <>
          <Text size="sm">
            Checked {dateTime(latest.checkedAt)}: {latest.missingCount} missing on the router,{' '}
            {latest.unmanagedCount} unmanaged, {latest.differentCount} different, {latest.ignoredCount} ignored.
          </Text>
          {latest.error && <Text c="red">{latest.error}</Text>}
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Object</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Difference</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {latest.items.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>{node.object.toLowerCase()}</Table.Td>
                  <Table.Td>{node.name}</Table.Td>
                  <Table.Td>{node.kind.toLowerCase()}</Table.Td>
                  <Table.Td>{node.differences.map((d) => d.summary).join('; ')}</Table.Td>
                  <Table.Td>
                    <StatusBadge value={node.state} />
                  </Table.Td>
                  <Table.Td>
                    {node.state === 'OPEN' && (
                      <Can capability="operate">
                        <Group gap={4}>
                          <Button size="compact-xs" variant="light" onClick={() => void act('PUSH', [node.id])}>
                            Push
                          </Button>
                          <Button size="compact-xs" variant="light" onClick={() => void act('ADOPT', [node.id])}>
                            Adopt
                          </Button>
                          <Button size="compact-xs" variant="subtle" onClick={() => void act('IGNORE', [node.id])}>
                            Ignore
                          </Button>
                        </Group>
                      </Can>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Page>
  );
}
