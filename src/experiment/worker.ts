// A piscina worker thread: runs one (arm, replication) and returns its plain-data result.
import { type RunTask, runTask } from './run-task.js';

export default function work(task: RunTask) {
  return runTask(task);
}
