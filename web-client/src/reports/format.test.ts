import { describe, expect, it } from 'vitest';
import { endOfDay, formatPeriod, startOfDay } from './format';

describe('report formats', () => {
  it('turns UTC days into a period with an excluded end and back', () => {
    expect(startOfDay('2026-11-01')).toBe('2026-11-01T00:00:00.000Z');
    expect(endOfDay('2026-11-30')).toBe('2026-12-01T00:00:00.000Z');
    expect(formatPeriod(startOfDay('2026-11-01'), endOfDay('2026-11-30'))).toBe('2026-11-01 – 2026-11-30');
    expect(formatPeriod(startOfDay('2026-11-27'), endOfDay('2026-11-27'))).toBe('2026-11-27');
  });
});
