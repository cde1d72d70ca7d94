// Runs that would simulate exactly the same thing twice are simulated once: no threads, so that it runs in the browser too.
import type { DepartmentConfig } from '../model/department-config.js';
import { modelInputs } from '../model/model-inputs.js';
import type { RunResult } from '../model/run-result.js';
import type { RunTask } from './run-task.js';

/**
 * A department as text that is the same for two departments exactly when the model would
 * simulate them the same way: every field the model reads (model/model-inputs.ts), in its order (an absent field and one set to
 * `undefined` differ, so do key orders, 0 and -0, NaN and Infinity: being strict can only miss
 * a reuse, never make a wrong one). Null when the department holds something that is not plain
 * data (it is then never shared). Computed once per department object.
 */
export function departmentIdentity(config: DepartmentConfig): string | null {
  let text = identities.get(config);
  if (text === undefined) {
    const parts: string[] = [];
    // Settings the model does not read for this arm (a tool it does not deploy) do not count.
    text = canonical(modelInputs(config), parts) ? parts.join('') : null;
    identities.set(config, text);
  }
  return text;
}

const identities = new WeakMap<DepartmentConfig, string | null>();

/** Appends `value`'s canonical text to `out`; false when it is not plain data. */
function canonical(value: unknown, out: string[]): boolean {
  if (value === null) out.push('n');
  else if (value === undefined) out.push('u');
  else if (typeof value === 'boolean') out.push(value ? 't' : 'f');
  // String(x) is the shortest text that reads back as x: two numbers give one text only when equal.
  else if (typeof value === 'number') out.push(Object.is(value, -0) ? '#-0' : `#${String(value)}`);
  else if (typeof value === 'string') out.push(JSON.stringify(value));
  else if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      // A hole reads as undefined.
      if (!canonical(value[i], out)) return false;
    }
    out.push(']');
  } else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    out.push('{');
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(k), ':');
      if (!canonical(v, out)) return false;
    }
    out.push('}');
  } else return false;
  return true;
}

/** Runs, and which of them are simulated. */
export interface SharedRuns {
  /** The runs to simulate: the first of each identity, in the runs' order. */
  tasks: RunTask[];
  /** For each run, the index in `tasks` of the task that gives its result. */
  source: number[];
  /** Runs not simulated (runs.length - tasks.length). */
  reused: number;
  /**
   * Every run's result, in the runs' order, from the tasks' results (in task order): a reused
   * run's result is its task's, under the run's own arm name (the statistics are shared, not
   * copied: results are read, never changed, once made).
   */
  expand(results: RunResult[]): RunResult[];
}

/**
 * Finds the runs that repeat an earlier run exactly, so that only the first is simulated. What
 * decides a run's result: its department (departmentIdentity), seed and replication. The arm's
 * name is not among them: a run's random streams come from (seed, replication) alone
 * (model/department.ts, `new RandomStreams(seed, replication)`), and the name is only written
 * into the result, so two arms of different names that resolve to the same department give the
 * same result but for that name. Should the arm ever enter the random streams, it must enter
 * the key here too (tests/experiment/shared-runs.test.ts then fails).
 *
 * With `reuse` false, every run is a task. With nothing to reuse, the tasks are the runs
 * themselves, in their order.
 */
export function shareRuns(runs: readonly RunTask[], reuse = true): SharedRuns {
  const tasks: RunTask[] = [];
  const source: number[] = [];
  const seen = new Map<string, number>();
  // Each department's text once, as a number: the runs' keys stay short however large the departments.
  const departments = new Map<string, number>();
  const runKey = (run: RunTask): string | null => {
    const text = departmentIdentity(run.department);
    if (text === null) return null;
    let d = departments.get(text);
    if (d === undefined) {
      d = departments.size;
      departments.set(text, d);
    }
    return `${d}|${run.seed}|${run.replication}`;
  };
  for (const run of runs) {
    const id = reuse ? runKey(run) : null;
    const earlier = id === null ? undefined : seen.get(id);
    if (earlier !== undefined) {
      source.push(earlier);
      continue;
    }
    if (id !== null) seen.set(id, tasks.length);
    source.push(tasks.length);
    tasks.push(run);
  }
  return {
    tasks,
    source,
    reused: runs.length - tasks.length,
    expand(results) {
      if (results.length !== tasks.length) throw new Error(`expected ${tasks.length} results, found ${results.length}`);
      return runs.map((run, i) => {
        const r = results[source[i]];
        return r.arm === run.arm && r.replication === run.replication ? r : { ...r, arm: run.arm, replication: run.replication };
      });
    },
  };
}
