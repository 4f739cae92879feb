import { useEffect, useRef } from 'react';
import { Card, Text } from '@mantine/core';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { labelAxisSize } from './axisSize';
import { PERCENT, type Units } from '../format/units';
import { timeAxis, timeLegend, unitAxis } from './unitTicks';

export interface HistorySeries {
  label: string;
  color: string;
  /** One value per timestamp; null leaves a gap (no sample). */
  values: readonly (number | null)[];
}

interface Props {
  title: string;
  /** Unix seconds, oldest first. */
  times: readonly number[];
  /** The period shown (Unix seconds), so a few points sit where they belong rather than fill the width. */
  period: readonly [number, number];
  series: readonly HistorySeries[];
  /** How a value reads on the axis and in the legend, e.g. `42 %`. */
  format: (value: number) => string;
  /**
   * The units of the y axis, whose ticks are then round in the unit shown; otherwise uPlot's decimal ticks, `format`ted.
   * `PERCENT` shows 0 to 100 % (higher only when a value is), in quarters.
   */
  units?: Units;
  height?: number;
}

/**
 * A time-series chart of history read once (health, online count, throughput): uPlot draws to one canvas, so a week
 * of minute points stays cheap. The plot is rebuilt when the data changes and resized with its card.
 */
export function HistoryChart({ title, times, period, series, format, units, height = 180 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const valueAxis = units ? unitAxis(units, height) : null;
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 200),
      height,
      legend: { show: true },
      cursor: { drag: { x: true, y: false } },
      scales: {
        x: { time: true, range: () => [period[0], period[1]] },
        // a share stops at 100 % unless a value is above it; counts start at zero and leave headroom (a flat line of 1
        // should not fill the chart); the top is a tick, so the highest value is never above the last label
        y: {
          range: (_u, min, max) => {
            const [low, high] = units === PERCENT ? [0, Math.max(100, max)] : [Math.min(0, min), Math.max(4, Math.ceil(max * 1.2))];
            return valueAxis ? valueAxis.cover(low, high) : [low, high];
          },
        },
      },
      axes: [timeAxis(), { ...(valueAxis ? valueAxis.axis : { values: (_u: uPlot, ticks: number[]) => ticks.map((tick) => format(tick)) }), size: labelAxisSize }],
      series: [
        // the time under the pointer, or a dash like the values' when the pointer is off the chart (uPlot's is "--")
        { value: (_u: uPlot, at: number | null) => timeLegend(at) },
        ...series.map((line) => ({
          label: line.label,
          stroke: line.color,
          width: 1.5,
          spanGaps: false,
          value: (_u: uPlot, value: number | null) => (value == null ? '—' : format(value)),
        })),
      ],
    };
    const data = [Array.from(times), ...series.map((line) => Array.from(line.values))] as uPlot.AlignedData;
    const plot = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 200), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, period, series, format, units, height]);
  return (
    <Card withBorder>
      <Text fw={500} size="sm" mb="xs">
        {title}
      </Text>
      {times.length === 0 ? (
        <Text size="sm" c="dimmed" h={height}>
          No samples in this period.
        </Text>
      ) : (
        <div ref={box} role="img" aria-label={`${title} chart`} data-points={times.length} />
      )}
    </Card>
  );
}
