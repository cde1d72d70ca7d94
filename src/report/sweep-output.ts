import { load as loadYaml } from 'js-yaml';
import type { Statistic } from '../experiment/summary.js';
import { isIntegerAxis, neighbourDifferences, type SweepResult } from '../experiment/sweep.js';
import { statisticAxisTitle, statisticLabel } from '../model/statistics-catalogue.js';
import { putChart, writeFolderAtomically } from './atomic-folder.js';
import { ARM_LEGEND } from './charts/chart-context.js';
import { csvLine } from './csv.js';
import type { ChartFormats, VegaLiteSpec } from './render-chart.js';
import { statAt } from './summary-table.js';

/** Metrics every sweep row carries besides the chosen one. */
export const SWEEP_HEADLINES = ['wait.all', 'studies.backlog_end', 'tat.all.p90', 'utilisation'];

/** sweep.csv: one row per variant x arm x metric (tidy), with the varied values as columns. */
export function sweepCsv(sweep: SweepResult, metrics: string[]): string {
  const paths = sweep.axes.map((a) => a.path);
  let out = csvLine(['variant', ...paths, 'arm', 'metric', 'mean', 'ci95_low', 'ci95_high', 'replications']);
  sweep.results.forEach((result, v) => {
    for (const arm of result.summary.arms) {
      for (const metric of metrics) {
        const s = statAt(arm, metric) as Statistic | undefined;
        if (!s) continue;
        out += csvLine([
          v + 1,
          ...paths.map((p) => sweep.variants[v].settings[p]),
          arm.name,
          metric,
          s.mean ?? Number.NaN,
          s.ci95?.[0] ?? Number.NaN,
          s.ci95?.[1] ?? Number.NaN,
          s.n,
        ]);
      }
    }
  });
  return out;
}

/**
 * sweep_differences.csv (one-axis sweeps): per arm, the chosen metric of each variant minus the
 * previous variant's, paired by replication, with its 95% interval.
 */
export function sweepDifferencesCsv(sweep: SweepResult, metric: string): string {
  const path = sweep.axes[0]?.path ?? '';
  let out = csvLine([`${path} from`, `${path} to`, 'arm', 'metric', 'mean', 'ci95_low', 'ci95_high', 'replications']);
  for (const d of neighbourDifferences(sweep, metric))
    out += csvLine([
      d.from,
      d.to,
      d.arm,
      d.metric,
      d.mean ?? Number.NaN,
      d.ci95?.[0] ?? Number.NaN,
      d.ci95?.[1] ?? Number.NaN,
      d.n,
    ]);
  return out;
}

/** A value as a number for an axis when it reads as one ("0.9", "27%" -> 0.27), else null. */
function numeric(v: string): number | null {
  const pct = /^\s*(-?\d+(?:\.\d+)?)\s*%/.exec(v);
  if (pct) return Number(pct[1]) / 100;
  const y = loadYaml(v);
  return typeof y === 'number' ? y : null;
}

/** A line of the metric against one varied value (with 95% bands), or a heatmap for two. */
export function sweepChart(sweep: SweepResult, metric: string): VegaLiteSpec | null {
  const axes = sweep.axes;
  if (axes.length < 1 || axes.length > 2) return null;
  const rows = sweep.results.flatMap((result, v) =>
    result.summary.arms.map((arm) => {
      const s = statAt(arm, metric) as Statistic | undefined;
      const settings = sweep.variants[v].settings;
      return {
        arm: arm.name,
        a: settings[axes[0].path],
        b: axes[1] ? settings[axes[1].path] : '',
        mean: s?.mean ?? null,
        lo: s?.ci95?.[0] ?? s?.mean ?? null,
        hi: s?.ci95?.[1] ?? s?.mean ?? null,
      };
    }),
  );
  const allNumeric = rows.every((r) => numeric(r.a) !== null);
  const arms = sweep.results[0].summary.arms.map((a) => a.name);
  const title = {
    text: `${statisticLabel(metric)} across the sweep`,
    subtitle: `${sweep.results[0].summary.scenario}; mean over ${sweep.results[0].summary.replications} replication(s)${axes.length === 1 ? ', 95% band' : ''}`,
  };
  if (axes.length === 1) {
    const values = rows.map((r) => ({ ...r, x: allNumeric ? numeric(r.a) : r.a }));
    const whole = isIntegerAxis(axes[0]);
    const x = allNumeric
      ? {
          field: 'x',
          type: 'quantitative',
          title: axes[0].path,
          scale: { zero: false },
          ...(whole ? { axis: { format: 'd', tickMinStep: 1 } } : {}),
        }
      : { field: 'x', type: 'ordinal', title: axes[0].path, sort: axes[0].values };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: `${metric} against ${axes[0].path}`,
      title,
      width: 600,
      height: 320,
      data: { values },
      encoding: { x, color: { field: 'arm', type: 'nominal', title: 'arm', scale: { domain: arms }, legend: ARM_LEGEND } },
      layer: [
        { mark: { type: 'area', opacity: 0.18 }, encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
        {
          mark: { type: 'line', point: true, strokeWidth: 2 },
          encoding: {
            y: { field: 'mean', type: 'quantitative', title: statisticAxisTitle(metric) },
            tooltip: [{ field: 'arm' }, { field: 'a', title: axes[0].path }, { field: 'mean', format: ',.2f' }],
          },
        },
      ],
    };
  }
  const means = rows.map((r) => r.mean).filter((m): m is number => m !== null);
  const midpoint = means.length ? (Math.min(...means) + Math.max(...means)) / 2 : 0;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${metric} against ${axes[0].path} and ${axes[1].path}`,
    title,
    data: { values: rows },
    facet: { field: 'arm', type: 'nominal', title: null, sort: arms },
    columns: 2,
    spec: {
      width: 300,
      height: 220,
      encoding: {
        x: { field: 'a', type: 'ordinal', title: axes[0].path, sort: axes[0].values, axis: { labelAngle: 0, grid: false } },
        y: { field: 'b', type: 'ordinal', title: axes[1].path, sort: axes[1].values, axis: { grid: false } },
      },
      layer: [
        {
          mark: 'rect',
          encoding: {
            color: {
              field: 'mean',
              type: 'quantitative',
              title: statisticAxisTitle(metric),
              scale: { scheme: 'orangered' },
              legend: { titleLimit: 400, direction: 'horizontal' },
            },
          },
        },
        {
          mark: { type: 'text', fontSize: 12 },
          encoding: {
            text: { field: 'mean', type: 'quantitative', format: ',.3~r' },
            // Light text on the dark upper half of the colour scale.
            color: { condition: { test: `datum.mean > ${midpoint}`, value: 'white' }, value: '#222' },
          },
        },
      ],
    },
  };
}

/** Writes sweep.csv and the chart (as `charts` says, default SVG and PNG) into `outDir`, atomically. */
export async function writeSweep(
  sweep: SweepResult,
  metric: string,
  outDir: string,
  charts: ChartFormats = 'all',
): Promise<string[]> {
  return writeFolderAtomically(outDir, async (put) => {
    const metrics = [metric, ...SWEEP_HEADLINES.filter((m) => m !== metric)];
    await put('sweep.csv', sweepCsv(sweep, metrics));
    const diffs = neighbourDifferences(sweep, metric);
    if (diffs.length) await put('sweep_differences.csv', sweepDifferencesCsv(sweep, metric));
    const spec = sweepChart(sweep, metric);
    if (spec) await putChart(put, 'sweep', spec, charts);
  });
}
