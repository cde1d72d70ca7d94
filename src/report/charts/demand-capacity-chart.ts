import type { RunResult } from '../../model/run-result.js';
import { periodMeans } from '../period-means.js';
import {
  armColor,
  type Chart,
  type ChartContext,
  fullPeriodsOnly,
  periodWord,
  replicationNote,
  timeEncoding,
  timeValue,
} from './chart-context.js';

/** Reading capacity of period k in studies: reading minutes available / mean reading work per arrived study. */
export function capacityInStudies(r: RunResult, k: number): number {
  const p = r.periods;
  return p.workload_min[k] > 0 ? (p.reading_capacity_min[k] * p.arrivals[k]) / p.workload_min[k] : Number.NaN;
}

/** 2. Demand and throughput per period against the rostered reading capacity, one panel per arm. */
export function demandCapacityChart(ctx: ChartContext): Chart {
  const series: [string, (r: RunResult, k: number) => number][] = [
    ['demand (studies arriving)', (r, k) => r.periods.arrivals[k]],
    ['throughput (studies reported)', (r, k) => r.periods.reported[k] + r.periods.cleared_by_ai[k]],
    ['reading capacity (studies)', capacityInStudies],
  ];
  const values = series.flatMap(([name, f]) =>
    periodMeans(ctx.runs, f, fullPeriodsOnly(ctx)).map((p) => ({
      arm: p.arm,
      series: name,
      t: timeValue(ctx, p.startDays),
      studies: p.mean,
    })),
  );
  const per = periodWord(ctx);
  const names = series.map((x) => x[0]);
  const title = 'Demand, throughput and reading capacity';
  const arms = ctx.scenario.arms.length;
  return {
    name: 'demand-capacity',
    title,
    caption: `Studies arriving (demand) per ${per}, drawn wide and pale, and reported (throughput), drawn thin, with what the rostered radiologists can read (dashed) in the ${per} at its mean reading work per study (capacity: rostered hours x efficiency / reading time; AI that shortens or removes reads raises it). Where demand rises above capacity, throughput can no longer keep up and the backlog starts to grow.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: { text: title, subtitle: `studies per ${per}, ${replicationNote(ctx)}` },
      data: { values },
      facet: { field: 'arm', type: 'nominal', title: null, sort: ctx.scenario.arms.map((a) => a.name) },
      columns: arms > 1 ? 2 : 1,
      spec: {
        width: arms > 1 ? 330 : 640,
        height: 200,
        encoding: {
          x: timeEncoding(ctx),
          y: { field: 'studies', type: 'quantitative', title: `studies per ${per}` },
          // Colour is the arm's (as in every chart); the line's style says which series it is.
          color: { ...armColor(ctx), legend: null },
          strokeDash: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: {
              domain: names,
              range: [
                [1, 0],
                [1, 0],
                [6, 3],
              ],
            },
            legend: { symbolType: 'stroke', symbolStrokeColor: '#333', labelLimit: 320, columns: 3 },
          },
          strokeWidth: { field: 'series', type: 'nominal', title: null, scale: { domain: names, range: [5, 1.3, 2.2] } },
          opacity: { field: 'series', type: 'nominal', title: null, scale: { domain: names, range: [0.35, 1, 1] } },
        },
        mark: { type: 'line' },
      },
      resolve: { scale: { y: 'shared' } },
    },
  };
}
