// A piscina worker thread: runs one (arm, replication), or one part of it, and returns its plain-data result.
import { type PartTask, type RunTask, runPartTask, runTask } from './run-task.js';

export default function work(task: RunTask | PartTask) {
  return 'part' in task ? runPartTask(task) : runTask(task);
}
