// The charts' shared look, apart from rendering (no Node), so that the browser app uses it too.

/** A Vega-Lite spec as plain JSON (typed loosely: the specs are built in this folder). */
export type VegaLiteSpec = Record<string, unknown>;

export const FONT_FAMILY = 'DejaVu Sans';

/** Shared look: readable sizes, the bundled font, padding so that long legends are not clipped. */
export const CHART_CONFIG = {
  font: FONT_FAMILY,
  padding: 12,
  background: 'white',
  title: { fontSize: 16, anchor: 'start', offset: 10, subtitleFontSize: 12, subtitleColor: '#444' },
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', grid: true, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 12, titleFontSize: 13, labelLimit: 260, orient: 'bottom', direction: 'horizontal', columns: 3 },
  header: { labelFontSize: 13, titleFontSize: 13 },
  view: { stroke: '#ccc' },
  range: { category: ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'] },
};
