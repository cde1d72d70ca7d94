import type { LoadedScenario } from '../scenario/load-scenario.js';
import {
  type ExperimentPlan,
  type ExperimentResult,
  type PlanBatch,
  type PlanOptions,
  planBatch,
  planExperiment,
  runPlan,
} from './experiment-plan.js';
import { type PoolOptions, runTasks } from './worker-pool.js';

export {
  type ExperimentPlan,
  type ExperimentResult,
  type PlanBatch,
  type PlanOptions,
  planBatch,
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

/**
 * Several experiments on one worker pool; results in the order given. A run that repeats
 * another exactly, in the same plan or another, is simulated once (planBatch); progress counts
 * the runs simulated.
 */
export async function runExperiments(plans: ExperimentPlan[], options: PoolOptions = {}): Promise<ExperimentResult[]> {
  return runBatch(planBatch(plans), options);
}

/** Runs a batch of plans (planBatch) on one worker pool; results in the plans' order. */
export async function runBatch(batch: PlanBatch, options: PoolOptions = {}): Promise<ExperimentResult[]> {
  return batch.assemble(await runTasks(batch.tasks, options));
}
