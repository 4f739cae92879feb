import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type uPlot from 'uplot';
import { describe, expect, it, vi } from 'vitest';
import { bitRate } from '../format/units';
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
