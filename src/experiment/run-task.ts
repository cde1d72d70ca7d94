import { simulateDepartment } from '../model/department.js';
import type { DepartmentConfig } from '../model/department-config.js';
import type { RunResult } from '../model/run-result.js';

/** One unit of work for a worker: one arm of a department, one replication. Plain data. */
export interface RunTask {
  department: DepartmentConfig;
  arm: string;
  seed: number;
  replication: number;
}

export function runTask(task: RunTask): RunResult {
  return simulateDepartment(task.department, { seed: task.seed, replication: task.replication, arm: task.arm });
}
