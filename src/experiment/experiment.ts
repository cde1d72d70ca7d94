import type { RunResult } from '../model/run-result.js';
import type { LoadedScenario } from '../scenario/load-scenario.js';
import type { RunTask } from './run-task.js';
import { type Summary, summarise } from './summary.js';
import { type PoolOptions, runTasks } from './worker-pool.js';

export interface ExperimentOptions extends PoolOptions {
  /** Replications (default: the scenario's). */
  replications?: number;
  /** Master seed (default: the scenario's). */
  seed?: number;
  /** Run only this replication (0-based), as it runs among all the others. */
  replication?: number;
}

export interface ExperimentResult {
  scenario: LoadedScenario;
  seed: number;
  /** Replication numbers run (0-based). */
  replications: number[];
  /** Results indexed [arm][replication position]. */
  runs: RunResult[][];
  summary: Summary;
}

/**
 * Runs every arm for every replication with common random numbers: replication k of every arm
 * uses the streams of (seed, k), so the arms see the same patients. Replication k's streams do
 * not depend on how many replications run, so any one can be rerun alone.
 */
export async function runExperiment(scenario: LoadedScenario, options: ExperimentOptions = {}): Promise<ExperimentResult> {
  const plan = planExperiment(scenario, options);
  return plan.assemble(await runTasks(plan.tasks, options));
}

export interface ExperimentPlan {
  tasks: RunTask[];
  /** Turns the tasks' results (in task order) into the experiment's result. */
  assemble(results: RunResult[]): ExperimentResult;
}

/** The tasks of an experiment, so that several experiments can share one worker pool. */
export function planExperiment(scenario: LoadedScenario, options: ExperimentOptions = {}): ExperimentPlan {
  const seed = options.seed ?? scenario.resolved.seed;
  const count = options.replications ?? scenario.resolved.replications;
  const reps = options.replication !== undefined ? [options.replication] : Array.from({ length: count }, (_, i) => i);
  const tasks: RunTask[] = [];
  for (const replication of reps) {
    scenario.departments.forEach((department, a) => {
      tasks.push({ department, arm: scenario.resolved.arms[a].name, seed, replication });
    });
  }
  const arms = scenario.departments.length;
  return {
    tasks,
    assemble(flat) {
      const runs: RunResult[][] = scenario.departments.map((_, a) => reps.map((_, k) => flat[k * arms + a]));
      return { scenario, seed, replications: reps, runs, summary: summarise(scenario, runs, seed) };
    },
  };
}

/** Several experiments on one worker pool; results in the order given. */
export async function runExperiments(plans: ExperimentPlan[], options: PoolOptions = {}): Promise<ExperimentResult[]> {
  const tasks = plans.flatMap((p) => p.tasks);
  const flat = await runTasks(tasks, options);
  let at = 0;
  return plans.map((p) => {
    const part = flat.slice(at, at + p.tasks.length);
    at += p.tasks.length;
    return p.assemble(part);
  });
}
