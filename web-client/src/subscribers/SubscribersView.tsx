import { memo, useDeferredValue, useState } from 'react';
import { Anchor, Button, ColorSwatch, Group, Progress, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Page } from '../components/Page';
import { PAGE_SIZE, Pager, usePageArgs } from '../components/Pager';
import { EmptyState, QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { Can } from '../auth/Me';
import { urls } from '../urls';
import { SortableTh, useSortParams } from '../components/SortableTh';
import { FilterSelect } from '../components/FilterSelect';
import type { LifecycleState, SubscriberOrder, SubscriberStatus, SubscribersQuery as SubscribersResult } from '../gql/graphql';
import { useSearchText } from '../hooks/useSearchText';
import { ChoicesQuery, SubscribersQuery } from './documents';
import { downloadSubscribersCsv, saveBlob, type ExportProgress, type ExportQuery } from './csvExport';
import { useFilterParams } from '../hooks/useFilterParams';
import { dateTime, calendarDate } from '../format/time';

// a list that starts empty holds no typename to invalidate: name it, so a create re-reads the list
const LIST_CONTEXT = { additionalTypenames: ['Subscriber'] };

const STATUSES: SubscriberStatus[] = ['ACTIVE', 'PENDING', 'SUSPENDED', 'DISABLED'];

// where a subscriber with an expiry stands in the lifecycle flow; the dashboard's "in grace" links to GRACE
const LIFECYCLE_STATES: { value: LifecycleState; label: string }[] = [
  { value: 'ACTIVE', label: 'Paid up' },
  { value: 'GRACE', label: 'In grace' },
  { value: 'SUSPENDED', label: 'Suspended by the lifecycle' },
];

const LIFECYCLE_VALUES = LIFECYCLE_STATES.map((state) => state.value);

const ORDERS: readonly SubscriberOrder[] = ['USERNAME', 'CREATED', 'EXPIRY', 'STATUS', 'PLAN'];

const ORDER_NAMES: Record<SubscriberOrder, string> = {
  USERNAME: 'username',
  CREATED: 'creation',
  EXPIRY: 'expiry',
  STATUS: 'status',
  PLAN: 'plan',
};

/** Search and filters live in the URL, so a filtered page is a deep link. */
export default function SubscribersView() {
  const { choice, id, set } = useFilterParams();
  const { text, typed, setTyped } = useSearchText();
  const status = choice('status', STATUSES);
  const planId = id('plan');
  const routerId = id('router');
  const lifecycleState = choice('lifecycle', LIFECYCLE_VALUES);
  const order = useSortParams<SubscriberOrder>('USERNAME', ORDERS);
  const [result, reexecute] = useQuery({
    query: SubscribersQuery,
    variables: { text: text || null, status, planId, routerId, lifecycleState, orderBy: order.sort, descending: order.descending, ...usePageArgs() },
    context: LIST_CONTEXT,
  });
  const [choices] = useQuery({ query: ChoicesQuery });
  const plans = choices.data?.plans.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? [];
  const routers = choices.data?.routers.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? [];
  // the page's rows render in a transition React splits into slices of a few milliseconds, so 50 rows of components
  // are no single long task on the main thread (the first load's blocking time); the count and pager come with them
  const data = useDeferredValue(result.data);
  const rows = data?.subscriberSearch.edges ?? [];
  const filtered = Boolean(text || status || planId || routerId || lifecycleState);
  return (
    <Page
      title="Subscribers"
      actions={
        <>
        <ExportButton query={{ text: text || null, status, planId, routerId, lifecycleState, orderBy: order.sort, descending: order.descending }} />
        <Can capability="operate">
          <Button component={Link} to={urls.subscriberBulk()} variant="default">
            Import CSV
          </Button>
          <Button component={Link} to={urls.subscriberNew()}>
            New subscriber
          </Button>
        </Can>
        </>
      }
    >
      <Group align="flex-end" role="search">
        <TextInput
          label="Search"
          placeholder="Username, name, e-mail or phone"
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          w={280}
        />
        <FilterSelect label="Status" placeholder="Any status" data={STATUSES} value={status} clearable onChange={(value) => set('status', value)} w={160} />
        <FilterSelect label="Plan" placeholder="Any plan" data={plans} value={planId} clearable searchable onChange={(value) => set('plan', value)} w={200} />
        <FilterSelect label="Router" placeholder="Any router" data={routers} value={routerId} clearable searchable onChange={(value) => set('router', value)} w={200} />
        <FilterSelect label="Lifecycle" placeholder="Any lifecycle state" data={LIFECYCLE_STATES} value={lifecycleState} clearable onChange={(value) => set('lifecycle', value)} w={220} />
      </Group>
      {!data ? (
        // data but no deferred data yet: the rows are rendering as a transition, the loader stays until they are shown
        <QueryState fetching={result.fetching || Boolean(result.data)} error={result.error} onRetry={() => reexecute()} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? 'No subscriber matches' : 'No subscribers yet'}>
          <Text size="sm" c="dimmed">
            {filtered
              ? 'Change the search or clear the filters.'
              : 'Create one, import a CSV, or import a router that already has PPPoE secrets.'}
          </Text>
        </EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {data.subscriberCount.toLocaleString()} subscriber{data.subscriberCount === 1 ? '' : 's'}
            {data.subscriberCount > PAGE_SIZE ? `, ${PAGE_SIZE} a page` : ''}, by {ORDER_NAMES[order.sort]}
            {order.descending ? ' (reversed)' : ''}
          </Text>
          <Table striped highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <SortableTh label="Username" sortKey="USERNAME" current={order} />
                <Table.Th>Name</Table.Th>
                <SortableTh label="Plan" sortKey="PLAN" current={order} />
                <Table.Th>Router</Table.Th>
                <SortableTh label="Status" sortKey="STATUS" current={order} />
                <Table.Th>On router</Table.Th>
                <Table.Th>Online</Table.Th>
                <SortableTh label="Expires" sortKey="EXPIRY" current={order} />
                <SortableTh label="Created" sortKey="CREATED" current={order} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ node }) => (
                <SubscriberRow key={node.id} node={node} />
              ))}
            </Table.Tbody>
          </Table>
          <Pager pageInfo={data.subscriberSearch.pageInfo} />
        </>
      )}
    </Page>
  );
}

type SubscriberNode = SubscribersResult['subscriberSearch']['edges'][number]['node'];

/** One row; memoised, so a page re-rendered for anything but its rows (typing a search) leaves them alone. */
const SubscriberRow = memo(function SubscriberRow({ node }: { node: SubscriberNode }) {
  return (
    <Table.Tr>
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
      <Table.Td>
        <OnlineCell session={node.session} />
      </Table.Td>
      <Table.Td>{node.expiresOn ?? ''}</Table.Td>
      <Table.Td>{calendarDate(node.createdAt)}</Table.Td>
    </Table.Tr>
  );
});

/** Exports every subscriber matching the list's filter, in its order (not just the page), with a progress bar. */
function ExportButton({ query }: { query: ExportQuery }) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const run = async () => {
    setProgress({ rows: 0, total: null });
    try {
      const blob = await downloadSubscribersCsv(query, setProgress);
      saveBlob(blob, 'subscribers.csv');
    } catch (error) {
      notifications.show({ color: 'red', title: 'Export', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setProgress(null);
    }
  };
  if (progress) {
    const percent = progress.total ? Math.min(100, (progress.rows / progress.total) * 100) : 0;
    return (
      <Group gap="xs" w={260} aria-live="polite">
        <Progress value={percent} w={120} aria-label="Export progress" animated />
        <Text size="sm">
          {progress.rows.toLocaleString()}
          {progress.total !== null ? ` of ${progress.total.toLocaleString()}` : ''} rows
        </Text>
      </Group>
    );
  }
  return (
    <Button variant="default" onClick={() => void run()}>
      Export CSV
    </Button>
  );
}

/** Whether the subscriber is online now, as its router's session tracker last saw it, with the address it holds. */
function OnlineCell({ session }: { session: { address: string; loginAt: string } | null | undefined }) {
  if (!session) {
    return (
      <Text size="sm" c="dimmed">
        offline
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" title={`Online since ${dateTime(session.loginAt)}`}>
      <ColorSwatch color="var(--mantine-color-green-6)" size={10} withShadow={false} aria-hidden />
      <Text size="sm" ff="monospace">
        {session.address}
      </Text>
    </Group>
  );
}
