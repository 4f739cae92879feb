import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BINARY_BYTES, BIT_RATE, COUNT, DECIMAL_BYTES, HOURS, PERCENT, type Units } from '../format/units';
import { QUARTER_STEPS, ROUND_STEPS, coveringRange, roundTicks, tickLabels, timeLabels, timeStep, timeTicks } from './unitTicks';

const UNITS: [string, Units][] = [
  ['binary bytes', BINARY_BYTES],
  ['decimal bytes', DECIMAL_BYTES],
  ['bit rates', BIT_RATE],
  ['counts', COUNT],
  ['hours', HOURS],
  ['percentages', PERCENT],
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
      const steps = units === PERCENT ? QUARTER_STEPS : [1, 2, 5];
      const ticks = roundTicks(min, max, units, most, steps);
      const labels = tickLabels(ticks, min, max, units);
      // a tick wherever the range holds a whole one of the smallest unit
      if (Math.floor(max) >= Math.ceil(min)) expect(ticks.length).toBeGreaterThan(0);
      // no more than the room allows; a range that a round step would leave with one tick gets a finer step (at
      // most 2.5 times finer, so at most six ticks)
      expect(ticks.length).toBeLessThanOrEqual(Math.max(most + 1, units === PERCENT ? 11 : 6));
      if (min === 0 && max >= units[0]![0] * 2) expect(ticks.length).toBeGreaterThanOrEqual(2);
      if (!ticks.length) continue;
      const names = new Set(labels.map((label) => label.replace(/^[\d,.]+ ?/, '')));
      expect(names.size).toBe(1);
      const size = units.find(([, name]) => names.has(name))?.[0];
      expect(size).toBeDefined();
      const numbers = labels.map((label) => Number(label.replace(/[^\d.]/g, '')));
      const step = (numbers[1] ?? numbers[0]! + 1) - numbers[0]!;
      const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
      expect(steps.some((round) => Math.abs(mantissa - round) < 1e-6), `step ${step} of ${labels.join(', ')}`).toBe(true);
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

describe('coveringRange', () => {
  it.each(UNITS)('gives %s axes a tick at or above every value, whatever the room for ticks', (_name, units) => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let run = 0; run < 500; run++) {
      const min = random() < 0.2 ? -(10 ** (random() * 6)) : 0;
      const max = 10 ** (random() * 13) * (1 + random());
      const most = 2 + Math.floor(random() * 10);
      const steps = random() < 0.5 ? ROUND_STEPS : QUARTER_STEPS;
      const [low, high] = coveringRange(min, max, units, most, steps);
      const ticks = roundTicks(low, high, units, most, steps);
      expect(low).toBe(min);
      expect(ticks.at(-1), `${max} with room for ${most}`).toBeGreaterThanOrEqual(max);
      expect(ticks.at(-1)).toBeLessThanOrEqual(high);
    }
  });
});

describe('percent ticks', () => {
  it('reads 0, 25, 50, 75, 100 % on a chart with room for four steps, and stops where the data does above 100 %', () => {
    expect(tickLabels(roundTicks(0, 100, PERCENT, 4, QUARTER_STEPS), 0, 100, PERCENT)).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %']);
    expect(tickLabels(roundTicks(0, 100, PERCENT, 2, QUARTER_STEPS), 0, 100, PERCENT)).toEqual(['0 %', '50 %', '100 %']);
    expect(tickLabels(roundTicks(0, 130, PERCENT, 6, QUARTER_STEPS), 0, 130, PERCENT)).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %', '125 %']);
  });
});

describe('time ticks', () => {
  const zone = process.env.TZ;
  // a zone half an hour off UTC: ticks aligned to UTC would read 05:30, 11:30 …
  beforeEach(() => (process.env.TZ = 'Asia/Kolkata'));
  afterEach(() => (process.env.TZ = zone));

  const local = (seconds: number) => {
    const at = new Date(seconds * 1000);
    return { seconds: at.getHours() * 3600 + at.getMinutes() * 60 + at.getSeconds(), day: at.getDay() };
  };

  // the class of the problem: any period, any width — ticks on round local clock or calendar times, evenly spaced,
  // no more than there is room for, all labels in one form
  it('puts ticks on round local times, evenly spaced, as many as there is room for, with labels in one form', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 1000; i++) {
      const span = 60 * 10 ** (random() * 4.7);
      const min = 1_790_000_000 + Math.floor(random() * 40_000_000);
      const max = min + span;
      const most = 2 + Math.floor(random() * 14);
      const ticks = timeTicks(min, max, most);
      const step = timeStep(min, max, most);
      expect(ticks.length, `${span} s over ${most}`).toBeLessThanOrEqual(most + 1);
      expect(ticks.length).toBeGreaterThanOrEqual(Math.floor(span / step));
      ticks.forEach((tick, index) => {
        expect(tick).toBeGreaterThanOrEqual(min);
        expect(tick).toBeLessThanOrEqual(max);
        if (index) expect(tick - ticks[index - 1]!).toBe(step);
        const { seconds, day } = local(tick);
        if (step < 86400) expect(seconds % step, `${new Date(tick * 1000).toString()} every ${step} s`).toBe(0);
        else expect(seconds).toBe(0);
        if (step === 7 * 86400) expect(day).toBe(1);
      });
      const labels = timeLabels(ticks);
      const forms = new Set(labels.map((label, index) => (local(ticks[index]!).seconds === 0 ? 'date' : label.replace(/\d/g, '9'))));
      forms.delete('date');
      expect(forms.size, labels.join(', ')).toBeLessThanOrEqual(1);
      if (step >= 86400) expect(forms.size).toBe(0);
      for (const form of forms) expect(form).toMatch(step < 60 ? /^99:99:99$/ : /^99:99$/);
    }
  });

  it('reads a day of six-hourly ticks as a 24-hour clock with the date at midnight', () => {
    const midnight = new Date(2026, 10, 28).getTime() / 1000;
    const ticks = timeTicks(midnight - 6 * 3600, midnight + 12 * 3600, 4);
    expect(timeLabels(ticks)).toEqual(['18:00', new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(new Date(midnight * 1000)), '06:00', '12:00']);
  });
});
