import { describe, expect, it } from 'vitest';
import { endOfDay, formatBytes, formatPeriod, startOfDay } from './format';

describe('report formats', () => {
  it('shows bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(7_000_000_000)).toBe('6.52 GiB');
  });

  it('turns UTC days into a period with an excluded end and back', () => {
    expect(startOfDay('2026-11-01')).toBe('2026-11-01T00:00:00.000Z');
    expect(endOfDay('2026-11-30')).toBe('2026-12-01T00:00:00.000Z');
    expect(formatPeriod(startOfDay('2026-11-01'), endOfDay('2026-11-30'))).toBe('2026-11-01 – 2026-11-30');
    expect(formatPeriod(startOfDay('2026-11-27'), endOfDay('2026-11-27'))).toBe('2026-11-27');
  });
});
