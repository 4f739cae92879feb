import { describe, expect, it } from 'vitest';
import { LiveSeries } from './LiveChart';

describe('LiveSeries', () => {
  it('keeps the window and a little more, dropping older samples from every series alike', () => {
    const series = new LiveSeries(2, 10);
    for (let t = 0; t <= 30; t++) series.push(t, [t, -t]);
    expect(series.x[0]).toBe(18);
    expect(series.x.at(-1)).toBe(30);
    expect(series.ys[0]).toEqual(series.x);
    expect(series.ys[1]).toEqual(series.x.map((t) => -t));
  });

  it('marks itself changed on every push until the chart reads it', () => {
    const series = new LiveSeries(1, 60);
    series.changed = false;
    series.push(1, [5]);
    expect(series.changed).toBe(true);
    expect(series.size).toBe(1);
  });
});
