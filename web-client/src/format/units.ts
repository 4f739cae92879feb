/**
 * The one home for the units Towerline shows amounts in, and for how one amount reads as text. Chart axes
 * (`charts/unitTicks`) tick in these same units.
 *
 * Bytes are binary (1,024 steps, KiB/MiB) where the figure is a size: backups, report files and report totals; decimal
 * (1,000 steps, kB/MB) for a subscriber's traffic, matching the bar chart of their usage. Rates are SI bits per second.
 * A name says which: a 1,024-based amount never reads "KB".
 */
export type Units = readonly (readonly [size: number, name: string])[];

export const BINARY_BYTES: Units = [[1, 'B'], [1024, 'KiB'], [1024 ** 2, 'MiB'], [1024 ** 3, 'GiB'], [1024 ** 4, 'TiB'], [1024 ** 5, 'PiB']];
export const DECIMAL_BYTES: Units = [[1, 'B'], [1e3, 'kB'], [1e6, 'MB'], [1e9, 'GB'], [1e12, 'TB']];
export const BIT_RATE: Units = [[1, 'bit/s'], [1e3, 'kbit/s'], [1e6, 'Mbit/s'], [1e9, 'Gbit/s']];
export const COUNT: Units = [[1, '']];
/** A share of a whole (CPU, memory, reachability); its axes tick by quarters (`charts/unitTicks`). */
export const PERCENT: Units = [[1, '%']];
/** A duration counted in hours (a router's uptime): hours, then days. */
export const HOURS: Units = [[1, 'h'], [24, 'd']];

/** Significant figures of an amount shown in a unit above the smallest: 1.50 KiB, 61.5 MB, 250 kbit/s. */
const FIGURES = 3;

/**
 * `value` in the largest unit it reaches, to three significant figures; the smallest unit counts whole things
 * (1023 B, 0 bit/s). Rounding never shows a number that belongs to the next unit: 1,023.9 KiB reads 1.00 MiB.
 */
export function formatIn(value: number, units: Units): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  let index = 0;
  for (let i = 1; i < units.length; i++) if (magnitude >= (units[i]?.[0] ?? Infinity)) index = i;
  let shown = roundedIn(magnitude, units, index);
  const next = units[index + 1];
  if (next && shown * (units[index]?.[0] ?? 1) >= next[0]) {
    index++;
    shown = roundedIn(magnitude, units, index);
  }
  const name = units[index]?.[1] ?? '';
  const number = `${sign}${shown.toFixed(index === 0 ? 0 : decimalsOf(shown))}`;
  return name ? `${number} ${name}` : number;
}

/** Decimals that give `scaled` three significant figures, none once it has three whole digits (1023 KiB, not 1020). */
function decimalsOf(scaled: number): number {
  return scaled < 1 ? FIGURES - 1 : Math.max(0, FIGURES - 1 - Math.floor(Math.log10(scaled)));
}

function roundedIn(magnitude: number, units: Units, index: number): number {
  const scaled = magnitude / (units[index]?.[0] ?? 1);
  const factor = 10 ** (index === 0 ? 0 : decimalsOf(scaled));
  return Math.round(scaled * factor) / factor;
}

/** A size in binary units: 1.50 KiB, 6.52 GiB. */
export const binaryBytes = (count: number) => formatIn(count, BINARY_BYTES);
/** A subscriber's traffic in decimal units: 61.5 MB. */
export const decimalBytes = (count: number) => formatIn(count, DECIMAL_BYTES);
/** Bits per second: 12.4 Mbit/s. */
export const bitRate = (bitsPerSecond: number) => formatIn(bitsPerSecond, BIT_RATE);
/** A percentage, whole: 42 %. */
export const percent = (value: number) => formatIn(value, PERCENT);
