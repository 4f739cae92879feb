import { Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Page } from '../components/Page';
import { bitRate } from '../format/units';
import { QueryState } from '../components/QueryState';
import { useInterval } from '../hooks/useInterval';
import { useLiveRefresh } from '../hooks/useLiveRefresh';
import { OperationsChanged } from '../operations/documents';
import { urls } from '../urls';
import { LatestFailures } from './LatestFailures';

const SummaryQuery = graphql(`
  query TenantSummary {
    tenantSummary {
      routers {
        total
        online
        unreachable
        authFailed
        unknown
      }
      subscribers {
        total
        pending
        active
        inGrace
        suspended
        disabled
      }
      operations {
        queued
        running
        waitingForRouter
        failed
      }
      alerts {
        open
        acknowledged
      }
      driftItemsOpen
      onlineSessions
    }
  }
`);

// apart from the counts: it reads every online router, the counts must not wait for that
const ThroughputQuery = graphql(`
  query TenantThroughput {
    tenantThroughput {
      rxBitsPerSecond
      txBitsPerSecond
      routersRead
      routersUnreachable
    }
  }
`);

const AlertRaised = graphql(`
  subscription DashboardAlertRaised {
    alertRaised {
      id
    }
  }
`);

const SUMMARY_CONTEXT = { additionalTypenames: ['Subscriber', 'Router', 'Operation', 'Alert'] };

/**
 * Counts refresh when an operation changes or an alert opens (both pushed), and every 10 s for what has no push
 * (sessions, traffic, router health).
 */
export default function DashboardView() {
  const [summary, reexecute] = useQuery({ query: SummaryQuery, context: SUMMARY_CONTEXT });
  const [throughput, rereadThroughput] = useQuery({ query: ThroughputQuery });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  useLiveRefresh(OperationsChanged, refresh);
  useLiveRefresh(AlertRaised, refresh);
  useInterval(refresh, 10_000);
  useInterval(() => rereadThroughput({ requestPolicy: 'network-only' }), 10_000);
  if (!summary.data) {
    return <QueryState fetching={summary.fetching} error={summary.error} onRetry={() => reexecute()} />;
  }
  const { routers, subscribers, operations, alerts, driftItemsOpen, onlineSessions } = summary.data.tenantSummary;
  const traffic = throughput.data?.tenantThroughput;
  return (
    <Page title="Dashboard">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Tile title="Online now" value={onlineSessions} to={urls.live()} link="Show who is online" />
        <Tile
          title="Throughput now"
          // one direction per line: two rates side by side do not fit a quarter of the screen
          value={traffic ? `↓ ${bitRate(traffic.txBitsPerSecond)}\n↑ ${bitRate(traffic.rxBitsPerSecond)}` : '…'}
          size={20}
          to={urls.routers()}
          link="Open routers"
          detail={traffic && traffic.routersUnreachable > 0 ? `${traffic.routersUnreachable} ${traffic.routersUnreachable === 1 ? 'router' : 'routers'} could not be read` : undefined}
        />
        <Tile title="Open alerts" value={alerts.open} alert={alerts.open > 0} detail={`${alerts.acknowledged} acknowledged`} to={urls.alerts()} link="Open alerts" />
        <Tile title="Subscribers in grace" value={subscribers.inGrace} to={urls.subscribers({ lifecycle: 'GRACE' })} link="Show them" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Breakdown
          title="Routers"
          total={routers.total}
          to={urls.routers()}
          rows={[
            ['Online', routers.online],
            ['Unreachable', routers.unreachable],
            ['Credentials refused', routers.authFailed],
            ['Not checked yet', routers.unknown],
          ]}
        />
        <Breakdown
          title="Subscribers"
          total={subscribers.total}
          to={urls.subscribers()}
          rows={[
            ['Active', subscribers.active, urls.subscribers({ status: 'ACTIVE' })],
            ['In grace', subscribers.inGrace, urls.subscribers({ lifecycle: 'GRACE' })],
            ['Pending', subscribers.pending, urls.subscribers({ status: 'PENDING' })],
            ['Suspended', subscribers.suspended, urls.subscribers({ status: 'SUSPENDED' })],
            ['Disabled', subscribers.disabled, urls.subscribers({ status: 'DISABLED' })],
          ]}
        />
        <Breakdown
          title="Operations"
          to={urls.operations()}
          rows={[
            ['Queued', operations.queued],
            ['Running', operations.running, urls.operations({ status: 'RUNNING' })],
            ['Waiting for a router', operations.waitingForRouter, urls.operations({ status: 'WAITING_FOR_ROUTER' })],
            ['Failed', operations.failed, urls.operations({ status: 'FAILED' })],
          ]}
        />
        <Tile title="Drift items open" value={driftItemsOpen} alert={driftItemsOpen > 0} to={urls.drift()} link="Open drift" />
      </SimpleGrid>
      {/* re-read whenever the count moves, so the latest failures follow the figure */}
      <LatestFailures key={operations.failed} count={operations.failed} />
    </Page>
  );
}

interface TileProps {
  title: string;
  value: number | string;
  to?: string;
  link?: string;
  alert?: boolean;
  detail?: string | undefined;
  size?: number;
}

function Tile({ title, value, to, link = 'Show them', alert = false, detail, size = 28 }: TileProps) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap={6}>
        <Text fw={600}>{title}</Text>
        <Text fz={size} fw={700} c={alert ? 'red.8' : undefined} data-testid="figure" style={{ whiteSpace: 'pre' }}>
          {typeof value === 'number' ? value.toLocaleString() : value}
        </Text>
        {detail && (
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        )}
        {to && (
          <Anchor component={Link} to={to} size="sm">
            {link}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

type Row = [label: string, count: number, to?: string];

function Breakdown({ title, total, to, rows }: { title: string; total?: number; to: string; rows: Row[] }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Anchor component={Link} to={to} fw={600}>
            {title}
          </Anchor>
          {total !== undefined && (
            <Text fz={28} fw={700} data-testid="figure">
              {total.toLocaleString()}
            </Text>
          )}
        </Group>
        {rows.map(([label, count, link]) => (
          <Group key={label} justify="space-between" gap={4}>
            {link ? (
              <Anchor component={Link} to={link} size="sm">
                {label}
              </Anchor>
            ) : (
              <Text size="sm">{label}</Text>
            )}
            <Text size="sm" fw={600} c={label === 'Failed' && count > 0 ? 'red.8' : undefined} aria-label={`${label}: ${count}`}>
              {count.toLocaleString()}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
