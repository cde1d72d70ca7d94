import type { VegaLiteSpec } from '../../src/report/chart-config.js';

/** A small line chart (three points) for tests of chart drawing: no gradient, no clip path. */
export const smallLineChart: VegaLiteSpec = {
  title: 'Backlog',
  width: 200,
  height: 100,
  data: { values: [1, 2, 3].map((day) => ({ day, backlog: day * 10 })) },
  mark: 'line',
  encoding: {
    x: { field: 'day', type: 'quantitative', title: 'day' },
    y: { field: 'backlog', type: 'quantitative', title: 'studies' },
  },
};
