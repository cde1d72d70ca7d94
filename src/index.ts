/**
 * readsim's programming interface: what the command line is built on. A script can load a
 * scenario, change it, run it and read the summary and the period table:
 *
 *   import { loadScenario, runExperiment, writeResults } from 'readsim';
 *   const scenario = loadScenario('scenarios/widening-gap.yaml', { set: ['readers.general.count=8'] });
 *   const result = await runExperiment(scenario, { replications: 5 });
 *   console.log(result.summary.arms[0]);            // the same object as summary.json
 *   console.log(result.runs[0][0].periods.backlog_end); // one column of periods.csv
 *   await writeResults(result, 'output/my-run');
 */
export type { DistributionSpec } from './engine/distributions.js';
export { EngineError } from './engine/errors.js';
export { type ExperimentOptions, type ExperimentResult, runExperiment } from './experiment/experiment.js';
export type { ArmSummary, Difference, Statistic, Summary } from './experiment/summary.js';
export { parseVary, runSweep, type SweepAxis, type SweepResult, sweepVariants } from './experiment/sweep.js';
export { type CheckRow, runVerification, VERIFICATION_CASES } from './experiment/verification.js';
export { simulateDepartment } from './model/department.js';
export type { DepartmentConfig } from './model/department-config.js';
export { PERIOD_COLUMNS, type RunResult } from './model/run-result.js';
export { STATISTICS, type StatisticEntry, statisticLabel } from './model/statistics-catalogue.js';
export { periodsCsv } from './report/csv.js';
export { writeResults } from './report/results-folder.js';
export { writeSweep } from './report/sweep-output.js';
export { listBundledScenarios } from './scenario/bundled-scenarios.js';
export { scenarioJsonSchema } from './scenario/json-schema.js';
export {
  type LoadedScenario,
  type LoadOptions,
  loadScenario,
  parseScenarioText,
  validateScenario,
} from './scenario/load-scenario.js';
export type { ResolvedScenario } from './scenario/resolve.js';
export { ScenarioError, type ScenarioIssue } from './scenario/scenario-error.js';
