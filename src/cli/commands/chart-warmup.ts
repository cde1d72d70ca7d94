// When the chart thread warms vega up while a run simulates (chart-worker.ts): the rule.
import { defaultJobs } from '../../experiment/default-jobs.js';
import { type RunTask, taskStudies } from '../../experiment/run-task.js';

/**
 * Studies simulated from which the chart thread warms vega up while the run simulates: about a
 * second of simulation, longer than the warm-up's first round; a shorter run would have its
 * charts wait for a warm-up chart.
 */
export const WARMUP_STUDIES = 1_000_000;

/**
 * Whether a run of `tasks` on `jobs` threads (default: one a core) is long enough for the chart
 * thread to warm up while it runs (WARMUP_STUDIES), and leaves a core idle for it: its threads
 * plus `load` (the cores other programs keep busy: other-programs-load.ts) at least half a core short of the `cores`. On a busy machine the
 * warm-up would take CPU time from the simulation (measured: the whole command slower, not
 * faster). Counted in runs: a run the pool splits into
 * parts (department-parts.ts) may keep more threads busy than that.
 */
export function leavesCoreForCharts(
  tasks: readonly RunTask[],
  jobs: number | undefined,
  load: number,
  cores = defaultJobs(),
): boolean {
  return longRunWithIdleCore(tasks, Math.min(jobs ?? cores, tasks.length), load, cores);
}

/**
 * Whether the chart thread warms vega up when a run of `tasks` on worker threads frees a core
 * before its end (runTasks' onCoreFree; the last tasks of a long run go on for seconds): when
 * the run is long enough (WARMUP_STUDIES) and the threads still `running` plus `load` (other
 * programs, other-programs-load.ts) leave at least half a core of the `cores` idle. (A run
 * that warmed up from its start, leavesCoreForCharts, is not warmed again.)
 */
export function coreFreeForCharts(tasks: readonly RunTask[], running: number, load: number, cores = defaultJobs()): boolean {
  return longRunWithIdleCore(tasks, running, load, cores);
}

/** The rule of both: at least WARMUP_STUDIES, and `threads` + `load` at least half a core short of `cores`. */
function longRunWithIdleCore(tasks: readonly RunTask[], threads: number, load: number, cores: number): boolean {
  const studies = tasks.reduce((n, t) => n + taskStudies(t), 0);
  return studies >= WARMUP_STUDIES && threads + load < cores - 0.5;
}
