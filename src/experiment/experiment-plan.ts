// An experiment's tasks and how their results assemble: no threads, so that it runs in the browser too.
import type { RunResult } from '../model/run-result.js';
import type { LoadedScenario } from '../scenario/scenario-text.js';
import type { RunTask } from './run-task.js';
import { type Summary, summarise } from './summary.js';

export interface PlanOptions {
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

export interface ExperimentPlan {
  tasks: RunTask[];
  /** Turns the tasks' results (in task order) into the experiment's result. */
  assemble(results: RunResult[]): ExperimentResult;
}

/**
 * Runs tasks and returns their results in task order, whatever order they finish in: piscina
 * threads on Node (worker-pool.ts), Web Workers in the browser (app/browser-pool.ts).
 */
export type TaskRunner = (tasks: RunTask[]) => Promise<RunResult[]>;

/** Runs a plan on a runner and assembles the result: the one path from tasks to summary, CLI and browser. */
export async function runPlan(plan: ExperimentPlan, run: TaskRunner): Promise<ExperimentResult> {
  return plan.assemble(await run(plan.tasks));
}

/**
 * The tasks of an experiment, replication-major (replication k of every arm, then k + 1), so
 * that several experiments can share one worker pool and a browser can show replications as
 * they finish. Common random numbers: replication k of every arm uses the streams of (seed, k).
 */
export function planExperiment(scenario: LoadedScenario, options: PlanOptions = {}): ExperimentPlan {
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
