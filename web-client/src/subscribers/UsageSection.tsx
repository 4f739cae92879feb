import { useEffect, useState } from 'react';
import { Card, Group, SegmentedControl, Text } from '@mantine/core';
import { useClient } from 'urql';
import { bytes } from '../live/format';
import { SubscriberUsageQuery } from './sectionDocuments';
import { UsageChart } from './UsageChart';
import { usageWindow, type UsagePeriod } from './usagePeriods';

interface Series {
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
      const out: Series = { starts: [], down: [], up: [], totalDown: 0, totalUp: 0 };
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
            ↓ {bytes(series.totalDown)} ↑ {bytes(series.totalUp)}
          </Text>
          {series.starts.length ? (
            <UsageChart starts={series.starts} down={series.down} up={series.up} label={`Usage over the last ${period}`} />
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
