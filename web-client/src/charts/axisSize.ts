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
