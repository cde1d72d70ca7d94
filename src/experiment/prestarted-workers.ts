import type { Piscina } from 'piscina';
import type { DepartmentConfig } from '../model/department-config.js';
import { departmentParts } from '../model/department-parts.js';
import { defaultJobs } from './default-jobs.js';
import { departmentStudies, IN_THREAD_STUDIES } from './in-thread-studies.js';
import { workerFile } from './worker-file.js';

/**
 * A worker pool started before its tasks are known: a command that will probably simulate
 * (`readsim run`) starts one worker at once, and it loads the model's code (about 0.15 s) while
 * the command loads its own code and the scenario. `runTasks` then takes the pool
 * (`PoolOptions.prestarted`) instead of starting one; a run small enough to stay in the
 * command's thread leaves it, and the command discards it.
 */
export interface PrestartedWorkers {
  /** The pool, its first worker started or starting; null once taken or discarded. Only the first call gets it. */
  take(): Promise<Piscina | null>;
  /** Stops the pool's workers unless it was taken (then its taker destroys it). */
  discard(): Promise<void>;
}

/**
 * Starts a pool of up to `jobs` worker threads (default: one a core) with one worker started
 * now: it is sent a start-up task (null, see worker.ts), which makes piscina start it and load
 * the worker module. No error is thrown: a pool that fails to start is left to `runTasks`,
 * which starts its own.
 */
export function prestartWorkers(jobs = defaultJobs()): PrestartedWorkers {
  let pool: Promise<Piscina | null> | null = startPool(Math.max(1, jobs)).then(
    (p) => {
      p.run(null).catch(() => {});
      return p;
    },
    () => null,
  );
  return {
    take() {
      const p = pool;
      pool = null;
      return p ?? Promise.resolve(null);
    },
    async discard() {
      const p = pool;
      pool = null;
      const started = await p;
      await started?.destroy().catch(() => {});
    },
  };
}

/** A pool of up to `jobs` simulation worker threads (worker.ts), none started yet: the one `runTasks` and `prestartWorkers` use. */
export async function startPool(jobs: number): Promise<Piscina> {
  const { filename, execArgv } = workerFile('worker', import.meta.url);
  const { Piscina } = await import('piscina');
  // No minimum of threads: after an abort piscina would start a new worker, and destroy wait for it.
  return new Piscina({ filename, execArgv, minThreads: 0, maxThreads: jobs, idleTimeout: 1000 });
}

/**
 * Starts the workers for a run of these departments (one per arm), each `replications` times, if
 * it is large enough for worker threads (IN_THREAD_STUDIES, the rule `runTasks` applies, before
 * the run is planned); undefined otherwise. The pool has up to `jobs` threads (default: one a
 * core), and no more than the run's pieces of work (its runs, or their parts: department-parts.ts),
 * as `runTasks` would have: a run of one task must not start a second worker while the first
 * loads. An arm the plan finds identical to an earlier one is counted again (the plan runs it
 * once), so a borderline run may start a worker it then stops.
 */
export function prestartFor(
  departments: readonly DepartmentConfig[],
  replications: number,
  jobs = defaultJobs(),
): PrestartedWorkers | undefined {
  let studies = 0;
  let pieces = 0;
  for (const d of departments) {
    studies += departmentStudies(d);
    pieces += departmentParts(d).length;
  }
  if (studies * replications < IN_THREAD_STUDIES) return undefined;
  return prestartWorkers(Math.max(1, Math.min(jobs, pieces * replications)));
}
