import type { UsageGranularity } from '../gql/graphql';

export type UsagePeriod = 'day' | 'week' | 'month' | 'year';

/** Each period's window ending now and the bucket size that draws it best (the API keeps 5-minute buckets 48 hours). */
export function usageWindow(period: UsagePeriod, now: Date): { from: string; to: string; granularity: UsageGranularity } {
  const day = 86_400_000;
  const span = { day, week: 7 * day, month: 30 * day, year: 365 * day }[period];
  const granularity: UsageGranularity = period === 'day' ? 'FIVE_MINUTES' : period === 'week' ? 'HOUR' : 'DAY';
  return { from: new Date(now.getTime() - span).toISOString(), to: now.toISOString(), granularity };
}
