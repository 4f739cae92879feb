import { act, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type uPlot from 'uplot';
import { BarChart, barLegend } from './BarChart';
import { BINARY_BYTES } from '../format/units';

// uPlot draws on a canvas jsdom lacks: a stand-in keeps the options so the test can move the pointer as uPlot would
const charts: { options: uPlot.Options }[] = [];
vi.mock('uplot', () => {
  class FakePlot {
    static paths = { bars: () => () => null };
    options: uPlot.Options;
    constructor(options: uPlot.Options) {
      this.options = options;
      charts.push(this);
    }
    setSize() {}
    destroy() {}
  }
  return { default: FakePlot };
});

const series = [
  { label: 'Download bytes', color: '#1c7ed6' },
  { label: 'Upload bytes', color: '#f08c00' },
];
const labels = ['bob', 'alice'];
const values = [
  [7000, 20],
  [300, 4],
];
const format = (value: number) => `${value} B`;

function pointAt(index: number | null) {
  const chart = charts.at(-1);
  const hooks = chart?.options.hooks?.setCursor ?? [];
  act(() => hooks.forEach((hook) => hook?.({ cursor: { idx: index } } as unknown as uPlot)));
}

describe('barLegend', () => {
  it('names the series and gives no values while no group is hovered', () => {
    expect(barLegend(labels, series, values, format, null)).toEqual({
      group: null,
      entries: [
        { label: 'Download bytes', color: '#1c7ed6', value: null },
        { label: 'Upload bytes', color: '#f08c00', value: null },
      ],
    });
  });

  it.each([
    [0, 'bob', ['7000 B', '300 B']],
    [1, 'alice', ['20 B', '4 B']],
  ])('gives each series its value in hovered group %i', (index, group, expected) => {
    const legend = barLegend(labels, series, values, format, index);
    expect(legend.group).toBe(group);
    expect(legend.entries.map((entry) => entry.value)).toEqual(expected);
  });
});

describe('BarChart', () => {
  it("shows the hovered group's values in its legend and the names alone when the pointer leaves", () => {
    render(
      <MantineProvider>
        <BarChart labels={labels} series={series} values={values} format={format} units={BINARY_BYTES} label="usage" />
      </MantineProvider>,
    );
    const legend = screen.getByTestId('bar-chart-legend');
    expect(legend).toHaveTextContent(/^Download bytesUpload bytes$/);

    pointAt(1);
    expect(within(legend).getByText('alice')).toBeInTheDocument();
    expect(legend.querySelector('[data-legend-value="Download bytes"]')).toHaveTextContent('20 B');
    expect(legend.querySelector('[data-legend-value="Upload bytes"]')).toHaveTextContent('4 B');

    pointAt(null);
    expect(legend).toHaveTextContent(/^Download bytesUpload bytes$/);
  });

  it('puts its value ticks at round numbers of the unit shown, not at decimal steps that read 953.7 MiB', () => {
    render(
      <MantineProvider>
        <BarChart labels={labels} series={series} values={[[1.6e9, 0.4e9]]} format={format} units={BINARY_BYTES} label="usage" />
      </MantineProvider>,
    );
    const axis = charts.at(-1)!.options.axes![1]!;
    const max = 1.6e9 * 1.1;
    const plot = { bbox: { height: 200 }, axes: [{ scale: 'x' }, { scale: 'y' }], scales: { y: { min: 0, max } } } as unknown as uPlot;
    const splits = (axis.splits as (self: uPlot, axisIndex: number, min: number, max: number) => number[])(plot, 1, 0, max);
    const shown = (axis.values as (self: uPlot, splits: number[], axisIndex: number) => string[])(plot, splits, 1);
    expect(shown).toEqual(['0.0 GiB', '0.5 GiB', '1.0 GiB', '1.5 GiB']);
  });
});
