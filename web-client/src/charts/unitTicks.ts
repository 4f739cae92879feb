import type uPlot from 'uplot';
import { PERCENT, type Units } from '../format/units';
import { clockTime, dayMonth, dayMonthTime } from '../format/time';
import { labelsInside } from './axisSize';

/** Round steps: 1, 2 or 5 times a power of ten of the unit shown. */
export const ROUND_STEPS: readonly number[] = [1, 2, 5];
/** Percentages also step by quarters (0, 25, 50, 75, 100 %), which read rounder than 0, 20 … 100 % on a short chart. */
export const QUARTER_STEPS: readonly number[] = [1, 2, 2.5, 5];

/** The least room between two ticks of a value axis, in CSS pixels (uPlot's own default for a y axis). */
const TICK_SPACING = 30;
/** The same for quarter steps: a router history chart's plot (about 113 px) then has room for 0, 25 … 100 %. */
const QUARTER_SPACING = 24;
/** Tolerance for a value a float division puts a hair beside a whole number of steps. */
const EPSILON = 1e-9;

/** The unit every tick of an axis from `min` to `max` is shown in: the largest not larger than the axis's reach. */
function unitOf(min: number, max: number, units: Units): readonly [number, string] {
  const reach = Math.max(Math.abs(min), Math.abs(max));
  let unit = units[0] ?? ([1, ''] as const);
  for (const candidate of units) if (candidate[0] <= reach) unit = candidate;
  return unit;
}

/** Whether `step` may be used: in the smallest unit only whole steps (no tick at 2.5 people). */
const allowed = (step: number, whole: boolean) => !whole || Math.abs(step - Math.round(step)) < EPSILON;

/** The smallest of `steps` times a power of ten that is at least `raw`. */
function roundStep(raw: number, steps: readonly number[], whole: boolean): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [...steps, 10]) if (factor * power >= raw * (1 - EPSILON) && allowed(factor * power, whole)) return factor * power;
  return 10 * power;
}

/**
 * At most `most` ticks between `min` and `max` that are round in the unit shown: 0, 200, 400 MiB rather than uPlot's
 * decimal steps, which in binary units read 953.7 MiB. Steps are 1, 2 or 5 times a power of ten of that unit, never
 * less than one of the smallest unit.
 */
export function roundTicks(min: number, max: number, units: Units, most: number, steps: readonly number[] = ROUND_STEPS): number[] {
  if (!(max > min)) return [min];
  const [size] = unitOf(min, max, units);
  const whole = size === units[0]?.[0];
  let step = roundStep((max - min) / size / Math.max(1, most), steps, whole);
  if (whole) step = Math.max(step, 1);
  let ticks = multiples(min, max, size, step);
  // a narrow range off zero can fall between two multiples of a step: a finer round step gives it two ticks
  while (ticks.length < 2 && !(whole && step <= 1)) {
    step = smallerStep(step, steps, whole);
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

/** The next of `steps` times a power of ten below `step`. */
function smallerStep(step: number, steps: readonly number[], whole: boolean): number {
  const power = 10 ** Math.floor(Math.log10(step) + EPSILON);
  const below = [...steps].reverse().find((factor) => factor * power < step * (1 - EPSILON) && allowed(factor * power, whole));
  return below !== undefined ? below * power : (steps.at(-1) ?? 5) * (power / 10);
}

/** The ticks' labels, all in the unit `roundTicks` chose for the axis, with as many decimals as the step needs. */
export function tickLabels(ticks: readonly number[], min: number, max: number, units: Units): string[] {
  const [size, name] = unitOf(min, max, units);
  const step = ticks.length > 1 ? Math.abs((ticks[1] ?? 0) - (ticks[0] ?? 0)) / size : 1;
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - EPSILON));
  const format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return ticks.map((tick) => (name ? `${format.format(tick / size)} ${name}` : format.format(tick / size)));
}

/**
 * The range of a value axis from `min` that reaches `max` with a tick at or above `max`, so no value is drawn above
 * the last label; mostly it ends on that tick. A top raised to the next tick can widen the step (0, 2, 4 d becomes
 * 0, 5, 10 d) and a top lowered to the last tick can narrow it again, so the top moves a few times; when the steps
 * keep alternating, the lowest top seen whose ticks reach `max` is kept.
 */
export function coveringRange(min: number, max: number, units: Units, most: number, steps: readonly number[] = ROUND_STEPS): [number, number] {
  const covers = (tick: number) => tick >= max - Math.abs(max) * EPSILON;
  let top = max;
  let lowest = Infinity;
  for (let tries = 0; tries < 8; tries++) {
    const ticks = roundTicks(min, top, units, most, steps);
    const last = ticks.at(-1) ?? min;
    if (covers(last)) {
      if (Math.abs(last - top) <= Math.abs(top) * EPSILON) return [min, last];
      lowest = Math.min(lowest, top);
      top = last;
    } else {
      top = last + (ticks.length > 1 ? (ticks[1] ?? 0) - (ticks[0] ?? 0) : Math.max(top - min, 1));
    }
  }
  return [min, Number.isFinite(lowest) ? lowest : top];
}

/** The room outside a value axis's plot in a chart: the time or label axis (uPlot's 50 px) and padding (180 → 113 px). */
const OUTSIDE_PLOT = 67;

/**
 * A uPlot value axis whose ticks are round in the unit shown (`roundTicks`), and `cover`, its scale's range: it ends
 * on the axis's top tick, at or above every value. uPlot computes a range before the plot has a size, so both take
 * the number of ticks from the chart's height (CSS pixels); from the plot's size they could disagree on the step.
 */
export function unitAxis(
  units: Units,
  chartHeight: number,
  steps: readonly number[] = units === PERCENT ? QUARTER_STEPS : ROUND_STEPS,
): { axis: Pick<uPlot.Axis, 'splits' | 'values'>; cover: (min: number, max: number) => [number, number] } {
  const spacing = steps === QUARTER_STEPS ? QUARTER_SPACING : TICK_SPACING;
  const most = Math.max(2, Math.floor((chartHeight - OUTSIDE_PLOT) / spacing));
  const range = (self: uPlot, axisIndex: number) => {
    const scale = self.scales[self.axes[axisIndex]?.scale ?? 'y'];
    return [scale?.min ?? 0, scale?.max ?? 0] as const;
  };
  return {
    axis: {
      splits: (_self, _axisIndex, min, max) => roundTicks(min, max, units, most, steps),
      values: (self, splits, axisIndex) => {
        const [min, max] = range(self, axisIndex);
        return tickLabels(splits, min, max, units);
      },
    },
    cover: (min, max) => coveringRange(min, max, units, most, steps),
  };
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const WEEK = 7 * DAY;
/** Steps of a time axis in seconds, each a round number on a clock or calendar. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, WEEK];
/** The least room between two ticks of a time axis, in CSS pixels: a date or a clock time with space around it. */
const TIME_SPACING = 80;
/** 1970-01-05, the first Monday after the epoch: weeks start on Mondays. */
const MONDAY = 4 * DAY;

/** Seconds to add to an instant (Unix seconds) to read the local clock as if it were UTC. */
const localOffset = (at: number) => -new Date(at * 1000).getTimezoneOffset() * MINUTE;

/** The smallest clock or calendar step that gives at most `most` ticks from `min` to `max` (Unix seconds). */
export function timeStep(min: number, max: number, most: number): number {
  const span = Math.max(0, max - min);
  return TIME_STEPS.find((step) => span / step <= Math.max(1, most)) ?? WEEK * Math.ceil(span / Math.max(1, most) / WEEK);
}

/**
 * Ticks of a time axis at whole multiples of a clock or calendar step in local time: every 15 minutes on the quarter
 * hour, every 6 hours at 00, 06, 12 and 18, every day at midnight, every week on Monday.
 */
export function timeTicks(min: number, max: number, most: number): number[] {
  const step = timeStep(min, max, most);
  const origin = step >= WEEK ? MONDAY : 0;
  const offset = localOffset(min);
  const ticks: number[] = [];
  for (let local = Math.ceil((min + offset - origin) / step) * step + origin; local - offset <= max; local += step) ticks.push(local - offset);
  return ticks;
}

/**
 * The labels of a time axis, one form for the whole axis: a date (28 Nov) when ticks are days apart; otherwise a
 * clock time as the whole app writes it (`format/time`: 06:00, or 06:00:15 when seconds apart), with the date in place
 * of 00:00 where a day begins.
 */
export function timeLabels(ticks: readonly number[]): string[] {
  // a lone tick reads as a clock time (a date at midnight), with seconds only if it has some
  const step = ticks.length > 1 ? (ticks[1] ?? 0) - (ticks[0] ?? 0) : (ticks[0] ?? 0) % MINUTE ? 1 : MINUTE;
  return ticks.map((tick) => {
    const at = new Date(tick * 1000);
    const midnight = at.getHours() === 0 && at.getMinutes() === 0 && at.getSeconds() === 0;
    return step >= DAY || midnight ? dayMonth(at) : clockTime(at, { seconds: step < MINUTE });
  });
}

/** An instant (Unix seconds) as a chart's legend shows it: 28 Nov, 06:15, written as every time in the app is. */
export function timeLegend(seconds: number | null): string {
  if (seconds == null) return '—';
  return dayMonthTime(seconds * 1000);
}

/** A uPlot time axis (seconds) with `timeTicks` as many as its width has room for, and labels that would be cut left out. */
export function timeAxis(): Pick<uPlot.Axis, 'splits' | 'values'> {
  return {
    splits: (self, _axisIndex, min, max) => timeTicks(min, max, Math.max(2, Math.floor(self.bbox.width / (window.devicePixelRatio || 1) / TIME_SPACING))),
    values: (self, splits, axisIndex) => labelsInside(self, splits, timeLabels(splits), axisIndex),
  };
}
