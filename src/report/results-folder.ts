import { dump } from 'js-yaml';
import type { ExperimentResult } from '../experiment/experiment.js';
import { metricNames, summaryJson } from '../experiment/summary.js';
import { formatsHavePng, putDrawnChart, writeFolderAtomically } from './atomic-folder.js';
import { allCharts } from './charts/all-charts.js';
import type { Chart } from './charts/chart-context.js';
import { csvText, periodsCsv, priorityPeriodsCsv } from './csv.js';
import { htmlReport } from './html-report.js';
import { type ChartFormats, type ChartRenderer, renderChart } from './render-chart.js';
import { weekHoursCsv } from './week-hours.js';

/** replications.csv: one row per arm x replication x statistic (every statistic of summary.json, per run). */
export function replicationsCsv(result: ExperimentResult): string {
  const rows: unknown[][] = [];
  for (const armRuns of result.runs) {
    for (const name of metricNames(armRuns)) for (const r of armRuns) rows.push([r.arm, r.replication + 1, name, r.stats[name]]);
  }
  return csvText(['arm', 'replication', 'metric', 'value'], rows);
}

/**
 * Writes the results folder atomically (a failed or interrupted run leaves no half-written
 * results). Returns the files written, relative to the folder. `charts` says which chart files
 * to write (default 'svg': report.html embeds the SVGs; 'png' and 'all' add PNGs for slides;
 * 'none' draws no chart, and report.html then has the tables only). `draw` draws the charts
 * (default renderChart, in this thread; a command passes its chart thread's).
 */
export async function writeResults(
  result: ExperimentResult,
  outDir: string,
  options: { signal?: AbortSignal; charts?: ChartFormats; draw?: ChartRenderer } = {},
): Promise<string[]> {
  const formats = options.charts ?? 'svg';
  return writeFolderAtomically(
    outDir,
    async (put) => {
      const scenario = result.scenario.resolved;
      // The charts are started first: on a chart thread they are drawn while the tables are written.
      const charts = formats === 'none' ? [] : allCharts({ scenario, runs: result.runs, summary: result.summary });
      const draw = options.draw ?? renderChart;
      const drawn = charts.map((chart) => draw(chart.spec, { png: formatsHavePng(formats) }));
      // A failure is thrown below, where the chart is waited for.
      for (const d of drawn) d.catch(() => {});
      const rendered: { chart: Chart; svg: string }[] = [];
      await put(
        'scenario.resolved.yaml',
        `# ${scenario.name}: the scenario as run, every default filled in (readsim)\n${dump(scenario, { lineWidth: 120 })}`,
      );
      await put('summary.json', summaryJson(result.summary));
      await put('periods.csv', periodsCsv(result.runs));
      await put('periods_by_priority.csv', priorityPeriodsCsv(result.runs));
      await put('replications.csv', replicationsCsv(result));
      await put('by_hour_of_week.csv', weekHoursCsv(result.runs));
      if (formats !== 'none')
        for (const [i, chart] of charts.entries())
          rendered.push({ chart, svg: await putDrawnChart(put, chart.name, chart.spec, formats, await drawn[i]) });
      await put('report.html', htmlReport({ scenario, summary: result.summary, charts: rendered }));
    },
    options.signal,
  );
}
