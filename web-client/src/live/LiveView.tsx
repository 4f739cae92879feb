import { useDeferredValue, useMemo, useState } from 'react';
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from 'urql';
import { Page } from '../components/Page';
import { FilterSelect } from '../components/FilterSelect';
import { LiveChoicesQuery } from './documents';
import { useSortParams } from '../components/SortableTh';
import { countBy, LIVE_SORT_KEYS, NEWEST_FIRST, visibleRows, type LiveRow, type LiveSortKey } from './liveSessions';
import { useLiveSessions } from './useLiveSessions';
import { VirtualRows } from './VirtualRows';
import { COLUMNS_CLASS, ROW_HEIGHT, SessionRow } from './SessionRow';
import { LiveHeader } from './LiveHeader';
import { KickDialog } from './KickDialog';
import { OnlineCounts } from './OnlineCounts';
import { TopTalkersCard } from './TopTalkersCard';
import { useFilterParams } from '../hooks/useFilterParams';
import { useSearchText } from '../hooks/useSearchText';

const options = (entries: Map<string, string>) => [...entries.entries()].map(([value, label]) => ({ value, label }));

// the same element every render, so a batch does not re-render it
const TOP_TALKERS = <TopTalkersCard />;

export default function LiveView() {
  const { sort, descending } = useSortParams<LiveSortKey>(NEWEST_FIRST.sort, LIVE_SORT_KEYS, NEWEST_FIRST.descending);
  const order = useMemo(() => ({ sort, descending }), [sort, descending]);
  const { live, version, error, connected } = useLiveSessions(order);
  const [choices] = useQuery({ query: LiveChoicesQuery });
  // filters live in the URL like every list's; the table follows the box as it is typed, the URL once typing pauses
  const { id, set } = useFilterParams();
  const routerId = id('router');
  const popId = id('pop');
  const planId = id('plan');
  const { typed: search, setTyped: setSearch } = useSearchText();
  const deferredSearch = useDeferredValue(search.trim());
  const [kick, setKick] = useState<LiveRow | null>(null);

  const routers = useMemo(() => choices.data?.routers.edges.map(({ node }) => node) ?? [], [choices.data]);
  const routerName = useMemo(() => new Map(routers.map((r) => [r.id, r.name])), [routers]);
  const popOfRouter = useMemo(() => new Map(routers.map((r) => [r.id, r.pop?.id])), [routers]);
  const popName = useMemo(() => new Map((choices.data?.pops.edges ?? []).map(({ node }) => [node.id, node.name])), [choices.data]);
  const planName = useMemo(() => new Map((choices.data?.plans.edges ?? []).map(({ node }) => [node.id, node.name])), [choices.data]);

  // the store keeps its rows in display order and its counts per router as batches arrive: a batch costs a filter
  // (none without one) and a sum over the routers here, not a sort of every session
  const rows = useMemo(
    () => visibleRows(live.ordered, { routerId, popId, planId, search: deferredSearch }, (id) => popOfRouter.get(id) ?? undefined),
    // version stands for the store's contents, which change in place
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, live, routerId, popId, planId, deferredSearch, popOfRouter],
  );
  const perRouter = useMemo(
    () => countBy(live.perRouter, (id) => id),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, live],
  );
  const perPop = useMemo(
    () => countBy(live.perRouter, (id) => popOfRouter.get(id) ?? undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, live, popOfRouter],
  );
  // the header changes with the order, not with a batch
  const header = useMemo(() => <LiveHeader order={order} />, [order]);
  const routerOptions = useMemo(() => options(routerName), [routerName]);
  const popOptions = useMemo(() => options(popName), [popName]);
  const planOptions = useMemo(() => options(planName), [planName]);
  // the filters change with what the user picks, not with a batch: kept as one element so a batch skips them
  const filters = useMemo(
    () => (
      <>
        <TextInput
          label="Search"
          placeholder="User name, IP address or MAC"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={260}
        />
        <FilterSelect label="Router" placeholder="Any router" data={routerOptions} value={routerId} onChange={(id) => set('router', id)} clearable searchable w={180} />
        <FilterSelect label="POP" placeholder="Any POP" data={popOptions} value={popId} onChange={(id) => set('pop', id)} clearable searchable w={180} />
        <FilterSelect label="Plan" placeholder="Any plan" data={planOptions} value={planId} onChange={(id) => set('plan', id)} clearable searchable w={180} />
      </>
    ),
    [search, setSearch, set, routerOptions, routerId, popOptions, popId, planOptions, planId],
  );

  return (
    <Page
      title="Who is online"
      actions={
        <Badge size="lg" variant="light" color={connected ? 'green' : 'gray'} data-testid="online-total" className="live-count">
          {connected ? `${live.rows.size.toLocaleString()} online` : 'Connecting…'}
        </Badge>
      }
    >
      {error && <Alert color="red" title="The live feed stopped">{error}</Alert>}
      {live.truncated && (
        <Alert color="yellow">More sessions are online than the live table holds: it follows the newest logins. Narrow it with a filter.</Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <OnlineCounts title="Online per router" counts={perRouter} nameOf={(id) => routerName.get(id) ?? id} />
        <OnlineCounts
          title="Online per POP"
          counts={perPop}
          nameOf={(id) => popName.get(id) ?? id}
          empty={live.rows.size ? 'No one online is on a router in a POP.' : 'Nobody online.'}
        />
        {TOP_TALKERS}
      </SimpleGrid>
      <Card withBorder>
        <Stack gap="sm">
          <Group gap="sm" align="end">
            {filters}
            <Text size="sm" c="dimmed" data-testid="live-shown" className="live-count">
              {rows.length.toLocaleString()} shown
            </Text>
          </Group>
          <VirtualRows
            label="Online sessions"
            rows={rows}
            rowHeight={ROW_HEIGHT}
            height={520}
            keyOf={(row) => row.id}
            header={header}
            scrollKey={`${sort}:${descending}`}
            rowClassName={COLUMNS_CLASS}
            renderRow={(row) => (
              <SessionRow
                row={row}
                routerName={routerName.get(row.routerId) ?? '—'}
                planName={(row.planId && planName.get(row.planId)) || '—'}
                onKick={setKick}
              />
            )}
          />
        </Stack>
      </Card>
      {kick && <KickDialog session={kick} routerName={routerName.get(kick.routerId) ?? 'its router'} onClose={() => setKick(null)} />}
    </Page>
  );
}
