import { availableParallelism } from 'node:os';

/** Worker threads when none are asked for: the cores of this machine. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}
