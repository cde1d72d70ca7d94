// A Web Worker: runs one (arm, replication) of the same model code as the command line, or one
// traced run for the day animation. Messages are plain data.
import { type RunTask, runTask } from '../experiment/run-task.js';
import { simulateDepartment } from '../model/department.js';
import type { DepartmentConfig } from '../model/department-config.js';
import { TraceRecorder } from '../model/event-trace.js';

export type WorkerRequest =
  | { type: 'run'; job: number; task: RunTask }
  | {
      type: 'trace';
      job: number;
      department: DepartmentConfig;
      seed: number;
      replication: number;
      from: number;
      to: number;
      limit: number;
    };

const post = (m: unknown) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);

self.addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  try {
    if (m.type === 'run') {
      post({ job: m.job, result: runTask(m.task) });
    } else {
      const trace = new TraceRecorder({ from: m.from, to: m.to, limit: m.limit });
      const result = simulateDepartment(m.department, { seed: m.seed, replication: m.replication, trace });
      post({ job: m.job, result, trace: { events: trace.events, truncated: trace.truncated } });
    }
  } catch (err) {
    post({ job: m.job, error: err instanceof Error ? err.message : String(err) });
  }
});
