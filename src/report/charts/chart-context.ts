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

/**
 * The arms' colours, in scenario order (Vega's "tableau10", written out so that the report can
 * show the same colour beside each arm's name): arm i has ARM_COLOURS[i mod 10] in every chart.
 * Charts that colour something else (a measure) use greys, so a colour always means an arm.
 */
export const ARM_COLOURS = [
  '#4c78a8',
  '#f58518',
  '#e45756',
  '#72b7b2',
  '#54a24b',
  '#eeca3b',
  '#b279a2',
  '#ff9da6',
  '#9d755d',
  '#bab0ac',
] as const;

/** The colour of each arm of a scenario, in scenario order. */
export function armColours(scenario: { arms: { name: string }[] }): string[] {
  return scenario.arms.map((_, i) => ARM_COLOURS[i % ARM_COLOURS.length]);
}

/** Arms in scenario order with their fixed colours, so that each arm keeps its colour in every chart. */
export function armScale(ctx: ChartContext) {
  return { domain: ctx.scenario.arms.map((a) => a.name), range: armColours(ctx.scenario) };
}

export function armColor(ctx: ChartContext) {
  return { field: 'arm', type: 'nominal', title: 'arm', scale: armScale(ctx), sort: ctx.scenario.arms.map((a) => a.name) };
}

/** A legend of arms drawn as lines (the same in every layer, so that layers share it). */
/**
 * Two layers for a bar chart of means: each bar's confidence interval (fields `lo`, `hi`) as a
 * black rule, and its value (field `mean`) printed above the interval, so the bars read
 * without the axis.
 */
export function intervalLayers() {
  return [
    {
      mark: { type: 'rule', color: 'black' },
      encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color: { value: 'black' } },
    },
    {
      mark: { type: 'text', dy: -6, fontSize: 10, color: '#222', baseline: 'bottom' },
      encoding: {
        y: { field: 'hi', type: 'quantitative' },
        text: { field: 'mean', format: ',.3~r' },
        color: { value: '#222' },
      },
    },
  ];
}

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

/**
 * x position of a time `days` after the start: with a start date, the calendar year as a
 * decimal (2026.5 is the middle of 2026); without, years from the start. Every chart with a
 * time axis uses it with timeEncoding, so all of them show years the same way.
 */
export function timeValue(ctx: ChartContext, days: number): number {
  const start = ctx.scenario.start;
  if (start) {
    const d = new Date(`${start}T00:00:00Z`);
    const year = d.getUTCFullYear();
    const yearStart = Date.UTC(year, 0, 1);
    const yearDays = (Date.UTC(year + 1, 0, 1) - yearStart) / 86_400_000;
    return Number((year + ((d.getTime() - yearStart) / 86_400_000 + days) / yearDays).toFixed(5));
  }
  return Number((days / 365).toFixed(5));
}

/** The time axis: calendar years with a start date ("2026", "2027"), else years from the start. */
export function timeEncoding(ctx: ChartContext) {
  return ctx.scenario.start
    ? { field: 't', type: 'quantitative', title: 'year', scale: { zero: false }, axis: { format: 'd', tickMinStep: 1 } }
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
