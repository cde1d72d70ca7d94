/**
 * The reference results the regression test (tests/scenarios/reference-results.test.ts) compares
 * against: summary.json of every bundled scenario over a short horizon, and the `verify --quick`
 * rows, computed on one thread.
 *
 *   npm run fixture:reference   rewrites tests/fixtures/reference-results/ from this checkout
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

export const REFERENCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/reference-results');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(REFERENCE_DIR, { recursive: true });
  for (const [name, json] of Object.entries(await referenceSummaries())) {
    writeFileSync(join(REFERENCE_DIR, `${name}.summary.json`), json);
  }
  writeFileSync(join(REFERENCE_DIR, 'verify-quick.json'), await referenceVerifyRows());
  process.stdout.write(`reference results written to ${REFERENCE_DIR}\n`);
}
