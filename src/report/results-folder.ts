import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { dump } from 'js-yaml';
import type { ExperimentResult } from '../experiment/experiment.js';
import { metricNames } from '../experiment/summary.js';
import { allCharts } from './charts/all-charts.js';
import { csvLine, periodsCsv, priorityPeriodsCsv } from './csv.js';
import { htmlReport } from './html-report.js';
import { CHART_CONFIG, renderChart } from './render-chart.js';

/** replications.csv: one row per arm x replication x statistic (every statistic of summary.json, per run). */
export function replicationsCsv(result: ExperimentResult): string {
  let out = csvLine(['arm', 'replication', 'metric', 'value']);
  for (const armRuns of result.runs) {
    for (const name of metricNames(armRuns))
      for (const r of armRuns) out += csvLine([r.arm, r.replication + 1, name, r.stats[name]]);
  }
  return out;
}

/**
 * Writes the results folder atomically: everything goes into a sibling temporary folder that
 * is renamed into place at the end, so that a failed or interrupted run leaves no half-written
 * results. Returns the files written, relative to the folder.
 */
export async function writeResults(
  result: ExperimentResult,
  outDir: string,
  options: { signal?: AbortSignal } = {},
): Promise<string[]> {
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = `${outDir}.partial-${stamp}`;
  const files: string[] = [];
  const put = async (name: string, data: string | Buffer) => {
    if (options.signal?.aborted) throw Object.assign(new Error('the run was interrupted'), { name: 'AbortError' });
    await mkdir(dirname(join(tmp, name)), { recursive: true });
    await writeFile(join(tmp, name), data);
    files.push(name);
  };
  try {
    await mkdir(tmp, { recursive: true });
    const scenario = result.scenario.resolved;
    await put(
      'scenario.resolved.yaml',
      `# ${scenario.name}: the scenario as run, every default filled in (readsim)\n${dump(scenario, { lineWidth: 120 })}`,
    );
    await put('summary.json', `${JSON.stringify(result.summary, null, 2)}\n`);
    await put('periods.csv', periodsCsv(result.runs));
    await put('periods_by_priority.csv', priorityPeriodsCsv(result.runs));
    await put('replications.csv', replicationsCsv(result));
    const rendered = [];
    for (const chart of allCharts({ scenario, runs: result.runs, summary: result.summary })) {
      const { svg, png } = await renderChart(chart.spec);
      await put(`charts/${chart.name}.vl.json`, `${JSON.stringify({ config: CHART_CONFIG, ...chart.spec }, null, 2)}\n`);
      await put(`charts/${chart.name}.svg`, svg);
      await put(`charts/${chart.name}.png`, png);
      rendered.push({ chart, svg });
    }
    await put('report.html', htmlReport({ scenario, summary: result.summary, charts: rendered }));
    await replaceDir(tmp, outDir, stamp);
    return files;
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Puts `from` where `to` is, moving an older `to` aside first and removing it after. */
export async function replaceDir(from: string, to: string, stamp: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const old = `${to}.old-${stamp}`;
  let moved = false;
  try {
    await rename(to, old);
    moved = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    await rename(from, to);
  } catch (e) {
    if (moved) await rename(old, to);
    throw e;
  }
  if (moved) await rm(old, { recursive: true, force: true });
}
