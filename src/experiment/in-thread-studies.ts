import type { DepartmentConfig } from '../model/department-config.js';

/**
 * Below this many studies in all, a run's tasks run in the command's own thread: about a tenth
 * of a second of simulation, less than worker threads take to start and load the model.
 */
export const IN_THREAD_STUDIES = 100_000;

/**
 * The studies a department receives over its horizon at its volumes at time 0 (growth left
 * out): the measure of a task's size for the rule above. Studies.
 */
export function departmentStudies(department: DepartmentConfig): number {
  let perMinute = 0;
  for (const s of department.streams) perMinute += s.volume;
  return perMinute * department.horizon;
}
