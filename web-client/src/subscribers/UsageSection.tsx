import { useEffect, useMemo, useState } from 'react';
import { Card, Group, SegmentedControl, Text } from '@mantine/core';
import { useClient } from 'urql';
import { SubscriberUsageQuery } from './sectionDocuments';
import { BarChart, type BarSeries } from '../charts/BarChart';
import { DECIMAL_BYTES, decimalBytes } from '../format/units';
import type { UsageGranularity } from '../gql/graphql';
import { bucketLabel, usageWindow, type UsagePeriod } from './usagePeriods';

/** Download and upload side by side in each bucket. */
const USAGE_SERIES: readonly BarSeries[] = [
  { label: 'Download', color: '#1c7ed6' },
  { label: 'Upload', color: '#e8590c' },
];

interface Series {
  granularity: UsageGranularity;
  /** Bucket starts, Unix seconds, ascending. */
  starts: number[];
  down: number[];
  up: number[];
  totalDown: number;
  totalUp: number;
}

/** Usage over the last day, week, month or year from the usage buckets (several pages of 100 points when needed). */
export function UsageSection({ subscriberId }: { subscriberId: string }) {
  const client = useClient();
  const [period, setPeriod] = useState<UsagePeriod>('day');
  const [series, setSeries] = useState<Series | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const window = usageWindow(period, new Date());
      const out: Series = { granularity: window.granularity, starts: [], down: [], up: [], totalDown: 0, totalUp: 0 };
      let from = window.from;
      // at most 400 points: a year of days, a week of hours, a day of 5-minute buckets
      for (let page = 0; page < 4; page++) {
        const result = await client
          .query(SubscriberUsageQuery, { id: subscriberId, from, to: window.to, granularity: window.granularity, first: 100 }, { requestPolicy: 'network-only' })
          .toPromise();
        if (cancelled) return;
        const usage = result.data?.subscriber?.usage;
        if (!usage) {
          setError(result.error?.message ?? 'No usage.');
          return;
        }
        if (page === 0) {
          out.totalDown = usage.total.txBytes;
          out.totalUp = usage.total.rxBytes;
        }
        for (const point of usage.points) {
          const start = Date.parse(point.start) / 1000;
          const previous = out.starts.at(-1);
          if (previous !== undefined && start <= previous) continue;
          out.starts.push(start);
          out.down.push(point.counters.txBytes);
          out.up.push(point.counters.rxBytes);
        }
        if (!usage.hasMore || !usage.points.length) break;
        // the API continues from the last point's start; that point is skipped above
        from = usage.points.at(-1)?.start ?? window.to;
      }
      setError(null);
      setSeries(out);
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [client, subscriberId, period]);
  const labels = useMemo(() => series?.starts.map((start) => bucketLabel(new Date(start * 1000), series.granularity)) ?? [], [series]);
  const values = useMemo(() => (series ? [series.down, series.up] : []), [series]);

  return (
    <Card withBorder aria-label="Usage">
      <Group justify="space-between" mb="xs">
        <Text fw={500}>Usage</Text>
        <SegmentedControl
          size="xs"
          value={period}
          onChange={(value) => setPeriod(value as UsagePeriod)}
          data={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
            { value: 'month', label: 'Month' },
            { value: 'year', label: 'Year' },
          ]}
        />
      </Group>
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {series && (
        <>
          <Text size="sm" mb="xs" data-testid="usage-total">
            ↓ {decimalBytes(series.totalDown)} ↑ {decimalBytes(series.totalUp)}
          </Text>
          {series.starts.length ? (
            <BarChart labels={labels} series={USAGE_SERIES} values={values} format={decimalBytes} units={DECIMAL_BYTES} label={`Usage over the last ${period}`} height={200} />
          ) : (
            <Text size="sm" c="dimmed">
              No usage in this period.
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
