import type uPlot from 'uplot';

import type { Units } from '../format/units';

/** The least room between two ticks of a value axis, in CSS pixels (uPlot's own default for a y axis). */
const TICK_SPACING = 30;
/** Tolerance for a value a float division puts a hair beside a whole number of steps. */
const EPSILON = 1e-9;

/** The unit every tick of an axis from `min` to `max` is shown in: the largest not larger than the axis's reach. */
function unitOf(min: number, max: number, units: Units): readonly [number, string] {
  const reach = Math.max(Math.abs(min), Math.abs(max));
  let unit = units[0] ?? ([1, ''] as const);
  for (const candidate of units) if (candidate[0] <= reach) unit = candidate;
  return unit;
}

/** The smallest 1, 2 or 5 times a power of ten that is at least `raw`. */
function roundStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= raw * (1 - EPSILON)) return factor * power;
  return 10 * power;
}

/**
 * At most `most` ticks between `min` and `max` that are round in the unit shown: 0, 200, 400 MiB rather than uPlot's
 * decimal steps, which in binary units read 953.7 MiB. Steps are 1, 2 or 5 times a power of ten of that unit, never
 * less than one of the smallest unit.
 */
export function roundTicks(min: number, max: number, units: Units, most: number): number[] {
  if (!(max > min)) return [min];
  const [size] = unitOf(min, max, units);
  const whole = size === units[0]?.[0];
  let step = roundStep((max - min) / size / Math.max(1, most));
  if (whole) step = Math.max(step, 1);
  let ticks = multiples(min, max, size, step);
  // a narrow range off zero can fall between two multiples of a step: a finer round step gives it two ticks
  while (ticks.length < 2 && !(whole && step <= 1)) {
    step = smallerStep(step);
    ticks = multiples(min, max, size, step);
  }
  return ticks;
}

function multiples(min: number, max: number, size: number, step: number): number[] {
  const first = Math.ceil(min / size / step - EPSILON);
  const last = Math.floor(max / size / step + EPSILON);
  const ticks: number[] = [];
  for (let n = first; n <= last; n++) ticks.push(Number((n * step).toPrecision(12)) * size);
  return ticks;
}

/** The next 1, 2 or 5 times a power of ten below `step`. */
function smallerStep(step: number): number {
  const power = 10 ** Math.floor(Math.log10(step) + EPSILON);
  const factor = Math.round(step / power);
  return factor === 5 ? 2 * power : factor === 2 ? power : power / 2;
}

/** The ticks' labels, all in the unit `roundTicks` chose for the axis, with as many decimals as the step needs. */
export function tickLabels(ticks: readonly number[], min: number, max: number, units: Units): string[] {
  const [size, name] = unitOf(min, max, units);
  const step = ticks.length > 1 ? Math.abs((ticks[1] ?? 0) - (ticks[0] ?? 0)) / size : 1;
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - EPSILON));
  const format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return ticks.map((tick) => (name ? `${format.format(tick / size)} ${name}` : format.format(tick / size)));
}

/** A uPlot value axis whose ticks are round in the unit shown (`roundTicks`), as many as its height has room for. */
export function unitAxis(units: Units): Pick<uPlot.Axis, 'splits' | 'values'> {
  const range = (self: uPlot, axisIndex: number) => {
    const scale = self.scales[self.axes[axisIndex]?.scale ?? 'y'];
    return [scale?.min ?? 0, scale?.max ?? 0] as const;
  };
  return {
    splits: (self, _axisIndex, min, max) => {
      const most = Math.floor(self.bbox.height / (window.devicePixelRatio || 1) / TICK_SPACING);
      return roundTicks(min, max, units, Math.max(2, most));
    },
    values: (self, splits, axisIndex) => {
      const [min, max] = range(self, axisIndex);
      return tickLabels(splits, min, max, units);
    },
  };
}
