import { render } from '@testing-library/react';
import type uPlot from 'uplot';
import { describe, expect, it, vi } from 'vitest';
import { labelsInside } from './axisSize';
import { LiveChart, LiveSeries } from './LiveChart';
import { BIT_RATE } from '../format/units';

const built: uPlot.Options[] = [];
vi.mock('uplot', () => ({
  default: class {
    bbox = { left: 0, top: 0, width: 600, height: 300 };
    constructor(options: uPlot.Options) {
      built.push(options);
    }
    setData() {}
    setScale() {}
    setSize() {}
    destroy() {}
  },
}));

/** A chart `width` px wide whose plot starts `left` px in and maps 0..100 onto `plotWidth` px; 7 px a character. */
function chart(width: number, left: number, plotWidth: number): uPlot {
  return {
    width,
    bbox: { left, top: 0, width: plotWidth, height: 100 },
    axes: [{ scale: 'x', font: ['12px sans-serif'] }],
    ctx: { font: '', measureText: (text: string) => ({ width: 7 * text.length }) },
    valToPos: (value: number) => (value / 100) * plotWidth,
  } as unknown as uPlot;
}

describe('labelsInside', () => {
  // the class of the problem: wherever a tick falls and however long its label, what is drawn stays inside the chart,
  // and only labels that would not fit are left out
  it('keeps every label it shows inside the chart and leaves out only those that would stick out', () => {
    let seed = 5;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 500; i++) {
      const left = Math.floor(random() * 80);
      const plotWidth = 200 + Math.floor(random() * 800);
      const width = left + plotWidth + Math.floor(random() * 10);
      const plot = chart(width, left, plotWidth);
      const splits = Array.from({ length: 6 }, () => random() * 100);
      const labels = splits.map(() => 'x'.repeat(1 + Math.floor(random() * 12)));
      const shown = labelsInside(plot, splits, labels, 0);
      shown.forEach((label, index) => {
        const at = left + (splits[index]! / 100) * plotWidth;
        const half = (7 * labels[index]!.length) / 2;
        expect(label === null).toBe(at - half < 0 || at + half > width);
        if (label !== null) expect(label).toBe(labels[index]);
      });
    }
  });
});

describe('LiveChart', () => {
  it("leaves out the time label that would be cut at the chart's right edge", () => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    render(<LiveChart source={new LiveSeries(1, 120)} series={[{ label: 'Down', color: '#000' }]} format={String} units={BIT_RATE} label="speed" />);
    const values = built.at(-1)!.axes![0]!.values as (self: uPlot, splits: number[], axisIndex: number) => (string | null)[];
    // a 600 px chart whose plot is 540 px from 60 px in: a tick at the far right has half its label beyond the edge
    const shown = values(chart(600, 60, 540), [10, 50, 99.9], 0);
    expect(shown[0]).not.toBeNull();
    expect(shown[1]).not.toBeNull();
    expect(shown[2]).toBeNull();
  });
});
