import { estimate } from '../../formulas/confidence-interval.js';
import { parseDuration } from '../../scenario/units.js';
import { periodLength } from '../period-means.js';
import {
  armColor,
  type Chart,
  type ChartContext,
  periodDays,
  periodWord,
  replicationNote,
  timeEncoding,
  timeUnit,
  timeValue,
} from './chart-context.js';

const STATS = [
  ['median (p50)', 'tat_p50_min'],
  ['90th percentile (p90)', 'tat_p90_min'],
] as const;

/** 4. Turnaround p50 and p90 by priority over time, against each priority's target. */
export function turnaroundChart(ctx: ChartContext): Chart {
  const per = periodWord(ctx);
  const panels = ctx.scenario.priorities.map((p) => {
    const target = p.target === undefined ? null : parseDuration(p.target);
    const points: { arm: string; t: number | string; stat: string; minutes: number }[] = [];
    for (const armRuns of ctx.runs) {
      const first = armRuns[0];
      first.periods.period.forEach((_, k) => {
        if (periodLength(first, k, ctx.summary.horizon_days) < 0.99 * periodDays(ctx)) return;
        for (const [stat, col] of STATS) {
          const e = estimate(armRuns.map((r) => r.priorityPeriods[p.name][col][k]));
          if (Number.isFinite(e.mean))
            points.push({ arm: first.arm, t: timeValue(ctx, first.periods.period_start_days[k]), stat, minutes: e.mean });
        }
      });
    }
    // The unit suits the data; the target is drawn when it is on the same scale.
    const top = Math.max(0, ...points.map((x) => x.minutes));
    const showTarget = target !== null && (top === 0 || target <= 4 * top);
    const unit = timeUnit(Math.max(top, showTarget && target !== null ? target : 0));
    const values = points.map((x) => ({ ...x, value: x.minutes / unit.per }));
    const layers: Record<string, unknown>[] = [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 1.6 },
        encoding: {
          x: timeEncoding(ctx),
          y: { field: 'value', type: 'quantitative', title: `turnaround (${unit.name})` },
          color: armColor(ctx),
          strokeDash: {
            field: 'stat',
            type: 'nominal',
            title: null,
            scale: {
              domain: STATS.map((s) => s[0]),
              range: [
                [5, 3],
                [1, 0],
              ],
            },
            legend: { symbolType: 'stroke', symbolStrokeWidth: 2 },
          },
        },
      },
    ];
    if (showTarget && target !== null) {
      layers.push({
        data: { values: [{ target: target / unit.per, label: `target ${p.target}` }] },
        layer: [
          {
            mark: { type: 'rule', color: '#555', strokeWidth: 1.5, strokeDash: [2, 2] },
            encoding: { y: { field: 'target', type: 'quantitative' } },
          },
          {
            mark: { type: 'text', align: 'left', dx: 4, dy: -7, color: '#333', fontSize: 12 },
            encoding: { y: { field: 'target', type: 'quantitative' }, x: { value: 0 }, text: { field: 'label' } },
          },
        ],
      });
    }
    const heading =
      target === null
        ? p.name
        : showTarget
          ? `${p.name} (target ${p.target})`
          : `${p.name} (target ${p.target}, far above these turnarounds)`;
    return { title: { text: heading, fontSize: 14, anchor: 'start' }, width: 640, height: 170, layer: layers };
  });
  const title = 'Turnaround by priority';
  return {
    name: 'turnaround',
    title,
    caption: `Median (dashed) and 90th percentile (solid) time from arrival to report of the studies reported in each ${per}, by priority and arm (${replicationNote(ctx)}), against the priority's target (dotted grey line). Studies cleared by an AI count with a turnaround of 0; studies still unreported at the end are not in these figures (see the backlog).`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: { text: title, subtitle: `time from arrival to report, studies reported each ${per}` },
      vconcat: panels,
      resolve: { scale: { y: 'independent', color: 'shared', strokeDash: 'shared' } },
    },
  };
}
