import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { labelAxisSize } from './axisSize';
import type { Units } from '../format/units';
import { timeAxis, unitAxis } from './unitTicks';

/**
 * The last `windowSeconds` of samples of a few series, pushed as they arrive (no React state: a push is an array
 * append, the chart reads it on its next frame).
 */
export class LiveSeries {
  readonly x: number[] = [];
  readonly ys: number[][];
  changed = true;

  constructor(
    count: number,
    readonly windowSeconds: number,
  ) {
    this.ys = Array.from({ length: count }, () => []);
  }

  /** One sample at `atSeconds` (Unix seconds, fractions allowed); samples older than the window are dropped. */
  push(atSeconds: number, values: readonly number[]): void {
    this.x.push(atSeconds);
    this.ys.forEach((series, index) => series.push(values[index] ?? 0));
    // keep a couple of seconds beyond the window so the line enters from the left edge, not from inside it
    const oldest = atSeconds - this.windowSeconds - 2;
    let drop = 0;
    while (drop < this.x.length && (this.x[drop] ?? Infinity) < oldest) drop++;
    if (drop) {
      this.x.splice(0, drop);
      this.ys.forEach((series) => series.splice(0, drop));
    }
    this.changed = true;
  }

  get size(): number {
    return this.x.length;
  }
}

interface Props {
  source: LiveSeries;
  series: readonly { label: string; color: string }[];
  format: (value: number) => string;
  /** The units of the y axis, whose ticks are round in the unit shown. */
  units: Units;
  label: string;
  height?: number;
}

/**
 * A scrolling line chart (uPlot) that moves a pixel at a time, so one-second samples glide rather than jump; it
 * draws nothing while the tab is hidden. The time axis is the browser's clock at arrival, so the right edge is "now".
 */
export function LiveChart({ source, series, format, units, label, height = 220 }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const seriesKey = series.map((s) => `${s.label}:${s.color}`).join('|');

  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const valueAxis = unitAxis(units, height);
    const plot = new uPlot(
      {
        width: Math.max(target.clientWidth, 300),
        height,
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: `${s.color}22`,
            width: 1.5,
            points: { show: false },
            value: (_: uPlot, value: number | null) => (value == null ? '—' : format(value)),
          })),
        ],
        scales: {
          x: { time: true, auto: false },
          // at least 1 kbit/s tall, so an idle line does not get an axis of repeated tiny values; the top is a tick
          y: { range: (_: uPlot, _min: number, max: number) => valueAxis.cover(0, Math.max(max * 1.15, 1000)) },
        },
        axes: [
          // one short clock time per tick (uPlot's default stacks the date under the first tick and they overlap); a
          // label that would stick out of either edge is left out, as the window scrolls
          timeAxis(),
          { ...valueAxis.axis, size: labelAxisSize },
        ],
        // the values now are shown beside the chart; the legend only names the lines
        legend: { live: false },
        cursor: { drag: { x: false, y: false } },
      },
      [source.x, ...source.ys],
      target,
    );
    let frame = 0;
    let shownAt = 0;
    const draw = () => {
      frame = requestAnimationFrame(draw);
      const now = Date.now() / 1000;
      // Each move redraws the whole chart: the window moves once it has gone a pixel's worth of time (a minute over
      // 1,000 px: about 17 times a second), which looks the same as moving a fraction of a pixel every frame and
      // costs a third of it. New samples are drawn at once.
      const secondsPerPixel = source.windowSeconds / Math.max(plot.bbox.width / window.devicePixelRatio, 1);
      if (!source.changed && now - shownAt < secondsPerPixel) return;
      shownAt = now;
      if (source.changed) {
        source.changed = false;
        plot.setData([source.x, ...source.ys]);
        target.dataset.samples = String(source.size);
      }
      // the newest sample sits one second in from the right edge: it is a second's average, drawn at its end
      plot.setScale('x', { min: now - source.windowSeconds, max: now - 1 });
    };
    const start = () => {
      if (!frame && document.visibilityState === 'visible') frame = requestAnimationFrame(draw);
    };
    const stop = () => {
      cancelAnimationFrame(frame);
      frame = 0;
    };
    const onVisibility = () => (document.visibilityState === 'visible' ? start() : stop());
    document.addEventListener('visibilitychange', onVisibility);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(target.clientWidth, 300), height }));
    resize.observe(target);
    start();
    return () => {
      stop();
      resize.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
      plot.destroy();
    };
    // series are compared by their key: a new array with the same series must not rebuild the chart
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, height, seriesKey, format, units]);

  return <div ref={element} role="img" aria-label={label} data-testid="live-chart" data-samples="0" />;
}
