import { Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { urls } from '../urls';

const DashboardQuery = graphql(`
  query Dashboard {
    routers(first: 100) {
      edges {
        node {
          id
          health {
            status
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    failed: operations(status: FAILED, first: 100) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    running: operations(status: RUNNING, first: 100) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    waiting: operations(status: WAITING_FOR_ROUTER, first: 100) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

function count(edges: readonly unknown[], more: boolean): string {
  return more ? `${edges.length}+` : String(edges.length);
}

export default function DashboardView() {
  const [result, reexecute] = useQuery({ query: DashboardQuery });
  if (!result.data) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />;
  }
  const { routers, failed, running, waiting } = result.data;
  const byStatus = new Map<string, number>();
  routers.edges.forEach(({ node }) => byStatus.set(node.health.status, (byStatus.get(node.health.status) ?? 0) + 1));
  return (
    <Page title="Dashboard">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Card withBorder>
          <Stack gap={6}>
            <Text fw={600}>Routers</Text>
            <Text fz={28} fw={700}>
              {count(routers.edges, routers.pageInfo.hasNextPage)}
            </Text>
            <Group gap={6}>
              {[...byStatus].map(([status, n]) => (
                <Group key={status} gap={4}>
                  <StatusBadge value={status} />
                  <Text size="sm">{n}</Text>
                </Group>
              ))}
            </Group>
            <Anchor component={Link} to={urls.routers()} size="sm">
              Open routers
            </Anchor>
          </Stack>
        </Card>
        <Tile title="Operations running" value={count(running.edges, running.pageInfo.hasNextPage)} to={urls.operations({ status: 'RUNNING' })} />
        <Tile title="Waiting for a router" value={count(waiting.edges, waiting.pageInfo.hasNextPage)} to={urls.operations({ status: 'WAITING_FOR_ROUTER' })} />
        <Tile title="Operations failed" value={count(failed.edges, failed.pageInfo.hasNextPage)} to={urls.operations({ status: 'FAILED' })} alert={failed.edges.length > 0} />
      </SimpleGrid>
    </Page>
  );
}

function Tile({ title, value, to, alert = false }: { title: string; value: string; to: string; alert?: boolean }) {
  return (
    <Card withBorder>
      <Stack gap={6}>
        <Text fw={600}>{title}</Text>
        <Text fz={28} fw={700} c={alert ? 'red.8' : undefined}>
          {value}
        </Text>
        <Anchor component={Link} to={to} size="sm">
          Show them
        </Anchor>
      </Stack>
    </Card>
  );
}
