import { DAY } from '../../engine/index.js';
import type { Summary } from '../../experiment/summary.js';
import type { RunResult } from '../../model/run-result.js';
import type { ResolvedScenario } from '../../scenario/resolve.js';
import { PERIODS } from '../../scenario/units.js';
import type { VegaLiteSpec } from '../chart-config.js';

/** What a chart is made from: the resolved scenario, the runs [arm][replication] and the summary. */
export interface ChartContext {
  scenario: ResolvedScenario;
  runs: RunResult[][];
  summary: Summary;
}

/** A chart: its file name, the sentence under it in the report, and its Vega-Lite spec. */
export interface Chart {
  name: string;
  title: string;
  caption: string;
  spec: VegaLiteSpec;
}

export const WIDTH = 640;
export const HEIGHT = 300;

/** Arms in scenario order, so that each arm keeps its colour in every chart. */
export function armScale(ctx: ChartContext) {
  return { domain: ctx.scenario.arms.map((a) => a.name) };
}

export function armColor(ctx: ChartContext) {
  return { field: 'arm', type: 'nominal', title: 'arm', scale: armScale(ctx), sort: ctx.scenario.arms.map((a) => a.name) };
}

/** A legend of arms drawn as lines (the same in every layer, so that layers share it). */
export const ARM_LEGEND = { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1, labelLimit: 320 };

/** The reporting period as a word: "week". */
export function periodWord(ctx: ChartContext): string {
  return ctx.scenario.period;
}

/** Length of the reporting period in days. */
export function periodDays(ctx: ChartContext): number {
  return PERIODS[ctx.scenario.period] / DAY;
}

/** For periodMeans: leave out a last period cut short by the horizon. */
export function fullPeriodsOnly(ctx: ChartContext) {
  return { fullDays: periodDays(ctx), horizonDays: ctx.summary.horizon_days };
}

/** x position of a period start: a date when the scenario has a start date, else years from start. */
export function timeValue(ctx: ChartContext, startDays: number): number | string {
  if (ctx.scenario.start) {
    const d = new Date(`${ctx.scenario.start}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + Math.round(startDays));
    return d.toISOString().slice(0, 10);
  }
  return Number((startDays / 365).toFixed(5));
}

export function timeEncoding(ctx: ChartContext) {
  return ctx.scenario.start
    ? { field: 't', type: 'temporal', title: 'date' }
    : { field: 't', type: 'quantitative', title: 'years from the start', axis: { tickMinStep: 0.25 } };
}

/** A unit that suits a time in minutes: minutes below 2 h, hours below 3 days, else days. */
export function timeUnit(minutes: number): { name: string; per: number } {
  if (!(minutes >= 120)) return { name: 'minutes', per: 1 };
  if (minutes < 3 * 24 * 60) return { name: 'hours', per: 60 };
  return { name: 'days', per: 24 * 60 };
}

export function replicationNote(ctx: ChartContext): string {
  const n = ctx.runs[0]?.length ?? 0;
  return n > 1 ? `mean of ${n} replications` : 'one replication';
}

export function warmupNote(ctx: ChartContext): string {
  return ctx.summary.warmup_days > 0
    ? ` The first ${ctx.summary.warmup_days} days are a warm-up, left out of the summary statistics.`
    : '';
}
