import { describe, expect, it } from 'vitest';
import { binaryBytes, bitRate, decimalBytes, type Units, BINARY_BYTES, BIT_RATE, DECIMAL_BYTES } from './units';

const FORMATS: [string, (value: number) => string, Units][] = [
  ['binary bytes', binaryBytes, BINARY_BYTES],
  ['decimal bytes', decimalBytes, DECIMAL_BYTES],
  ['bit rates', bitRate, BIT_RATE],
];

/** Amounts from zero to past the largest unit: powers of two and ten, a hair either side, and odd values between. */
function amounts(): number[] {
  const values = [0, 1, 7, 999, 1000, 1023, 1024, 1536];
  for (let power = 0; power <= 52; power++) {
    const two = 2 ** power;
    const ten = 10 ** Math.min(power, 16);
    values.push(two, two - 1, two * 0.9995, two * 1.0005, ten, ten * 0.9996, ten * 0.99949, ten * 1.234567, two * 1023.6, two * 1023.96);
  }
  return values.filter((value) => Number.isFinite(value) && value >= 0);
}

describe.each(FORMATS)('%s', (_name, format, units) => {
  it('reads every amount in one of its units, never rounded into a number that belongs to the next unit', () => {
    for (const value of amounts()) {
      const text = format(value);
      const match = /^(\d+(?:\.\d+)?) (\S+)$/.exec(text);
      expect(match, `${value} -> ${text}`).not.toBeNull();
      const [, number = '', name] = match ?? [];
      const index = units.findIndex(([, unitName]) => unitName === name);
      expect(index, `${value} -> ${text}: unit`).toBeGreaterThanOrEqual(0);
      const [size = 1] = units[index] ?? [];
      const next = units[index + 1];
      if (next) expect(Number(number) * size, `${value} -> ${text}: belongs to ${next[1]}`).toBeLessThan(next[0]);
      if (index === 0) expect(number, `${value} -> ${text}: the smallest unit counts whole things`).toMatch(/^\d+$/);
      // three significant figures are within half a percent; the smallest unit within half a thing
      expect(Math.abs(Number(number) * size - value), `${value} -> ${text}`).toBeLessThanOrEqual(Math.max(0.5, value * 0.005));
    }
  });
});

describe('byte and bit formats', () => {
  it('names 1,024-based sizes KiB/MiB/GiB and 1,000-based amounts kB/MB and kbit/s', () => {
    expect(binaryBytes(1536)).toBe('1.50 KiB');
    expect(binaryBytes(7_000_000_000)).toBe('6.52 GiB');
    expect(binaryBytes(1023)).toBe('1023 B');
    expect(binaryBytes(1024 * 1024 - 1)).toBe('1.00 MiB');
    expect(decimalBytes(61_500_000)).toBe('61.5 MB');
    expect(bitRate(250_000)).toBe('250 kbit/s');
    expect(bitRate(12_400_000)).toBe('12.4 Mbit/s');
    expect(bitRate(0)).toBe('0 bit/s');
  });
});
