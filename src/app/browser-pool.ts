// The browser side of the worker pool (the command line's is experiment/worker-pool.ts, on
// piscina): the same tasks, run in Web Workers, results in task order whatever order they finish in.
import type { RunTask } from '../experiment/run-task.js';
import type { DepartmentConfig } from '../model/department-config.js';
import type { TraceEvent } from '../model/event-trace.js';
import type { RunResult } from '../model/run-result.js';
import type { WorkerRequest } from './sim-worker.ts';
import SimWorker from './sim-worker.ts?worker&inline';

/** A request without its job number (Omit over each member of the union). */
type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'job'> : never) : never;

type Reply = { job: number; result?: RunResult; trace?: { events: TraceEvent[]; truncated: boolean }; error?: string };

interface Slot {
  worker: Worker;
  busy: boolean;
}

export class AbortedRun extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'AbortError';
  }
}

/** Workers: as many as the machine's cores, at most 4, at least 1. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
}

export class BrowserPool {
  private slots: Slot[] = [];
  private nextJob = 1;
  private generation = 0;
  private readonly waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void; slot: Slot }>();

  constructor(readonly size = defaultWorkers()) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new SimWorker(), busy: false };
    slot.worker.addEventListener('message', (e: MessageEvent<Reply>) => {
      const w = this.waiting.get(e.data.job);
      if (!w) return;
      this.waiting.delete(e.data.job);
      slot.busy = false;
      if (e.data.error) w.reject(new Error(e.data.error));
      else w.resolve(e.data);
    });
    slot.worker.addEventListener('error', (e) => {
      e.preventDefault();
      for (const [job, w] of this.waiting) {
        if (w.slot === slot) {
          this.waiting.delete(job);
          w.reject(new Error(e.message || 'a simulation worker failed'));
        }
      }
      slot.busy = false;
    });
    return slot;
  }

  private send(slot: Slot, request: Request): Promise<Reply> {
    const job = this.nextJob++;
    slot.busy = true;
    return new Promise((resolve, reject) => {
      this.waiting.set(job, { resolve, reject, slot });
      slot.worker.postMessage({ ...request, job });
    });
  }

  /** Stops every worker's work in hand (they are replaced); the runs waiting on them reject with AbortedRun. */
  cancelAll(): void {
    this.generation++;
    for (const [job, w] of this.waiting) {
      this.waiting.delete(job);
      w.reject(new AbortedRun());
    }
    this.slots = this.slots.map((s) => {
      if (!s.busy) return s;
      s.worker.terminate();
      return this.spawn();
    });
  }

  /**
   * Runs tasks in order on the free workers; `onResult` hears of each as it finishes. Resolves
   * with the results in task order (so assembling them gives the command line's summary).
   */
  async runTasks(tasks: RunTask[], onResult?: (index: number, result: RunResult, done: number) => void): Promise<RunResult[]> {
    const results: RunResult[] = new Array(tasks.length);
    let next = 0;
    let done = 0;
    const generation = this.generation;
    const lane = async (slot: Slot) => {
      while (next < tasks.length) {
        if (generation !== this.generation) throw new AbortedRun();
        const i = next++;
        const reply = await this.send(slot, { type: 'run', task: tasks[i] });
        results[i] = reply.result as RunResult;
        done++;
        onResult?.(i, results[i], done);
      }
    };
    await Promise.all(this.slots.map((s) => lane(s)));
    return results;
  }

  /** One traced run (the day animation): the events between `from` and `to` minutes. */
  async trace(
    department: DepartmentConfig,
    options: { seed: number; replication: number; from: number; to: number; limit: number },
  ): Promise<{ result: RunResult; events: TraceEvent[]; truncated: boolean }> {
    const slot = this.slots.find((s) => !s.busy) ?? this.slots[0];
    const reply = await this.send(slot, { type: 'trace', department, ...options });
    return { result: reply.result as RunResult, events: reply.trace?.events ?? [], truncated: reply.trace?.truncated ?? false };
  }
}
