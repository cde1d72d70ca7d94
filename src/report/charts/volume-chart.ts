import type { RunResult } from '../../model/run-result.js';
import { periodLength } from '../period-means.js';
import { armColor, type Chart, type ChartContext, HEIGHT, replicationNote, WIDTH } from './chart-context.js';

/** Working days a year per radiologist: 250, the round figure behind "60 a working day" (Bhargavan-2009). */
export const WORKING_DAYS_PER_YEAR = 250;

/** Blocks of time the chart averages over: years for long runs, quarters or months for short ones. */
function blockDays(horizonDays: number): { days: number; word: string } {
  if (horizonDays >= 3 * 365) return { days: 365, word: 'year' };
  if (horizonDays >= 180) return { days: 365 / 4, word: 'quarter' };
  return { days: 365 / 12, word: 'month' };
}

/** 3. The volume argument: studies per radiologist per working day, over the years. */
export function volumeChart(ctx: ChartContext): Chart {
  const horizon = ctx.summary.horizon_days;
  const block = blockDays(horizon);
  const values: { arm: string; t: number; measure: string; value: number }[] = [];
  for (const armRuns of ctx.runs) {
    const first = armRuns[0];
    const blocks = new Map<number, number[]>();
    first.periods.period_start_days.forEach((d, k) => {
      const b = Math.floor(d / block.days + 1e-9);
      if (!blocks.has(b)) blocks.set(b, []);
      (blocks.get(b) as number[]).push(k);
    });
    for (const [b, ks] of blocks) {
      const days = ks.reduce((s, k) => s + periodLength(first, k, horizon), 0);
      if (days < 0.5 * block.days) continue; // a sliver of a block says nothing
      const perYear = 365 / days;
      const per = (r: RunResult, total: number) =>
        (total * perYear) / (ks.reduce((s, k) => s + r.periods.headcount[k], 0) / ks.length) / WORKING_DAYS_PER_YEAR;
      let demand = 0;
      let capacity = 0;
      for (const r of armRuns) {
        const arrivals = ks.reduce((s, k) => s + r.periods.arrivals[k], 0);
        const work = ks.reduce((s, k) => s + r.periods.workload_min[k], 0);
        const readingCapacity = ks.reduce((s, k) => s + r.periods.reading_capacity_min[k], 0);
        demand += per(r, arrivals);
        capacity += work > 0 ? per(r, (readingCapacity * arrivals) / work) : Number.NaN;
      }
      const t = Number(((b + 0.5) * (block.days / 365)).toFixed(4));
      values.push({ arm: first.arm, t, measure: 'studies arriving', value: demand / armRuns.length });
      if (Number.isFinite(capacity))
        values.push({ arm: first.arm, t, measure: 'studies one radiologist can read', value: capacity / armRuns.length });
    }
  }
  const title = 'The volume argument: studies per radiologist per working day';
  return {
    name: 'volume-per-radiologist',
    title,
    caption: `Studies per ${block.word}, as a yearly rate, divided by the radiologists' headcount and ${WORKING_DAYS_PER_YEAR} working days (solid), against what one radiologist's rostered reading time can report at that ${block.word}'s mean reading work per study (dashed; AI that shortens or removes reads raises it). With a fixed headcount the solid line climbs with the volume while the dashed one stays flat; once solid passes dashed, every extra study joins the backlog.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: { text: title, subtitle: `each ${block.word}, ${replicationNote(ctx)}` },
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      mark: { type: 'line', point: { size: 40 }, strokeWidth: 2 },
      encoding: {
        x: { field: 't', type: 'quantitative', title: 'years from the start' },
        y: { field: 'value', type: 'quantitative', title: 'studies per radiologist per working day', scale: { zero: false } },
        color: { ...armColor(ctx), legend: { symbolType: 'stroke', symbolStrokeWidth: 3 } },
        strokeDash: {
          field: 'measure',
          type: 'nominal',
          title: null,
          scale: {
            domain: ['studies arriving', 'studies one radiologist can read'],
            range: [
              [1, 0],
              [6, 4],
            ],
          },
          legend: { symbolType: 'stroke', symbolStrokeWidth: 2, symbolStrokeColor: '#333', labelLimit: 320, columns: 1 },
        },
        tooltip: [{ field: 'arm' }, { field: 't', title: 'years' }, { field: 'measure' }, { field: 'value', format: '.1f' }],
      },
    },
  };
}
