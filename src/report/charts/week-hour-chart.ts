import { WEEKDAYS, weekHourCells } from '../week-hours.js';
import { type Chart, type ChartContext, replicationNote, timeUnit } from './chart-context.js';

/**
 * Turnaround of the most urgent priority by the hour of the week the studies arrived in, one
 * panel per arm: where night and weekend cover falls short. Null when the runs have no table.
 */
export function weekHourChart(ctx: ChartContext): Chart | null {
  const top = ctx.scenario.priorities[0]?.name;
  const cells = weekHourCells(ctx.runs).filter((c) => c.priority === (ctx.scenario.priorities.length > 1 ? top : 'all'));
  if (cells.length === 0 || cells.every((c) => !Number.isFinite(c.tat_mean_min))) return null;
  const unit = timeUnit(Math.max(...cells.map((c) => c.tat_mean_min).filter(Number.isFinite)));
  const values = cells.map((c) => ({
    arm: c.arm,
    day: WEEKDAYS[c.weekday],
    hour: c.hour,
    tat: Number.isFinite(c.tat_mean_min) ? c.tat_mean_min / unit.per : null,
    studies: c.studies,
  }));
  const who = ctx.scenario.priorities.length > 1 ? `${top} studies` : 'studies';
  const title = `Turnaround of ${who} by hour of arrival`;
  const arms = ctx.scenario.arms.map((a) => a.name);
  return {
    name: 'turnaround-by-hour',
    title,
    caption: `Mean turnaround (${unit.name}) of ${who} by the weekday and hour they arrived in, per arm (${replicationNote(ctx)}; studies that arrived after the warm-up and were reported). Darker cells are the hours whose studies wait longest: typically nights and weekends, where the roster is thin. by_hour_of_week.csv holds the figures for every priority, with waits and the share within target.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: { text: title, subtitle: `mean turnaround in ${unit.name}, ${replicationNote(ctx)}` },
      data: { values },
      facet: { field: 'arm', type: 'nominal', title: null, sort: arms },
      columns: 2,
      spec: {
        width: 300,
        height: 150,
        mark: 'rect',
        encoding: {
          x: {
            field: 'hour',
            type: 'ordinal',
            title: 'hour of arrival',
            axis: { labelAngle: 0, values: [0, 3, 6, 9, 12, 15, 18, 21], grid: false },
          },
          y: { field: 'day', type: 'ordinal', title: null, sort: [...WEEKDAYS], axis: { grid: false } },
          color: {
            field: 'tat',
            type: 'quantitative',
            title: `turnaround (${unit.name})`,
            scale: { scheme: 'orangered' },
            legend: { direction: 'horizontal', titleLimit: 300 },
          },
          tooltip: [
            { field: 'arm' },
            { field: 'day' },
            { field: 'hour' },
            { field: 'tat', format: ',.1f' },
            { field: 'studies' },
          ],
        },
      },
    },
  };
}
