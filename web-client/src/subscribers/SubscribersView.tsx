import { Anchor, Button, Group, Select, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Page } from '../components/Page';
import { Pager, usePageArgs } from '../components/Pager';
import { EmptyState, QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { Can } from '../auth/Me';
import { urls } from '../urls';
import { ChoicesQuery, SubscribersQuery } from './documents';

// a list that starts empty holds no typename to invalidate: name it, so a create re-reads the list
const LIST_CONTEXT = { additionalTypenames: ['Subscriber'] };

export default function SubscribersView() {
  const [params, setParams] = useSearchParams();
  const routerId = params.get('router');
  const [result, reexecute] = useQuery({ query: SubscribersQuery, variables: { routerId, ...usePageArgs() }, context: LIST_CONTEXT });
  const [choices] = useQuery({ query: ChoicesQuery });
  const routers = choices.data?.routers.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? [];
  const rows = result.data?.subscribers.edges ?? [];
  return (
    <Page
      title="Subscribers"
      actions={
        <Can capability="operate">
          <Button component={Link} to={urls.subscriberBulk()} variant="default">
            Import CSV
          </Button>
          <Button component={Link} to={urls.subscriberNew()}>
            New subscriber
          </Button>
        </Can>
      }
    >
      <Group>
        <Select
          label="Router"
          placeholder="All routers"
          data={routers}
          value={routerId}
          clearable
          onChange={(value) => setParams(value ? { router: value } : {})}
          w={240}
        />
      </Group>
      {!result.data ? (
        <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No subscribers yet">
          <Text size="sm" c="dimmed">
            Create one, import a CSV, or import a router that already has PPPoE secrets.
          </Text>
        </EmptyState>
      ) : (
        <>
          <Table striped highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Username</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Plan</Table.Th>
                <Table.Th>Router</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>On router</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>
                    <Anchor component={Link} to={urls.subscriber(node.id)}>
                      {node.username}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{node.fullName ?? ''}</Table.Td>
                  <Table.Td>{node.plan.name}</Table.Td>
                  <Table.Td>{node.router.name}</Table.Td>
                  <Table.Td>
                    <StatusBadge value={node.status} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge value={node.syncState} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager pageInfo={result.data.subscribers.pageInfo} />
        </>
      )}
    </Page>
  );
}
