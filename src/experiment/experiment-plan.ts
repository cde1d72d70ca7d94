// An experiment's tasks and how their results assemble: no threads, so that it runs in the browser too.
import type { RunResult } from '../model/run-result.js';
import type { LoadedScenario } from '../scenario/scenario-text.js';
import type { RunTask } from './run-task.js';
import { shareRuns } from './shared-runs.js';
import { type Summary, summarise } from './summary.js';

export interface PlanOptions {
  /** Replications (default: the scenario's). */
  replications?: number;
  /** Master seed (default: the scenario's). */
  seed?: number;
  /** Run only this replication (0-based), as it runs among all the others. */
  replication?: number;
  /**
   * Simulate a run that repeats another exactly (same department, seed and replication) only
   * once and reuse its result (default true; shared-runs.ts). The results are the same either way.
   */
  reuse?: boolean;
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
  /** The runs to simulate: `runs` less those that repeat an earlier one exactly (shared-runs.ts). */
  tasks: RunTask[];
  /** Every arm-replication run of the experiment, replication-major, simulated or reused. */
  runs: RunTask[];
  /** Runs reused rather than simulated (runs.length - tasks.length). */
  reused: number;
  /** Whether runs may be reused (PlanOptions.reuse), also across plans run together (planBatch). */
  reuse: boolean;
  /** Turns the tasks' results (in task order) into the experiment's result. */
  assemble(results: RunResult[]): ExperimentResult;
  /** Turns every run's result (in the order of `runs`) into the experiment's result. */
  assembleRuns(results: RunResult[]): ExperimentResult;
}

/** Several plans run as one batch of tasks: runs repeated within or across plans simulated once. */
export interface PlanBatch {
  /** The runs to simulate, over every plan. */
  tasks: RunTask[];
  /** Arm-replication runs over every plan, simulated or reused. */
  runs: number;
  /** Runs reused rather than simulated (runs - tasks.length). */
  reused: number;
  /** The plans' results, in the plans' order, from the tasks' results (in task order). */
  assemble(results: RunResult[]): ExperimentResult[];
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
 * Several experiments as one batch (one worker pool): a run that repeats another of any plan
 * exactly is simulated once (a sweep's variant that leaves an arm as another variant has it),
 * unless a plan was made with `reuse: false`. With nothing to reuse, the tasks are the plans'
 * tasks one after the other.
 */
export function planBatch(plans: readonly ExperimentPlan[]): PlanBatch {
  const runs = plans.flatMap((p) => p.runs);
  const shared = shareRuns(
    runs,
    plans.every((p) => p.reuse),
  );
  return {
    tasks: shared.tasks,
    runs: runs.length,
    reused: shared.reused,
    assemble(results) {
      const flat = shared.expand(results);
      let at = 0;
      return plans.map((p) => {
        const part = flat.slice(at, at + p.runs.length);
        at += p.runs.length;
        return p.assembleRuns(part);
      });
    },
  };
}

/**
 * The tasks of an experiment, replication-major (replication k of every arm, then k + 1), so
 * that several experiments can share one worker pool and a browser can show replications as
 * they finish. Common random numbers: replication k of every arm uses the streams of (seed, k).
 * An arm that resolves to the same department as an earlier arm (an arm that changes nothing)
 * is not simulated again: its runs reuse the earlier arm's (PlanOptions.reuse).
 */
export function planExperiment(scenario: LoadedScenario, options: PlanOptions = {}): ExperimentPlan {
  const seed = options.seed ?? scenario.resolved.seed;
  const count = options.replications ?? scenario.resolved.replications;
  const reps = options.replication !== undefined ? [options.replication] : Array.from({ length: count }, (_, i) => i);
  const all: RunTask[] = [];
  for (const replication of reps) {
    scenario.departments.forEach((department, a) => {
      all.push({ department, arm: scenario.resolved.arms[a].name, seed, replication });
    });
  }
  const arms = scenario.departments.length;
  const reuse = options.reuse ?? true;
  const shared = shareRuns(all, reuse);
  const assembleRuns = (flat: RunResult[]): ExperimentResult => {
    const runs: RunResult[][] = scenario.departments.map((_, a) => reps.map((_, k) => flat[k * arms + a]));
    return { scenario, seed, replications: reps, runs, summary: summarise(scenario, runs, seed) };
  };
  return {
    tasks: shared.tasks,
    runs: all,
    reused: shared.reused,
    reuse,
    assemble: (results) => assembleRuns(shared.expand(results)),
    assembleRuns,
  };
}
