import { useMemo, useState } from 'react';
import { Group, SegmentedControl, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { HistoryChart, type HistorySeries } from '../charts/HistoryChart';
import { BIT_RATE, COUNT, HOURS, PERCENT, bitRate, percent } from '../format/units';
import { QueryState } from '../components/QueryState';
import { RouterHistoryQuery } from './historyDocuments';

const PERIODS = {
  '6h': { hours: 6, granularity: 'MINUTE', usage: 'FIVE_MINUTES' },
  '24h': { hours: 24, granularity: 'MINUTE', usage: 'FIVE_MINUTES' },
  '7d': { hours: 168, granularity: 'HOUR', usage: 'HOUR' },
  '30d': { hours: 720, granularity: 'HOUR', usage: 'HOUR' },
} as const;

type Period = keyof typeof PERIODS;

const count = (value: number) => `${Math.round(value)}`;
/**
 * An uptime axis label from hours: days past two days, with a tenth when the tick is not a whole day, so evenly
 * spaced ticks (0, 25, 50, 75 h) never read as uneven ones (0 h, 25 h, 2 d, 3 d).
 */
export function uptimeHours(value: number): string {
  if (value < 48) return `${Math.round(value)} h`;
  const days = value / 24;
  return Number.isInteger(Math.round(days * 10) / 10) ? `${Math.round(days)} d` : `${days.toFixed(1)} d`;
}

const seconds = (at: string) => Math.floor(new Date(at).getTime() / 1000);

/** A router's history: health from the health sweep, sessions online, and throughput from the usage buckets. */
export function RouterHistory({ routerId }: { routerId: string }) {
  const [period, setPeriod] = useState<Period>('6h');
  // the range is fixed when the period is chosen, so a re-render does not ask again
  const range = useMemo(() => {
    const to = new Date(Math.ceil(Date.now() / 60000) * 60000);
    const from = new Date(to.getTime() - PERIODS[period].hours * 3600_000);
    return { from: from.toISOString(), to: to.toISOString(), seconds: [from.getTime() / 1000, to.getTime() / 1000] as const };
  }, [period]);
  const [result, reexecute] = useQuery({
    query: RouterHistoryQuery,
    variables: {
      id: routerId,
      from: range.from,
      to: range.to,
      granularity: PERIODS[period].granularity,
      usageGranularity: PERIODS[period].usage,
    },
  });
  const router = result.data?.router;
  const charts = useMemo(() => {
    if (!router) return null;
    const health = router.healthHistory;
    const healthTimes = health.map((point) => seconds(point.at));
    const cpu: HistorySeries[] = [
      { label: 'CPU', color: '#3b5bdb', values: health.map((point) => point.cpuLoad ?? null) },
      { label: 'Peak', color: '#e8590c', values: health.map((point) => point.cpuLoadMax ?? null) },
    ];
    const memory: HistorySeries[] = [
      {
        label: 'Used',
        color: '#2b8a3e',
        values: health.map((point) => (point.freeMemoryPerMille == null ? null : 100 - point.freeMemoryPerMille / 10)),
      },
    ];
    const reachability: HistorySeries[] = [
      {
        label: 'Reachable',
        color: '#1864ab',
        values: health.map((point) => (point.samples ? (100 * point.reachableSamples) / point.samples : null)),
      },
    ];
    const uptime: HistorySeries[] = [
      { label: 'Uptime', color: '#5f3dc4', values: health.map((point) => (point.uptimeSeconds == null ? null : point.uptimeSeconds / 3600)) },
    ];
    const online = router.onlineHistory;
    const onlineSeries: HistorySeries[] = [
      { label: 'Online', color: '#0b7285', values: online.map((point) => point.online) },
      { label: 'Most', color: '#868e96', values: online.map((point) => point.onlineMax) },
    ];
    const traffic = router.throughputHistory;
    const trafficSeries: HistorySeries[] = [
      { label: 'Download', color: '#3b5bdb', values: traffic.map((point) => point.txBitsPerSecond) },
      { label: 'Upload', color: '#e8590c', values: traffic.map((point) => point.rxBitsPerSecond) },
    ];
    return {
      healthTimes,
      cpu,
      memory,
      reachability,
      uptime,
      onlineTimes: online.map((point) => seconds(point.at)),
      onlineSeries,
      trafficTimes: traffic.map((point) => seconds(point.at)),
      trafficSeries,
    };
  }, [router]);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          History
        </Title>
        <SegmentedControl
          aria-label="Period"
          value={period}
          onChange={(value) => setPeriod(value as Period)}
          data={[
            { value: '6h', label: '6 hours' },
            { value: '24h', label: '24 hours' },
            { value: '7d', label: '7 days' },
            { value: '30d', label: '30 days' },
          ]}
        />
      </Group>
      {!charts ? (
        <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <HistoryChart period={range.seconds} title="CPU load" times={charts.healthTimes} series={charts.cpu} format={percent} units={PERCENT} />
          <HistoryChart period={range.seconds} title="Memory used" times={charts.healthTimes} series={charts.memory} format={percent} units={PERCENT} />
          <HistoryChart period={range.seconds} title="Reachability" times={charts.healthTimes} series={charts.reachability} format={percent} units={PERCENT} />
          <HistoryChart period={range.seconds} title="Uptime" times={charts.healthTimes} series={charts.uptime} format={uptimeHours} units={HOURS} />
          <HistoryChart period={range.seconds} title="Sessions online" times={charts.onlineTimes} series={charts.onlineSeries} format={count} units={COUNT} />
          <HistoryChart period={range.seconds} title="Throughput (average per bucket)" times={charts.trafficTimes} series={charts.trafficSeries} format={bitRate} units={BIT_RATE} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
