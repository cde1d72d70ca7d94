import { parseShare } from '../../scenario/units.js';
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

/** 6. Utilisation and overtime over time. */
export function utilisationChart(ctx: ChartContext): Chart {
  const per = periodWord(ctx);
  const util = periodMeans(ctx.runs, 'utilisation', fullPeriodsOnly(ctx)).map((p) => ({
    arm: p.arm,
    t: timeValue(ctx, p.startDays),
    value: p.mean,
  }));
  const over = periodMeans(ctx.runs, 'overtime_min', fullPeriodsOnly(ctx)).map((p) => ({
    arm: p.arm,
    t: timeValue(ctx, p.startDays),
    value: p.mean / 60,
  }));
  // The most reading a roster allows: its efficiency (rostered-hours weighted over the groups).
  const groups = ctx.scenario.readers;
  const weights = groups.map((g) => g.roster.reduce((s, r) => s + r.on, 0) || g.count);
  const total = weights.reduce((a, b) => a + b, 0);
  const ceiling = total > 0 ? groups.reduce((s, g, i) => s + parseShare(g.efficiency) * weights[i], 0) / total : 1;
  const x = timeEncoding(ctx);
  const title = 'Utilisation and overtime';
  return {
    name: 'utilisation-overtime',
    title,
    caption: `Top: share of rostered time spent reading per ${per} (${replicationNote(ctx)}); it cannot pass the efficiency, the share of a shift left for reading (dashed line, ${Math.round(ceiling * 100)}%), except by overtime. Bottom: hours read past the end of shifts per ${per} (readers finishing the study in hand).`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: { text: title, subtitle: `per ${per}, ${replicationNote(ctx)}` },
      vconcat: [
        {
          width: 640,
          height: 190,
          layer: [
            {
              data: { values: util },
              mark: { type: 'line', strokeWidth: 1.6 },
              encoding: {
                x,
                y: {
                  field: 'value',
                  type: 'quantitative',
                  title: 'reading time / rostered time',
                  axis: { format: '.0%' },
                  scale: { domain: [0, 1] },
                },
                color: armColor(ctx),
              },
            },
            {
              data: { values: [{ ceiling }] },
              mark: { type: 'rule', strokeDash: [6, 4], color: '#555' },
              encoding: { y: { field: 'ceiling', type: 'quantitative' } },
            },
          ],
        },
        {
          width: 640,
          height: 150,
          data: { values: over },
          mark: { type: 'line', strokeWidth: 1.6 },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative', title: `overtime (hours per ${per})` },
            color: armColor(ctx),
          },
        },
      ],
      resolve: { scale: { color: 'shared' } },
    },
  };
}
