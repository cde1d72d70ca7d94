import { backlogChart } from './backlog-chart.js';
import type { Chart, ChartContext } from './chart-context.js';
import { demandCapacityChart } from './demand-capacity-chart.js';
import { turnaroundChart } from './turnaround-chart.js';
import { utilisationChart } from './utilisation-chart.js';
import { volumeChart } from './volume-chart.js';
import { waitsByCallChart } from './waits-by-call-chart.js';

/** The report's six charts, in the order the report shows them. */
export function allCharts(ctx: ChartContext): Chart[] {
  return [
    backlogChart(ctx),
    demandCapacityChart(ctx),
    volumeChart(ctx),
    turnaroundChart(ctx),
    waitsByCallChart(ctx),
    utilisationChart(ctx),
  ];
}
