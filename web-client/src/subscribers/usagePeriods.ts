import type { UsageGranularity } from '../gql/graphql';
import { CLOCK } from '../format/time';

export type UsagePeriod = 'day' | 'week' | 'month' | 'year';

/** Each period's window ending now and the bucket size that draws it best (the API keeps 5-minute buckets 48 hours). */
export function usageWindow(period: UsagePeriod, now: Date): { from: string; to: string; granularity: UsageGranularity } {
  const day = 86_400_000;
  const span = { day, week: 7 * day, month: 30 * day, year: 365 * day }[period];
  const granularity: UsageGranularity = period === 'day' ? 'FIVE_MINUTES' : period === 'week' ? 'HOUR' : 'DAY';
  return { from: new Date(now.getTime() - span).toISOString(), to: now.toISOString(), granularity };
}

/**
 * A bucket's label on the chart (local time): the time of day for 5-minute buckets, the day and hour for hours,
 * the date for days — enough to tell the bars apart within the period.
 */
export function bucketLabel(start: Date, granularity: UsageGranularity, locale?: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions =
    granularity === 'FIVE_MINUTES'
      ? CLOCK
      : granularity === 'HOUR'
        ? { weekday: 'short', ...CLOCK }
        : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(start);
}
