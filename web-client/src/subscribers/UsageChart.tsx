import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { bytes } from '../live/format';

/** Download and upload per bucket as bars (uPlot); `starts` in Unix seconds. */
export function UsageChart({ starts, down, up, label }: { starts: number[]; down: number[]; up: number[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const bars = uPlot.paths.bars?.({ size: [0.8, 40], gap: 1 });
    const plot = new uPlot(
      {
        width: Math.max(target.clientWidth, 300),
        height: 200,
        series: [
          {},
          { label: 'Download', stroke: '#1c7ed6', fill: '#1c7ed6aa', paths: bars, points: { show: false }, value: (_, v) => (v == null ? '—' : bytes(v)) },
          { label: 'Upload', stroke: '#e8590c', fill: '#e8590caa', paths: bars, points: { show: false }, value: (_, v) => (v == null ? '—' : bytes(v)) },
        ],
        legend: { live: false },
        scales: { y: { range: (_: uPlot, _min: number, max: number) => [0, max > 0 ? max * 1.1 : 1] } },
        axes: [{}, { size: 70, values: (_: uPlot, splits: number[]) => splits.map(bytes) }],
      },
      [starts, down, up],
      target,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(target.clientWidth, 300), height: 200 }));
    resize.observe(target);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [starts, down, up]);
  return <div ref={element} role="img" aria-label={label} data-testid="usage-chart" data-points={starts.length} />;
}
