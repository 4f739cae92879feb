import type uPlot from 'uplot';

/**
 * A value axis as wide as its longest label (measured in the axis's font) plus its ticks and gap, for uPlot's
 * `axes[].size`. A fixed width cut long labels off at the chart's left edge ("20.0 Mbit/s" read ".0 Mbit/s").
 */
export function labelAxisSize(self: uPlot, values: string[] | null, axisIndex: number): number {
  const axis = self.axes[axisIndex];
  if (!axis) return 0;
  const longest = (values ?? []).reduce((widest, value) => (value.length > widest.length ? value : widest), '');
  // uPlot keeps the font scaled to device pixels ([font, size]); the size asked for is in CSS pixels
  const font = Array.isArray(axis.font) ? axis.font[0] : axis.font;
  if (font) self.ctx.font = String(font);
  const text = longest ? self.ctx.measureText(longest).width / (window.devicePixelRatio || 1) : 0;
  return Math.ceil(text + (axis.ticks?.size ?? 0) + (axis.gap ?? 0)) + 2;
}

/**
 * A horizontal axis's labels with those that would stick out of the chart left out (null: uPlot draws nothing). A
 * label is centred on its tick, so one near either edge was cut ("04:54:30 A" at the live chart's right edge).
 */
export function labelsInside(self: uPlot, splits: readonly number[], labels: readonly string[], axisIndex: number): (string | null)[] {
  const axis = self.axes[axisIndex];
  const ratio = window.devicePixelRatio || 1;
  const font = Array.isArray(axis?.font) ? axis.font[0] : axis?.font;
  if (font) self.ctx.font = String(font);
  const left = self.bbox.left / ratio;
  return labels.map((label, index) => {
    const at = left + self.valToPos(splits[index] ?? 0, axis?.scale ?? 'x');
    const half = self.ctx.measureText(label).width / ratio / 2;
    return at - half < 0 || at + half > self.width ? null : label;
  });
}
