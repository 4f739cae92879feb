import { describe, expect, it } from 'vitest';
import { BINARY_BYTES, BIT_RATE, COUNT, DECIMAL_BYTES, HOURS, type Units } from '../format/units';
import { roundTicks, tickLabels } from './unitTicks';

const UNITS: [string, Units][] = [
  ['binary bytes', BINARY_BYTES],
  ['decimal bytes', DECIMAL_BYTES],
  ['bit rates', BIT_RATE],
  ['counts', COUNT],
  ['hours', HOURS],
];

describe('roundTicks and tickLabels', () => {
  it('reads 0, 200 … 1,000 MiB for an axis up to a thousand MiB, where decimal steps read 190.7, 381.5 … MiB', () => {
    const max = 1000 * 1024 ** 2;
    const ticks = roundTicks(0, max, BINARY_BYTES, 5);
    expect(tickLabels(ticks, 0, max, BINARY_BYTES)).toEqual(['0 MiB', '200 MiB', '400 MiB', '600 MiB', '800 MiB', '1,000 MiB']);
  });

  it('shows every tick in one unit, with the decimals its step needs', () => {
    const max = 2.2 * 1e6;
    expect(tickLabels(roundTicks(0, max, BIT_RATE, 5), 0, max, BIT_RATE)).toEqual(['0.0 Mbit/s', '0.5 Mbit/s', '1.0 Mbit/s', '1.5 Mbit/s', '2.0 Mbit/s']);
    expect(tickLabels(roundTicks(0, 3.3, COUNT, 8), 0, 3.3, COUNT)).toEqual(['0', '1', '2', '3']);
  });

  // the class of the problem: any range, any units, any room — each label is exactly its tick in the axis's one
  // unit, a whole number of steps of 1, 2 or 5 times a power of ten, inside the range, no more ticks than there is room for
  it.each(UNITS)('gives round, exact, evenly spaced ticks in one unit for any range of %s', (_name, units) => {
    let seed = 3;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 2000; i++) {
      const max = 10 ** (random() * 13) * (1 + random());
      const min = random() < 0.8 ? 0 : max * random() * 0.9;
      const most = 2 + Math.floor(random() * 8);
      const ticks = roundTicks(min, max, units, most);
      const labels = tickLabels(ticks, min, max, units);
      // a tick wherever the range holds a whole one of the smallest unit
      if (Math.floor(max) >= Math.ceil(min)) expect(ticks.length).toBeGreaterThan(0);
      // no more than the room allows; a range that a round step would leave with one tick gets a finer step (at
      // most 2.5 times finer, so at most six ticks)
      expect(ticks.length).toBeLessThanOrEqual(Math.max(most + 1, 6));
      if (min === 0 && max >= units[0]![0] * 2) expect(ticks.length).toBeGreaterThanOrEqual(2);
      if (!ticks.length) continue;
      const names = new Set(labels.map((label) => label.replace(/^[\d,.]+ ?/, '')));
      expect(names.size).toBe(1);
      const size = units.find(([, name]) => names.has(name))?.[0];
      expect(size).toBeDefined();
      const numbers = labels.map((label) => Number(label.replace(/[^\d.]/g, '')));
      const step = (numbers[1] ?? numbers[0]! + 1) - numbers[0]!;
      const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
      expect([1, 2, 5].some((round) => Math.abs(mantissa - round) < 1e-6), `step ${step} of ${labels.join(', ')}`).toBe(true);
      ticks.forEach((tick, index) => {
        expect(tick).toBeGreaterThanOrEqual(min - max * 1e-9);
        expect(tick).toBeLessThanOrEqual(max * (1 + 1e-9));
        expect(Math.abs(numbers[index]! * size! - tick)).toBeLessThanOrEqual(Math.abs(tick) * 1e-9 + 1e-9);
        expect(Math.abs(numbers[index]! / step - Math.round(numbers[index]! / step))).toBeLessThan(1e-6);
      });
      // whole things in the smallest unit: no tick at half a byte or half a person
      if (size === units[0]![0]) expect(step).toBeGreaterThanOrEqual(1);
    }
  });
});
