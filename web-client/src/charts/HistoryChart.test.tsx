import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type uPlot from 'uplot';
import { describe, expect, it, vi } from 'vitest';
import { BINARY_BYTES, BIT_RATE, COUNT, HOURS, PERCENT, bitRate, percent, type Units } from '../format/units';
import { HistoryChart } from './HistoryChart';

const built: uPlot.Options[] = [];
vi.mock('uplot', () => ({
  default: class {
    constructor(options: uPlot.Options) {
      built.push(options);
    }
    setSize() {}
    destroy() {}
  },
}));

/** A plot whose canvas measures 7 px a character, as a 12 px sans-serif font about does. */
const plot = {
  axes: [{}, { ticks: { size: 10 }, gap: 5, font: ['12px sans-serif'] }],
  ctx: { font: '', measureText: (text: string) => ({ width: 7 * text.length }) },
} as unknown as uPlot;

function yAxisWidth(values: string[]): number {
  const size = built.at(-1)?.axes?.[1]?.size ?? 0;
  return typeof size === 'number' ? size : size(plot, values, 1, 0);
}

describe('HistoryChart', () => {
  it('gives the value axis room for its longest label, so large rates are not cut off at the left', () => {
    const labels = [0, 10e6, 20e6, 30e6].map(bitRate);
    render(
      <MantineProvider>
        <HistoryChart title="Throughput" times={[1, 2]} period={[0, 3]} series={[{ label: 'Download', color: '#000', values: [1, 2] }]} format={bitRate} />
      </MantineProvider>,
    );

    const longest = Math.max(...labels.map((label) => 7 * label.length));
    expect(yAxisWidth(labels)).toBeGreaterThanOrEqual(longest + 10 + 5);
  });
});

type Splits = (self: uPlot, axisIndex: number, min: number, max: number) => number[];
type Range = (self: uPlot, min: number, max: number) => [number, number];
type Values = (self: uPlot, splits: number[], axisIndex: number) => (string | null)[];

describe('HistoryChart axes', () => {
  function drawn() {
    render(
      <MantineProvider>
        <HistoryChart title="CPU load" times={[1, 2]} period={[0, 3]} series={[{ label: 'CPU', color: '#000', values: [10, 20] }]} format={percent} units={PERCENT} />
      </MantineProvider>,
    );
    return built.at(-1)!;
  }
  // a 180 px chart's plot is 113 px tall (the router history's, beside another on a wide screen) and 440 px wide
  const sized = { bbox: { left: 0, top: 0, width: 440, height: 113 }, width: 600, axes: [{ scale: 'x' }, { scale: 'y' }], scales: { y: { min: 0, max: 100 } } } as unknown as uPlot;

  it('gives a percent chart round quarter ticks from 0 to 100 %, and goes above 100 % only when a value does', () => {
    const options = drawn();
    const range = options.scales!.y!.range as Range;
    expect(range(sized, 3, 80)).toEqual([0, 100]);
    // 130 % ends on the 150 % tick: an axis stopping at 130 % would draw the value above its last label (125 %)
    expect(range(sized, 3, 130)).toEqual([0, 150]);
    const splits = (options.axes![1]!.splits as Splits)(sized, 1, 0, 100);
    expect(splits).toEqual([0, 25, 50, 75, 100]);
    expect((options.axes![1]!.values as Values)(sized, splits, 1)).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %']);
  });

  it('shows a dash for the time in its legend while the pointer is off the chart, like the values beside it', () => {
    const options = drawn();
    const value = options.series[0]!.value as (self: uPlot, at: number | null) => string;
    expect(value(sized, null)).toBe('—');
    expect(options.series[1]!.value).toBeDefined();
    expect((options.series[1]!.value as (self: uPlot, at: number | null) => string)(sized, null)).toBe('—');
  });

  it('puts its time ticks on round local clock times, labelled on a 24-hour clock', () => {
    const options = drawn();
    const from = new Date(2026, 10, 27, 13, 7).getTime() / 1000;
    const splits = (options.axes![0]!.splits as Splits)(sized, 0, from, from + 6 * 3600);
    expect(splits.length).toBeGreaterThanOrEqual(3);
    for (const tick of splits) expect(new Date(tick * 1000).getMinutes() % 30).toBe(0);
    const plot = { ...sized, axes: [{ scale: 'x' }], ctx: { font: '', measureText: (text: string) => ({ width: 7 * text.length }) }, valToPos: () => 300 } as unknown as uPlot;
    for (const label of (options.axes![0]!.values as Values)(plot, splits, 0)) expect(label).toMatch(/^\d\d:\d\d$/);
  });

  it.each([
    ['hours (uptime)', HOURS],
    ['percentages', PERCENT],
    ['counts', COUNT],
    ['bit rates', BIT_RATE],
    ['bytes', BINARY_BYTES],
  ] as [string, Units][])('never draws a value above its top tick: %s', (_name, units) => {
    render(
      <MantineProvider>
        <HistoryChart title="Uptime" times={[1, 2]} period={[0, 3]} series={[{ label: 'Uptime', color: '#000', values: [1, 2] }]} format={String} units={units} />
      </MantineProvider>,
    );
    const options = built.at(-1)!;
    const range = options.scales!.y!.range as Range;
    const splits = options.axes![1]!.splits as Splits;
    let seed = 20261128;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let run = 0; run < 400; run++) {
      const max = 10 ** (random() * (units === PERCENT ? 2.5 : 10)) * (1 + random());
      const [low, high] = range(sized, 0, max);
      const ticks = splits({ ...sized, scales: { y: { min: low, max: high } } } as unknown as uPlot, 1, low, high);
      const top = ticks.at(-1)!;
      expect(top, `top tick for a maximum of ${max}`).toBeGreaterThanOrEqual(max);
      expect(top).toBeLessThanOrEqual(high);
    }
  });
});
