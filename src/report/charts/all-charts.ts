import { backlogChart } from './backlog-chart.js';
import type { Chart, ChartContext } from './chart-context.js';
import { demandCapacityChart } from './demand-capacity-chart.js';
import { hasImages, imagesChart } from './images-chart.js';
import { outcomesChart } from './outcomes-chart.js';
import { hasOutsourcing, outsourcingChart } from './outsourcing-chart.js';
import { turnaroundChart } from './turnaround-chart.js';
import { utilisationChart } from './utilisation-chart.js';
import { volumeChart } from './volume-chart.js';
import { hasTriage, waitsByCallChart } from './waits-by-call-chart.js';
import { weekHourChart } from './week-hour-chart.js';

/**
 * The report's charts, in the order the report shows them, each only where it says something:
 * backlog, demand and capacity, volume, turnaround and utilisation always; the hour-of-week
 * heatmap where it applies; images beside the volume chart when a stream gives images per study;
 * outsourcing when a reader group is an external provider; the waits by AI call when a triage
 * tool sorts studies by its call; the outcomes chart where it applies.
 */
export function allCharts(ctx: ChartContext): Chart[] {
  const charts = [
    backlogChart(ctx),
    demandCapacityChart(ctx),
    volumeChart(ctx),
    ...(hasImages(ctx) ? [imagesChart(ctx)] : []),
    ...(hasOutsourcing(ctx) ? [outsourcingChart(ctx)] : []),
    turnaroundChart(ctx),
    ...(hasTriage(ctx) ? [waitsByCallChart(ctx)] : []),
    utilisationChart(ctx),
  ];
  const week = weekHourChart(ctx);
  if (week) charts.splice(4, 0, week);
  const outcomes = outcomesChart(ctx);
  if (outcomes) charts.push(outcomes);
  return charts;
}
