import { describe, expect, it } from 'vitest';
import { bucketLabel, usageWindow } from './usagePeriods';

describe('usageWindow', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('ends now and picks a bucket size the API keeps for that span', () => {
    expect(usageWindow('day', now)).toEqual({ from: '2026-11-26T12:00:00.000Z', to: '2026-11-27T12:00:00.000Z', granularity: 'FIVE_MINUTES' });
    expect(usageWindow('week', now).granularity).toBe('HOUR');
    expect(usageWindow('month', now)).toMatchObject({ from: '2026-10-28T12:00:00.000Z', granularity: 'DAY' });
    expect(usageWindow('year', now)).toMatchObject({ from: '2025-11-27T12:00:00.000Z', granularity: 'DAY' });
  });
});

describe('bucketLabel', () => {
  const start = new Date('2026-11-27T14:35:00Z');
  it('tells bars apart within the period: time of day, day and hour, or date', () => {
    expect(bucketLabel(start, 'FIVE_MINUTES', 'en-GB', 'UTC')).toBe('14:35');
    expect(bucketLabel(new Date('2026-11-27T14:00:00Z'), 'HOUR', 'en-GB', 'UTC')).toBe('Fri 14:00');
    expect(bucketLabel(start, 'DAY', 'en-GB', 'UTC')).toBe('27 Nov');
  });
  it('shows local time', () => {
    expect(bucketLabel(start, 'FIVE_MINUTES', 'en-GB', 'Asia/Kolkata')).toBe('20:05');
  });
});
