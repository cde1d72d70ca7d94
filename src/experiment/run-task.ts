import { simulateDepartment, simulatePart } from '../model/department.js';
import type { DepartmentConfig } from '../model/department-config.js';
import type { MetricsState } from '../model/run-metrics.js';
import type { RunResult } from '../model/run-result.js';
import { departmentStudies } from './in-thread-studies.js';

/** One unit of work for a worker: one arm of a department, one replication. Plain data. */
export interface RunTask {
  department: DepartmentConfig;
  arm: string;
  seed: number;
  replication: number;
}

/**
 * One part of a department (model/department-parts.ts) for one arm and replication: `department`
 * is the part's config; its result is the part's metrics state, merged with the other parts'
 * by the caller (mergeParts). Plain data.
 */
export interface PartTask extends RunTask {
  part: true;
}

export function runTask(task: RunTask): RunResult {
  return simulateDepartment(task.department, { seed: task.seed, replication: task.replication, arm: task.arm });
}

export function runPartTask(task: PartTask): MetricsState {
  return simulatePart(task.department, { seed: task.seed, replication: task.replication, arm: task.arm });
}

/** Studies a task simulates, roughly (arrival rates at time 0 over the horizon, growth ignored): a measure of its work. */
export function taskStudies(task: RunTask): number {
  return departmentStudies(task.department);
}
