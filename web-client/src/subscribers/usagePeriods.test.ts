import { describe, expect, it } from 'vitest';
import { usageWindow } from './usagePeriods';

describe('usageWindow', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('ends now and picks a bucket size the API keeps for that span', () => {
    expect(usageWindow('day', now)).toEqual({ from: '2026-11-26T12:00:00.000Z', to: '2026-11-27T12:00:00.000Z', granularity: 'FIVE_MINUTES' });
    expect(usageWindow('week', now).granularity).toBe('HOUR');
    expect(usageWindow('month', now)).toMatchObject({ from: '2026-10-28T12:00:00.000Z', granularity: 'DAY' });
    expect(usageWindow('year', now)).toMatchObject({ from: '2025-11-27T12:00:00.000Z', granularity: 'DAY' });
  });
});
