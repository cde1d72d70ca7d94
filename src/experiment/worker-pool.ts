import { setMaxListeners } from 'node:events';
import type { Piscina } from 'piscina';
import { type DepartmentPart, departmentParts } from '../model/department-parts.js';
import { PartsMerge } from '../model/parts-merge.js';
import type { MetricsState } from '../model/run-metrics.js';
import type { RunResult } from '../model/run-result.js';
import { defaultJobs } from './default-jobs.js';
import { IN_THREAD_STUDIES } from './in-thread-studies.js';
import { type PrestartedWorkers, startPool } from './prestarted-workers.js';
import { type PartTask, type RunTask, runTask, taskStudies } from './run-task.js';
import { workerFile } from './worker-file.js';

export interface PoolOptions {
  /** Worker threads; 1 runs in this thread. Default: the number of cores. */
  jobs?: number;
  /**
   * Called after each task with the number done and the total, in runs; when some run is split
   * into parts (department-parts.ts), in parts of runs (`unit` says which), so that a single
   * run of a department in many parts shows its progress too.
   */
  onProgress?: (done: number, total: number, unit: 'runs' | 'parts') => void;
  /** Aborting stops the workers; the run then rejects with an AbortError. */
  signal?: AbortSignal;
  /**
   * A pool started earlier (prestarted-workers.ts), with up to as many threads as `jobs`: used
   * instead of starting one (`runTasks` then destroys it). Left alone when the tasks run in this
   * thread; its starter discards it.
   */
  prestarted?: PrestartedWorkers;
  /**
   * Called once, on worker threads, when fewer pieces of work are left unfinished than there
   * are threads, while some still run (`running`: how many, one less than the threads): from
   * then on a core this run had is idle until the end (the command's chart thread may use it).
   */
  onCoreFree?: (running: number) => void;
}

// Below IN_THREAD_STUDIES studies in all, tasks run in this thread (in-thread-studies.ts).
export { defaultJobs, IN_THREAD_STUDIES };

/** A run that needed more memory than a worker had: the input is too big, not a bug. */
export class OutOfMemoryError extends Error {
  override readonly name = 'OutOfMemoryError';
}

/**
 * Runs tasks and returns their results in task order, whatever order they finish in, so that
 * the results are the same for every number of threads. Each task is a pure function of its
 * data (its random streams come from its seed and replication).
 *
 * A department that falls into parts sharing no readers (model/department-parts.ts) is run as
 * one task per part, and the parts' metrics are merged here in the parts' order: the same
 * merge, in the same order, as simulateDepartment does in one thread, so the result does not
 * depend on the number of threads.
 *
 * Small runs, and one job without an abort signal, run in this thread. Otherwise, with a
 * signal, tasks run in worker threads even for one job: a long task in this thread could not be
 * stopped by Ctrl-C until it ended. When a task fails, the others are stopped and awaited before the pool is
 * destroyed, and the first failure is thrown (OutOfMemoryError when a worker ran out of memory).
 */
export async function runTasks(tasks: RunTask[], options: PoolOptions = {}): Promise<RunResult[]> {
  // Departments that fall into parts: one piece of work per part (its index in the parts).
  const partsOf = new Map<RunTask['department'], DepartmentPart[]>();
  const work: { task: RunTask | PartTask; of: number; part: number }[] = [];
  const parts: (DepartmentPart[] | null)[] = tasks.map((task, i) => {
    let ps = partsOf.get(task.department);
    if (!ps) {
      ps = departmentParts(task.department);
      partsOf.set(task.department, ps);
    }
    if (ps.length <= 1) {
      work.push({ task, of: i, part: 0 });
      return null;
    }
    ps.forEach((p, k) => {
      work.push({ task: { ...task, department: p.config, part: true }, of: i, part: k });
    });
    return ps;
  });
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), work.length));
  // Small runs stay in this thread: starting the workers would take longer than the run (and a
  // Ctrl-C waits a tenth of a second at most). The results are the same either way.
  const small = tasks.reduce((n, t) => n + taskStudies(t), 0) < IN_THREAD_STUDIES;
  const results: RunResult[] = new Array(tasks.length);
  let done = 0;
  const report = () => options.onProgress?.(++done, tasks.length, 'runs');
  if (options.signal?.aborted) throw abortError();
  if (small || (jobs === 1 && !options.signal)) {
    // A prestarted worker would only take a core from this thread: stopped now.
    void options.prestarted?.discard();
    for (let i = 0; i < tasks.length; i++) {
      if (options.signal?.aborted) throw abortError();
      results[i] = runTask(tasks[i]);
      report();
      // Yield so that the progress bar gets a turn between tasks.
      await new Promise((r) => setImmediate(r));
    }
    return results;
  }
  // With parts, progress counts parts: a run in 42 parts moves 42 times, not once at its end.
  const split = work.length > tasks.length;
  let partsDone = 0;
  // Each run in parts merges its parts' states as they come (in the parts' order), holding only early ones.
  const merges = tasks.map((task, i) => {
    const ps = parts[i];
    return ps ? new PartsMerge(task.department, ps) : null;
  });
  const left = tasks.map((_, i) => parts[i]?.length ?? 1);
  let unfinished = work.length;
  // One controller stops every task: on the caller's abort, or on the first failure.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  // Every queued task listens for the abort: more than the default ten is expected.
  setMaxListeners(work.length + 10, stop.signal);
  const pool = (await options.prestarted?.take()) ?? (await startPool(jobs));
  let firstError: unknown = null;
  try {
    await Promise.all(
      work.map(async ({ task, of, part }) => {
        try {
          const out = await pool.run(task, { signal: stop.signal });
          const merge = merges[of];
          if (merge) merge.add(part, out as MetricsState);
          else results[of] = out as RunResult;
          const last = --left[of] === 0;
          unfinished--;
          if (unfinished > 0 && unfinished === jobs - 1) options.onCoreFree?.(unfinished);
          // The parts merged in their order, as simulateDepartment merges them in one thread.
          if (last && merge) results[of] = merge.result(tasks[of].arm, tasks[of].replication);
          if (split) options.onProgress?.(++partsDone, work.length, 'parts');
          else if (last) report();
        } catch (e) {
          if (firstError === null && !stop.signal.aborted) firstError = e;
          stop.abort();
        }
      }),
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await pool.destroy().catch(() => {});
  }
  if (options.signal?.aborted) throw abortError();
  if (firstError !== null) throw asKnownError(firstError);
  return results;
}

/** A worker's failure as this thread should report it. */
function asKnownError(e: unknown): unknown {
  const code = (e as { code?: string })?.code;
  const message = e instanceof Error ? e.message : String(e);
  if (
    code === 'ERR_WORKER_OUT_OF_MEMORY' ||
    /out of memory|allocation failed|Invalid typed array length|Array buffer allocation/i.test(message)
  )
    return new OutOfMemoryError(`a run needed more memory than there is (${message.split('\n')[0]})`);
  return e;
}

/** A pool of worker threads kept open for several batches of tasks (a search that simulates many times). */
export interface TaskPool {
  /** Runs a batch; results in task order, the same for every number of threads. */
  run(tasks: RunTask[]): Promise<RunResult[]>;
  close(): Promise<void>;
}

/** Opens a task pool: with `jobs` 1 the tasks run in this thread; else on `jobs` worker threads. */
export function openTaskPool(options: PoolOptions = {}): TaskPool {
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  if (jobs === 1) return { run: (tasks) => runTasks(tasks, { ...options, jobs: 1 }), close: async () => {} };
  const { filename, execArgv } = workerFile('worker', import.meta.url);
  // The workers start with the first batch (piscina itself is loaded only then).
  let started: Promise<Piscina> | null = null;
  const pool = () => {
    started ??= import('piscina').then(
      (m) => new m.Piscina({ filename, execArgv, minThreads: jobs, maxThreads: jobs, idleTimeout: 1000 }),
    );
    return started;
  };
  return {
    async run(tasks) {
      if (options.signal) setMaxListeners(tasks.length + 10, options.signal);
      const p = await pool();
      try {
        return (await Promise.all(tasks.map((task) => p.run(task, { signal: options.signal })))) as RunResult[];
      } catch (e) {
        if (options.signal?.aborted) throw abortError();
        throw e;
      }
    },
    close: async () => {
      if (started) await (await started).destroy();
    },
  };
}

function abortError(): Error {
  const e = new Error('the run was interrupted');
  e.name = 'AbortError';
  return e;
}
