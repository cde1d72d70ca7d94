/**
 * The chart bundle's V8 code cache (src/report/chart-bundle.ts), made by scripts/build-cli.ts:
 * bundled by it and run with plain `node` (the cache is only accepted by the Node and V8 flags
 * that made it, as when `npm run build` runs on the machine that runs the command):
 *
 *   node chart-code-cache.mjs <dist/bin>
 *
 * Loads dist/bin/chart-svg.cjs without a cache, draws representative charts with it (every
 * chart of each bundled scenario, shortened to eight weeks, two replications: the charts' kinds,
 * not their data, decide which of vega's functions are compiled; a few seconds in all), then
 * writes the code cache of what was compiled beside it (chart-svg.cache), and the chart thread's
 * warm-up charts (chart-warmup.json: the first of each kind; a chart's ids are its own,
 * draw-svg.ts, so a warm-up chart changes nothing in the charts drawn after it).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runExperiment } from '../src/experiment/experiment.js';
import { CHART_BUNDLE_FILE, CHART_CACHE_FILE, CHART_WARMUP_FILE, loadChartBundle } from '../src/report/chart-bundle.js';
import type { VegaLiteSpec } from '../src/report/chart-config.js';
import { allCharts } from '../src/report/charts/all-charts.js';
import type { Chart } from '../src/report/charts/chart-context.js';
import { loadScenario } from '../src/scenario/load-scenario.js';

const outdir = resolve(process.argv[2] ?? '');
if (!process.argv[2]) throw new Error('usage: node chart-code-cache.mjs <folder of chart-svg.cjs>');
const bundle = loadChartBundle(join(outdir, CHART_BUNDLE_FILE));
if (!bundle) throw new Error(`no ${CHART_BUNDLE_FILE} in ${outdir}`);
const scenarios = resolve(outdir, '../../scenarios');
const files = readdirSync(scenarios)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** The charts of each bundled scenario, run over eight weeks after a week's warm-up, two replications. */
async function scenarioCharts(): Promise<Chart[]> {
  const charts: Chart[] = [];
  for (const file of files) {
    const loaded = loadScenario(join(scenarios, file), { set: ['horizon=8w', 'warmup=1w'] });
    const result = await runExperiment(loaded, { replications: 2, jobs: 1 });
    charts.push(...allCharts({ scenario: loaded.resolved, runs: result.runs, summary: result.summary }));
  }
  return charts;
}

const charts = await scenarioCharts();
const warmup = new Map<string, VegaLiteSpec>();
for (const chart of charts) {
  const { svg } = await bundle.drawSvg(chart.spec);
  if (!svg.startsWith('<svg')) throw new Error(`chart ${chart.name} drew no SVG`);
  if (!warmup.has(chart.name)) warmup.set(chart.name, chart.spec);
}
writeFileSync(join(outdir, CHART_CACHE_FILE), bundle.codeCache());
console.log(`${CHART_CACHE_FILE}: the code cache of ${CHART_BUNDLE_FILE} after drawing ${charts.length} charts`);
writeFileSync(join(outdir, CHART_WARMUP_FILE), `${JSON.stringify([...warmup.values()])}\n`);
console.log(`${CHART_WARMUP_FILE}: ${[...warmup.keys()].join(', ')}`);
