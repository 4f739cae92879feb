import { useEffect, useRef, useState } from 'react';
import { Group, Text } from '@mantine/core';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { labelAxisSize, labelsInside } from './axisSize';
import type { Units } from '../format/units';
import { unitAxis } from './unitTicks';

export interface BarSeries {
  label: string;
  color: string;
}

interface Props {
  /** One label per bar group (x axis). */
  labels: readonly string[];
  /** The series drawn side by side in each group (one or two). */
  series: readonly BarSeries[];
  /** values[s][i]: series s at label i. */
  values: readonly (readonly number[])[];
  /** Formats values in the legend. */
  format: (value: number) => string;
  /** The units of the y axis, whose ticks are round in the unit shown. */
  units: Units;
  /** What the chart shows, for screen readers. */
  label: string;
  height?: number;
}

export interface BarLegend {
  /** The hovered bar group's label, or null while none is hovered. */
  group: string | null;
  /** Each series with its value in the hovered group (null while none is hovered). */
  entries: { label: string; color: string; value: string | null }[];
}

/** What the legend says: the series' names, and their values in the hovered group. */
export function barLegend(
  labels: readonly string[],
  series: readonly BarSeries[],
  values: readonly (readonly number[])[],
  format: (value: number) => string,
  hovered: number | null,
): BarLegend {
  const group = hovered === null ? null : (labels[hovered] ?? null);
  return {
    group,
    entries: series.map((each, s) => ({
      label: each.label,
      color: each.color,
      value: group === null || hovered === null ? null : format(values[s]?.[hovered] ?? 0),
    })),
  };
}

/**
 * Bars over text labels (one or two series side by side), drawn by uPlot on a canvas (cheap however many bars; the chart is recreated only when
 * its data changes and resized with its container). The legend is the page's own: uPlot's live legend read "Group: /
 * Download bytes:" with nothing after the colons whenever the pointer was off the chart.
 */
export function BarChart({ labels, series, values, format, units, label, height = 280 }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!element || labels.length === 0) return;
    // one series: centred bars; two: the first left of the label, the second right of it
    const pair = series.length > 1;
    const valueAxis = unitAxis(units, height);
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 200),
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      hooks: { setCursor: [(u) => setHovered(u.cursor.idx ?? null)] },
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (_u, _min, max) => valueAxis.cover(0, max > 0 ? max * 1.1 : 1) } },
      axes: [
        {
          values: (self, splits, axisIndex) =>
            labelsInside(self, splits, splits.map((index) => (Number.isInteger(index) ? shorten(labels[index] ?? '') : '')), axisIndex),
          // a label per bar while they fit, every 2nd, 5th, ... one when they do not (a year of days)
          incrs: [1, 2, 5, 10, 20, 50, 100],
          gap: 6,
        },
        { ...valueAxis.axis, size: labelAxisSize },
      ],
      series: [
        {},
        ...series.map((each, s) => ({
          label: each.label,
          stroke: each.color,
          fill: each.color,
          width: 0,
          paths: uPlot.paths.bars!({ size: [pair ? 0.35 : 0.6, 60], align: pair ? (s === 0 ? -1 : 1) : 0 }),
          points: { show: false },
        })),
      ],
    };
    const data: uPlot.AlignedData = [labels.map((_, index) => index), ...values.map((row) => [...row])];
    const chart = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(element.clientWidth, 200), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      setHovered(null);
    };
  }, [labels, series, values, format, units, height]);
  const legend = barLegend(labels, series, values, format, hovered);
  return (
    <div>
      <div ref={container} role="img" aria-label={label} data-testid="bar-chart" style={{ width: '100%' }} />
      <Group gap="lg" justify="center" mih={28} data-testid="bar-chart-legend">
        {legend.group !== null && (
          <Text size="sm" fw={600}>
            {legend.group}
          </Text>
        )}
        {legend.entries.map((entry) => (
          <Group key={entry.label} gap={6} wrap="nowrap">
            <span aria-hidden style={{ width: 12, height: 12, background: entry.color, display: 'inline-block' }} />
            <Text size="sm">{entry.label}</Text>
            {entry.value !== null && (
              <Text size="sm" fw={600} data-legend-value={entry.label}>
                {entry.value}
              </Text>
            )}
          </Group>
        ))}
      </Group>
    </div>
  );
}

function shorten(text: string): string {
  return text.length > 14 ? `${text.slice(0, 13)}…` : text;
}
