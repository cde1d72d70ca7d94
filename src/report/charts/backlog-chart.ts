import { periodMeans } from '../period-means.js';
import {
  ARM_LEGEND,
  armColor,
  type Chart,
  type ChartContext,
  HEIGHT,
  periodDays,
  periodWord,
  replicationNote,
  timeEncoding,
  timeValue,
  WIDTH,
  warmupNote,
} from './chart-context.js';

/** 1. The backlog over time, one line per arm, with the 95% band across replications. */
export function backlogChart(ctx: ChartContext): Chart {
  const values = periodMeans(ctx.runs, 'backlog_end').map((p) => ({
    arm: p.arm,
    t: timeValue(ctx, Math.min(p.startDays + periodDays(ctx), ctx.summary.horizon_days)),
    backlog: p.mean,
    lo: Math.max(0, p.lo),
    hi: p.hi,
  }));
  const x = timeEncoding(ctx);
  const title = 'Unreported studies (the backlog)';
  return {
    name: 'backlog',
    title,
    caption: `Studies waiting to be reported at the end of each ${periodWord(ctx)}, per arm (${replicationNote(ctx)}; the band is the 95% interval across replications). A line that levels off is a queue in balance; one that keeps climbing means demand has passed reading capacity and the backlog grows without limit.${warmupNote(ctx)}`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: {
        text: title,
        subtitle: `studies waiting at the end of each ${periodWord(ctx)}, ${replicationNote(ctx)}, 95% band`,
      },
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      encoding: { x },
      layer: [
        {
          mark: { type: 'area', opacity: 0.18 },
          encoding: {
            y: { field: 'lo', type: 'quantitative' },
            y2: { field: 'hi' },
            color: { ...armColor(ctx), legend: ARM_LEGEND },
          },
        },
        {
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            color: { ...armColor(ctx), legend: ARM_LEGEND },
            y: { field: 'backlog', type: 'quantitative', title: 'studies waiting to be reported' },
            tooltip: [{ field: 'arm' }, { field: 't', title: 'time' }, { field: 'backlog', format: ',.0f' }],
          },
        },
      ],
    },
  };
}
