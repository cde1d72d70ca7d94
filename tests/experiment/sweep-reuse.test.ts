/** A sweep simulates once the runs its variants leave exactly as another variant has them, and gives the same results. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planExperiment, runExperiment } from '../../src/experiment/experiment.js';
import { summaryJson } from '../../src/experiment/summary.js';
import { parseVary, planSweep, runSweep, type SweepResult, sweepVariants } from '../../src/experiment/sweep.js';
import { estimateWork } from '../../src/experiment/work-estimate.js';
import { SWEEP_HEADLINES, sweepCsv, sweepDifferencesCsv } from '../../src/report/sweep-output.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { readsim } from '../support/cli.js';

/** Three arms (no-ai; triage-95: the triage tool on, at its own sensitivity of 0.95; plus-one: 7 readers), 4 weeks, 3 replications. */
const FIXTURE = 'tests/fixtures/sweep-reuse.yaml';

/** Everything a sweep writes or prints from its results, as text: CSVs, every variant's summary.json and every run. */
function outputs(sweep: SweepResult): string[] {
  return [
    sweepCsv(sweep, [...SWEEP_HEADLINES, 'wait.by_priority.stat']),
    sweepDifferencesCsv(sweep, 'wait.all'),
    ...sweep.results.map((r) => summaryJson(r.summary)),
    ...sweep.results.map((r) => JSON.stringify(r.runs)),
  ];
}

/** Runs a sweep, counting the runs simulated (one progress call each). */
async function sweepCounted(
  vary: string[],
  options: { reuse?: boolean; jobs?: number; signal?: AbortSignal; set?: string[] } = {},
) {
  const axes = vary.map((v) => parseVary(v) ?? { path: v, values: [] });
  const variants = sweepVariants(FIXTURE, axes, { set: options.set });
  let simulated = 0;
  let total = 0;
  const sweep = await runSweep(variants, axes, {
    jobs: 1,
    ...options,
    onProgress: (_done, all) => {
      simulated++;
      total = all;
    },
  });
  return { sweep, simulated, total, variants };
}

describe('sweeps reuse runs a variant does not change', () => {
  it('an arm that overrides the varied field, and arms a change to another arm leaves alone: simulated once, same results', async () => {
    // ai.ich-triage.sensitivity: triage-95 sets its own 0.95, so it is the same in both values.
    // arms.plus-one...: only plus-one changes, no-ai and triage-95 are as in the value before.
    const vary = ['ai.ich-triage.sensitivity=0.8,0.9', 'arms.plus-one.readers.general.count=7,8'];
    const reused = await sweepCounted(vary);
    const every = await sweepCounted(vary, { reuse: false });
    expect(every.simulated).toBe(36); // 4 variants x 3 arms x 3 replications
    expect(every.sweep.reused).toBe(0);
    // Simulated: (0.8, 7) all 9; (0.8, 8) plus-one 3; (0.9, 7) no-ai and plus-one 6; (0.9, 8) plus-one 3.
    expect(reused.simulated).toBe(21);
    expect(reused.total).toBe(21);
    expect(reused.sweep).toMatchObject({ runs: 36, reused: 15 });
    expect(outputs(reused.sweep)).toEqual(outputs(every.sweep));
    // The reused runs carry their own arm's name.
    expect(reused.sweep.results[1].runs.map((runs) => runs[0].arm)).toEqual(['no-ai', 'triage-95', 'plus-one']);
    // The work estimate counts the runs simulated, as the plan does.
    const scenarios = reused.variants.map((v) => v.scenario);
    expect(estimateWork(scenarios, { jobs: 1 }).runs).toBe(21);
    expect(planSweep(reused.variants).tasks).toHaveLength(21);
    expect(estimateWork(scenarios, { jobs: 1, reuse: false }).runs).toBe(36);
  });

  it('two values that resolve to the same department: the second variant is all reused, with one thread or two', async () => {
    const vary = ['readers.general.count=6,6.0,5'];
    const reused = await sweepCounted(vary);
    expect(reused.simulated).toBe(18);
    expect(reused.sweep.reused).toBe(9);
    const every = await sweepCounted(vary, { reuse: false });
    expect(every.simulated).toBe(27);
    expect(outputs(reused.sweep)).toEqual(outputs(every.sweep));
    // Two worker threads (the signal keeps the runs off this thread), a longer horizon so that
    // the pool is used: the same results, and only the tasks simulated counted.
    const big = ['readers.general.count=6,6.0'];
    const set = ['horizon=40w', 'replications=2'];
    const one = await sweepCounted(big, { jobs: 1, set });
    const two = await sweepCounted(big, { jobs: 2, set, signal: new AbortController().signal });
    const oneEvery = await sweepCounted(big, { jobs: 1, set, reuse: false });
    expect(
      estimateWork(
        one.variants.map((v) => v.scenario),
        { jobs: 2 },
      ).studies,
    ).toBeGreaterThan(100_000);
    expect([one.simulated, two.simulated, oneEvery.simulated]).toEqual([6, 6, 12]);
    expect(outputs(two.sweep)).toEqual(outputs(one.sweep));
    expect(outputs(oneEvery.sweep)).toEqual(outputs(one.sweep));
  }, 60_000);

  it('a sweep whose every variant changes every arm simulates every run, in the same order as before', async () => {
    const vary = ['readers.general.count=5,6'];
    const axes = vary.map((v) => parseVary(v) ?? { path: v, values: [] });
    const variants = sweepVariants(FIXTURE, axes);
    const batch = planSweep(variants);
    const plans = variants.map((v) => planExperiment(v.scenario, {}));
    expect(batch.reused).toBe(0);
    expect(batch.tasks).toEqual(plans.flatMap((p) => p.runs));
    const reused = await sweepCounted(vary);
    const every = await sweepCounted(vary, { reuse: false });
    expect(reused.simulated).toBe(18);
    expect(reused.sweep.reused).toBe(0);
    expect(outputs(reused.sweep)).toEqual(outputs(every.sweep));
  });

  it('a run whose arm changes nothing simulates it once: the same summary as simulating it', async () => {
    const scenario = loadScenario(FIXTURE, {
      set: ['arms=[{name: baseline}, {name: same again}, {name: plus-one, readers: {general: {count: 7}}}]'],
    });
    const plan = planExperiment(scenario, {});
    expect(plan.runs).toHaveLength(9);
    expect(plan.tasks).toHaveLength(6);
    expect(plan.reused).toBe(3);
    let simulated = 0;
    const reused = await runExperiment(scenario, { jobs: 1, onProgress: () => simulated++ });
    const every = await runExperiment(scenario, { jobs: 1, reuse: false });
    expect(simulated).toBe(6);
    expect(summaryJson(reused.summary)).toBe(summaryJson(every.summary));
    expect(JSON.stringify(reused.runs)).toBe(JSON.stringify(every.runs));
    expect(reused.runs[1].map((r) => r.arm)).toEqual(['same again', 'same again', 'same again']);
  });

  it('the command line says how many runs it reused', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'readsim-sweep-reuse-'));
    const r = readsim([
      'sweep',
      FIXTURE,
      '--vary',
      'readers.general.count=6,6.0',
      '-r',
      '2',
      '-q',
      '--charts',
      'none',
      '--out',
      join(tmp, 'sweep'),
    ]);
    rmSync(tmp, { recursive: true, force: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('6 of 12 runs reused from identical arms');
  });
});
