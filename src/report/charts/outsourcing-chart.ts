import { periodMeans } from '../period-means.js';
import {
  ARM_LEGEND,
  armColor,
  type Chart,
  type ChartContext,
  fullPeriodsOnly,
  HEIGHT,
  periodWord,
  replicationNote,
  timeEncoding,
  timeValue,
  WIDTH,
} from './chart-context.js';

/** Does the scenario have an external provider (a reader group with `external`)? */
export function hasOutsourcing(ctx: ChartContext): boolean {
  return ctx.scenario.readers.some((g) => g.external !== undefined);
}

/** Studies sent to external providers each period, per arm, with their cost in the tooltip. */
export function outsourcingChart(ctx: ChartContext): Chart {
  const studies = periodMeans(ctx.runs, (r, k) => r.periods.outsourced?.[k] ?? 0, fullPeriodsOnly(ctx));
  const cost = periodMeans(ctx.runs, (r, k) => r.periods.outsourcing_cost?.[k] ?? 0, fullPeriodsOnly(ctx));
  // Arms that send nothing out are left off the lines (they are named in the caption).
  const used = new Set(
    ctx.runs.filter((arm) => arm.some((r) => (r.stats['outsourced.studies'] ?? 0) > 0)).map((arm) => arm[0]?.arm),
  );
  const values = studies
    .map((p, i) => ({ arm: p.arm, t: timeValue(ctx, p.startDays), studies: p.mean, cost: cost[i].mean }))
    .filter((v) => used.has(v.arm));
  const title = 'Studies sent to external providers (outsourcing)';
  const totals = ctx.runs
    .map((arm) => {
      const n = arm.length;
      const sum = (key: string) => arm.reduce((s, r) => s + (r.stats[key] ?? 0), 0) / n;
      return `${arm[0]?.arm}: ${Math.round(sum('outsourced.studies')).toLocaleString('en-GB')} studies, cost ${Math.round(sum('outsourced.cost')).toLocaleString('en-GB')}`;
    })
    .join('; ');
  return {
    name: 'outsourcing',
    title,
    caption: `Studies each ${periodWord(ctx)} that the external providers' policies sent out, per arm (${replicationNote(ctx)}); the tooltip gives their cost. Over the run, after the warm-up: ${totals}. Arms that send nothing out are not drawn; arms with the same policy draw the same line. A provider reads without a roster: each study comes back after its own turnaround draw.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: { text: title, subtitle: `studies sent out each ${periodWord(ctx)}, ${replicationNote(ctx)}` },
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: {
        x: timeEncoding(ctx),
        y: { field: 'studies', type: 'quantitative', title: `studies outsourced per ${periodWord(ctx)}` },
        color: { ...armColor(ctx), legend: ARM_LEGEND },
        tooltip: [
          { field: 'arm' },
          { field: 't', title: 'time' },
          { field: 'studies', format: ',.0f' },
          { field: 'cost', format: ',.0f' },
        ],
      },
    },
  };
}
