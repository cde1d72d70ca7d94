import type { LoadedScenario } from '../scenario/load-scenario.js';
import { type ExperimentPlan, type ExperimentResult, type PlanOptions, planExperiment, runPlan } from './experiment-plan.js';
import { type PoolOptions, runTasks } from './worker-pool.js';

export {
  type ExperimentPlan,
  type ExperimentResult,
  type PlanOptions,
  planExperiment,
  runPlan,
  type TaskRunner,
} from './experiment-plan.js';

export interface ExperimentOptions extends PlanOptions, PoolOptions {}

/**
 * Runs every arm for every replication with common random numbers: replication k of every arm
 * uses the streams of (seed, k), so the arms see the same patients. Replication k's streams do
 * not depend on how many replications run, so any one can be rerun alone.
 */
export async function runExperiment(scenario: LoadedScenario, options: ExperimentOptions = {}): Promise<ExperimentResult> {
  return runPlan(planExperiment(scenario, options), (tasks) => runTasks(tasks, options));
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
