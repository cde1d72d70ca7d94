/**
 * The reference results the regression test (tests/scenarios/reference-results.test.ts) compares
 * against: summary.json of every bundled scenario over a short horizon, and the `verify --quick`
 * rows, computed on one thread. Also readme-runs.json: the statistics README.md quotes from full
 * runs of the bundled scenarios (tests/readme-numbers.test.ts compares the README with it, so
 * the README cannot drift from the results; these runs take a few CPU minutes).
 *
 *   npm run fixture:reference            rewrites tests/fixtures/reference-results/ from this checkout
 *   npm run fixture:reference -- readme  rewrites readme-runs.json only
 *
 * Rerun it (and commit the files) only when a change is meant to change the model's results,
 * e.g. a new rule of the model; a change that only makes readsim faster must leave them alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExperiment } from '../src/experiment/experiment.js';
import { runVerification } from '../src/experiment/verification.js';
import { listBundledScenarios } from '../src/scenario/bundled-scenarios.js';
import { loadScenario } from '../src/scenario/load-scenario.js';

/** Short runs, so that the test stays quick: long enough for a backlog, every arm, two replications. */
export const REFERENCE_SET = ['horizon=10w', 'warmup=1w'];
export const REFERENCE_REPLICATIONS = 2;

/** summary.json (as results-folder writes it) of each bundled scenario's short run, by name. */
export async function referenceSummaries(jobs = 1): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const s of listBundledScenarios()) {
    const scenario = loadScenario(s.file, { set: REFERENCE_SET });
    const r = await runExperiment(scenario, { replications: REFERENCE_REPLICATIONS, jobs });
    out[s.name] = `${JSON.stringify(r.summary, null, 2)}\n`;
  }
  return out;
}

/** The rows of `readsim verify --quick --format json` (seed 2026). */
export async function referenceVerifyRows(jobs = 1): Promise<string> {
  return `${JSON.stringify(await runVerification({ quick: true, seed: 2026, jobs }), null, 2)}\n`;
}

/** The full runs README.md quotes, and the statistics of summary.json it quotes from each (means per arm). */
export const README_RUNS: Record<string, string[]> = {
  'widening-gap': ['studies.backlog_end', 'by_year.1.target_met_share.emergency'],
  'ed-head-ct-triage': ['wait.all', 'wait.by_ai_call.ich-triage.TP', 'wait.by_ai_call.ich-triage.FN'],
};

/** One README run: how it ran and, per arm, the mean of each quoted statistic. */
export interface ReadmeRun {
  replications: number;
  seed: number;
  horizon_days: number;
  arms: Record<string, Record<string, number | null>>;
}

function meanAt(arm: Record<string, unknown>, path: string): number | null {
  let node: unknown = arm;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node as { mean?: number | null } | undefined)?.mean ?? null;
}

/** readme-runs.json: each of {@link README_RUNS} run as `readsim run` runs it (the scenario's own horizon, replications and seed). */
export async function readmeRuns(jobs?: number): Promise<string> {
  const out: Record<string, ReadmeRun> = {};
  for (const [name, stats] of Object.entries(README_RUNS)) {
    const r = await runExperiment(loadScenario(`scenarios/${name}.yaml`), { jobs });
    out[name] = {
      replications: r.summary.replications,
      seed: r.summary.seed,
      horizon_days: r.summary.horizon_days,
      arms: Object.fromEntries(r.summary.arms.map((a) => [a.name, Object.fromEntries(stats.map((s) => [s, meanAt(a, s)]))])),
    };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

export const REFERENCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/reference-results');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(REFERENCE_DIR, { recursive: true });
  if (process.argv[2] !== 'readme') {
    for (const [name, json] of Object.entries(await referenceSummaries())) {
      writeFileSync(join(REFERENCE_DIR, `${name}.summary.json`), json);
    }
    writeFileSync(join(REFERENCE_DIR, 'verify-quick.json'), await referenceVerifyRows());
  }
  // The full runs on every core: their results do not depend on the number of threads.
  writeFileSync(join(REFERENCE_DIR, 'readme-runs.json'), await readmeRuns());
  process.stdout.write(`reference results written to ${REFERENCE_DIR}\n`);
}
