import type { Backtest } from '../../experiment/calibration/backtest.js';
import type { VegaLiteSpec } from '../render-chart.js';

/** A back-test chart: file name, caption and Vega-Lite spec. */
export interface BacktestChart {
  name: string;
  caption: string;
  spec: VegaLiteSpec;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const COLORS = { domain: ['observed', 'simulated (95% interval)'], range: ['#d62728', '#1f77b4'] };

function pointsAndBands(x: Record<string, unknown>, yTitle: string) {
  return [
    {
      mark: { type: 'rule', strokeWidth: 6, opacity: 0.35, color: '#1f77b4' },
      encoding: { x, y: { field: 'low', type: 'quantitative', title: yTitle }, y2: { field: 'high' } },
    },
    {
      mark: { type: 'tick', thickness: 2, size: 28, color: '#1f77b4' },
      encoding: {
        x,
        y: { field: 'simulated', type: 'quantitative' },
        color: { datum: 'simulated (95% interval)', scale: COLORS, title: null },
      },
    },
    {
      mark: { type: 'point', filled: true, size: 70 },
      encoding: {
        x,
        y: { field: 'observed', type: 'quantitative' },
        color: { datum: 'observed', scale: COLORS, title: null },
        shape: {
          field: 'verdict',
          type: 'nominal',
          title: null,
          scale: { domain: ['inside', 'outside'], range: ['circle', 'cross'] },
        },
      },
    },
  ];
}

/** The back-test's charts: monthly volumes, turnaround per priority, turnaround by hour of the request. */
export function backtestCharts(b: Backtest): BacktestChart[] {
  const rows = b.lines.map((l) => ({ ...l, verdict: l.inside ? 'inside' : 'outside' }));
  const charts: BacktestChart[] = [];
  const months = rows.filter((l) => l.kind === 'monthly volume');
  if (months.length)
    charts.push({
      name: 'backtest-volume',
      caption: `Studies requested each whole month of the export (red) beside the simulation (blue tick: mean of ${b.replications} replications; bar: 95% prediction interval). A cross marks a month outside its interval.`,
      spec: {
        $schema: SCHEMA,
        title: { text: 'Monthly volume: export and simulation', subtitle: 'studies requested per calendar month' },
        width: 640,
        height: 280,
        data: { values: months },
        layer: pointsAndBands(
          { field: 'label', type: 'ordinal', title: 'month', axis: { labelAngle: -40 } },
          'studies per month',
        ),
      },
    });
  const tat = rows.filter((l) => l.kind === 'turnaround p50' || l.kind === 'turnaround p90');
  if (tat.length)
    charts.push({
      name: 'backtest-turnaround',
      caption: `Turnaround (request to report) of the export's studies, median and 90th percentile per priority (red), beside the simulation's (blue: mean and 95% prediction interval of ${b.replications} replications). Log scale.`,
      spec: {
        $schema: SCHEMA,
        title: { text: 'Turnaround by priority: export and simulation', subtitle: 'hours from request to report (log scale)' },
        data: {
          values: tat.map((l) => ({ ...l, stat: l.kind === 'turnaround p50' ? 'median (p50)' : '90th percentile (p90)' })),
        },
        facet: { column: { field: 'stat', type: 'nominal', title: null, sort: ['median (p50)', '90th percentile (p90)'] } },
        spec: {
          width: 300,
          height: 260,
          layer: pointsAndBands(
            { field: 'priority', type: 'nominal', title: 'priority', sort: null, axis: { labelAngle: 0 } },
            'hours',
          ).map((layer) => ({ ...layer, encoding: { ...layer.encoding, y: { ...layer.encoding.y, scale: { type: 'log' } } } })),
        },
      },
    });
  const hours = rows.filter((l) => l.kind === 'turnaround p50 by hour');
  if (hours.length)
    charts.push({
      name: 'backtest-turnaround-by-hour',
      caption: `Median turnaround by the time of day of the request, in 3-hour blocks, per priority: export (red) and simulation (blue: mean and 95% prediction interval of ${b.replications} replications). Blocks with fewer than 20 reported studies are left out.`,
      spec: {
        $schema: SCHEMA,
        title: { text: 'Turnaround by hour of request: export and simulation', subtitle: 'median hours from request to report' },
        data: { values: hours.map((l) => ({ ...l, block: `${String(l.hour).padStart(2, '0')}:00` })) },
        facet: { row: { field: 'priority', type: 'nominal', title: null, sort: null } },
        resolve: { scale: { y: 'independent' } },
        spec: {
          width: 560,
          height: 150,
          layer: pointsAndBands(
            { field: 'block', type: 'ordinal', title: 'request time of day (3-hour block)', axis: { labelAngle: 0 } },
            'hours',
          ),
        },
      },
    });
  return charts;
}
