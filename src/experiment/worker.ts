// A piscina worker thread: runs one (arm, replication), or one part of it, and returns its plain-data result.
import { type PartTask, type RunTask, runPartTask, runTask } from './run-task.js';

/** null: a start-up task (prestarted-workers.ts), which only makes the worker load this module; it returns null. */
export default function work(task: RunTask | PartTask | null) {
  if (task === null) return null;
  return 'part' in task ? runPartTask(task) : runTask(task);
}
