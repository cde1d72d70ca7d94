import type { RunResult } from '../../model/run-result.js';
import { periodLength } from '../period-means.js';
import {
  armColor,
  type Chart,
  type ChartContext,
  HEIGHT,
  replicationNote,
  timeEncoding,
  timeValue,
  WIDTH,
} from './chart-context.js';

/** Working days a year per radiologist: 250, the round figure behind "60 a working day" (Bhargavan-2009). */
export const WORKING_DAYS_PER_YEAR = 250;

const MEASURES = ['studies arriving', 'studies one radiologist can read'];

/** Blocks of time the chart averages over: years for long runs, quarters or months for short ones. */
export function blockDays(horizonDays: number): { days: number; word: string } {
  if (horizonDays >= 3 * 365) return { days: 365, word: 'year' };
  if (horizonDays >= 180) return { days: 365 / 4, word: 'quarter' };
  return { days: 365 / 12, word: 'month' };
}

/** One block of periods: its index, the periods in it, and its length in days. */
export interface PeriodBlock {
  index: number;
  periods: number[];
  days: number;
}

/**
 * The periods of a run grouped into blocks of `blockLength` days, slivers under half a block
 * left out (they say nothing); and, per block, a total turned into a rate per radiologist per
 * working day (yearly rate / mean headcount / working days).
 */
export function periodBlocks(first: RunResult, blockLength: number, horizon: number): PeriodBlock[] {
  const groups = new Map<number, number[]>();
  first.periods.period_start_days.forEach((d, k) => {
    const b = Math.floor(d / blockLength + 1e-9);
    if (!groups.has(b)) groups.set(b, []);
    (groups.get(b) as number[]).push(k);
  });
  const out: PeriodBlock[] = [];
  for (const [index, periods] of groups) {
    const days = periods.reduce((s, k) => s + periodLength(first, k, horizon), 0);
    if (days >= 0.5 * blockLength) out.push({ index, periods, days });
  }
  return out;
}

/** A block's total of run `r` as a rate per radiologist per working day. */
export function perRadiologistDay(r: RunResult, block: PeriodBlock, total: number): number {
  const headcount = block.periods.reduce((s, k) => s + r.periods.headcount[k], 0) / block.periods.length;
  return (total * (365 / block.days)) / headcount / WORKING_DAYS_PER_YEAR;
}

/** 3. The volume argument: studies per radiologist per working day, over the years. */
export function volumeChart(ctx: ChartContext): Chart {
  const horizon = ctx.summary.horizon_days;
  const block = blockDays(horizon);
  const values: { arm: string; t: number; measure: string; value: number }[] = [];
  for (const armRuns of ctx.runs) {
    const first = armRuns[0];
    for (const pb of periodBlocks(first, block.days, horizon)) {
      const b = pb.index;
      const ks = pb.periods;
      const per = (r: RunResult, total: number) => perRadiologistDay(r, pb, total);
      let demand = 0;
      let capacity = 0;
      for (const r of armRuns) {
        const arrivals = ks.reduce((s, k) => s + r.periods.arrivals[k], 0);
        const work = ks.reduce((s, k) => s + r.periods.workload_min[k], 0);
        const readingCapacity = ks.reduce((s, k) => s + r.periods.reading_capacity_min[k], 0);
        demand += per(r, arrivals);
        capacity += work > 0 ? per(r, (readingCapacity * arrivals) / work) : Number.NaN;
      }
      const t = timeValue(ctx, (b + 0.5) * block.days);
      values.push({ arm: first.arm, t, measure: 'studies arriving', value: demand / armRuns.length });
      if (Number.isFinite(capacity))
        values.push({ arm: first.arm, t, measure: 'studies one radiologist can read', value: capacity / armRuns.length });
    }
  }
  const title = 'The volume argument: studies per radiologist per working day';
  const arms = ctx.scenario.arms.length;
  return {
    name: 'volume-per-radiologist',
    title,
    caption: `Per arm: studies per ${block.word}, as a yearly rate, divided by the radiologists' headcount and ${WORKING_DAYS_PER_YEAR} working days (solid line), against what one radiologist's rostered reading time can report at that ${block.word}'s mean reading work per study (dashed; AI that shortens or removes reads raises it, and it falls when the case mix shifts to longer reads). With a fixed headcount the solid line climbs with the volume; where it passes the dashed one, every extra study joins the backlog.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: { text: title, subtitle: `each ${block.word}, ${replicationNote(ctx)}` },
      data: { values },
      facet: { field: 'arm', type: 'nominal', title: null, sort: ctx.scenario.arms.map((a) => a.name) },
      columns: arms > 1 ? 2 : 1,
      spec: {
        width: arms > 1 ? 330 : WIDTH,
        height: arms > 1 ? 200 : HEIGHT,
        mark: { type: 'line', point: { size: 30, filled: true }, strokeWidth: 2 },
        encoding: {
          x: timeEncoding(ctx),
          y: { field: 'value', type: 'quantitative', title: 'per radiologist per working day', scale: { zero: false } },
          // Colour is the arm's (as in every chart); solid and dashed say which measure.
          color: { ...armColor(ctx), legend: null },
          strokeDash: {
            field: 'measure',
            type: 'nominal',
            title: null,
            scale: {
              domain: MEASURES,
              range: [
                [1, 0],
                [6, 4],
              ],
            },
            legend: {
              symbolType: 'stroke',
              symbolStrokeColor: '#333',
              symbolFillColor: '#333',
              symbolStrokeWidth: 2,
              symbolOpacity: 1,
              symbolSize: 300,
              labelLimit: 360,
            },
          },
          tooltip: [
            { field: 'arm' },
            { field: 't', title: 'year', format: '.2f' },
            { field: 'measure' },
            { field: 'value', format: '.1f' },
          ],
        },
      },
      resolve: { scale: { y: 'shared' } },
    },
  };
}
