/** The worker pool: when tasks fail, the first failure is thrown, the others are stopped, nothing crashes; a pool started early is taken or stopped. */
import { describe, expect, it } from 'vitest';
import { prestartFor, prestartWorkers } from '../../src/experiment/prestarted-workers.js';
import type { RunTask } from '../../src/experiment/run-task.js';
import { IN_THREAD_STUDIES, runTasks } from '../../src/experiment/worker-pool.js';
import { parseScenarioText, validateScenario } from '../../src/scenario/load-scenario.js';

const SMALL = `name: probe
horizon: 1w
streams:
  - { name: s1, volume: 40/day, readTime: { dist: exponential, mean: 10m } }
readers:
  - { name: r, count: 5 }
`;

/** 60,000 studies a task: two tasks are past IN_THREAD_STUDIES, so they go to worker threads. */
const BIG = SMALL.replace('horizon: 1w', 'horizon: 10d').replace('40/day', '6000/day').replace('count: 5', 'count: 60');

describe('worker pool failures', () => {
  it('two tasks failing together reject the run with the first failure, in worker threads', async () => {
    const good = validateScenario('x.yaml', parseScenarioText('x.yaml', BIG)).departments[0];
    // A department the model refuses (validation would never let this through).
    const broken = { ...good, streams: good.streams.map((s) => ({ ...s, pattern: new Array(168).fill(0) })) };
    const tasks: RunTask[] = [0, 1, 2, 3].map((k) => ({ department: k < 2 ? broken : good, arm: 'a', seed: 1, replication: k }));
    expect(2 * 60_000).toBeGreaterThan(IN_THREAD_STUDIES);
    const controller = new AbortController();
    await expect(runTasks(tasks, { jobs: 2, signal: controller.signal })).rejects.toThrow(/weekly pattern/);
    // The pool is gone and a new run works.
    const ok = await runTasks(tasks.slice(2), { jobs: 2, signal: controller.signal });
    expect(ok).toHaveLength(2);
  });
});

describe('a worker pool started before its tasks (prestartWorkers)', () => {
  const department = validateScenario('x.yaml', parseScenarioText('x.yaml', BIG)).departments[0];
  const tasks: RunTask[] = [0, 1].map((k) => ({ department, arm: 'a', seed: 1, replication: k }));

  it('is taken by a run in worker threads, with the results of a run in this thread', async () => {
    expect(tasks.length * 60_000).toBeGreaterThan(IN_THREAD_STUDIES);
    const workers = prestartWorkers(1);
    const controller = new AbortController();
    const inPool = await runTasks(tasks, { jobs: 1, signal: controller.signal, prestarted: workers });
    // runTasks took it (and destroyed it): nothing is left to take or discard.
    expect(await workers.take()).toBeNull();
    await workers.discard();
    const inThread = await runTasks(tasks, { jobs: 1 });
    expect(inPool).toEqual(inThread);
  });

  it('is left, and stopped, by a run small enough for this thread', async () => {
    const small = validateScenario('x.yaml', parseScenarioText('x.yaml', SMALL)).departments[0];
    const workers = prestartWorkers(2);
    const controller = new AbortController();
    const r = await runTasks([{ department: small, arm: 'a', seed: 1, replication: 0 }], {
      jobs: 2,
      signal: controller.signal,
      prestarted: workers,
    });
    expect(r).toHaveLength(1);
    expect(await workers.take()).toBeNull();
  });

  it('is started for a run large enough for worker threads, with no more threads than its pieces of work', async () => {
    const small = validateScenario('x.yaml', parseScenarioText('x.yaml', SMALL)).departments[0];
    expect(prestartFor([small], 2, 2)).toBeUndefined();
    // One run of 60,000 studies, twice: two pieces; once more: three, but two threads at most.
    const one = prestartFor([department], 2, 4);
    const pool = await one?.take();
    expect(pool?.maxThreads).toBe(2);
    await pool?.destroy();
    const capped = prestartFor([department, department], 2, 2);
    const cappedPool = await capped?.take();
    expect(cappedPool?.maxThreads).toBe(2);
    await cappedPool?.destroy();
    // A run of one task: one thread, so the task never starts a second worker while the first loads.
    const big = { ...department, horizon: 2 * department.horizon };
    const single = prestartFor([big], 1, 2);
    const singlePool = await single?.take();
    expect(singlePool?.maxThreads).toBe(1);
    await singlePool?.destroy();
  });

  it('is stopped by discard when no run takes it', async () => {
    const workers = prestartWorkers(1);
    const pool = await workers.take();
    expect(pool).not.toBeNull();
    // The start-up task returns null: the worker loaded its module.
    expect(await pool?.run(null)).toBeNull();
    await pool?.destroy();
    const other = prestartWorkers(1);
    await other.discard();
    expect(await other.take()).toBeNull();
  });
});
